using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Archive.Data;
using Archive.Delivery.Cache;
using Archive.Identity;
using Archive.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Management;

/// Archive's own routes for the back office's deep-zoom preview (the IIIF Image API over any media item a
/// signed-in person may read, published or not) and for its maps (the configured tiles).
public sealed class BackOfficeImagingApiTests(BackOfficeImagingApiTests.Host host) : IClassFixture<BackOfficeImagingApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Chest = "88049aca-396f-f9ca-8e5d-3c099713cf03"; // a published 800×600 image
    private const string PushkinFolder = "8944e568-4c51-8314-8986-08f862cae5a9";
    private const string ChestArtefact = "ee109d7d-f924-0815-7492-041e2894165b";

    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public HttpClient Viewer { get; private set; } = null!;
        public HttpClient Anonymous { get; private set; } = null!;

        public Host()
        {
            Settings["Archive:Management:SignInPermitsPerMinute"] = "1000";
            Settings["Archive:Maps:TileUrl"] = "https://tiles.example.test/{z}/{x}/{y}.png";
            Settings["Archive:Maps:Attribution"] = "© OpenStreetMap contributors";
            Settings["Archive:Maps:MaxZoom"] = "40";
        }

        public async Task InitializeAsync()
        {
            Anonymous = await ReadyClientAsync();
            const string secret = "back-office-imaging-tests-secret-0123456789";
            using (var scope = Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<Accounts>().CreateApiClientAsync("umbraco-back-office-imaging-viewer", null, Roles.Viewer, secret, []);
            Viewer = CreateClient();
            var token = JsonDocument.Parse(await (await ManagementSecurityTests.RequestToken(Viewer, "umbraco-back-office-imaging-viewer", secret)).Content.ReadAsStringAsync())
                .RootElement.GetProperty("access_token").GetString();
            Viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    /// An image the public never sees: one picked by a private record of the demo catalogue.
    internal static async Task<Guid> WithheldImageAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var cache = scope.ServiceProvider.GetRequiredService<PublishedCache>();
        var images = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Nodes
            .Where(n => n.IsMedia && n.ContentTypeAlias == "Image" && !n.Trashed).Select(n => n.Key).ToListAsync();
        return images.First(key => cache.Find(key) is null);
    }

    [Fact]
    public async Task A_signed_in_person_zooms_into_an_image_the_public_cannot_see()
    {
        var withheld = await WithheldImageAsync(host.Services);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous.GetAsync($"/iiif/3/{withheld}/info.json")).StatusCode);

        var response = await host.Viewer.GetAsync($"{Api}/archive/iiif/{withheld}/info.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("private", response.Headers.CacheControl!.ToString());
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"http://localhost{Api}/archive/iiif/{withheld}", info.GetProperty("id").GetString());
        Assert.Equal("level2", info.GetProperty("profile").GetString());
        Assert.True(info.GetProperty("width").GetInt32() > 0);

        var tile = await host.Viewer.GetAsync($"{Api}/archive/iiif/{withheld}/full/120,/0/default.jpg");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal("image/jpeg", tile.Content.Headers.ContentType!.MediaType);
        Assert.Contains("private", tile.Headers.CacheControl!.ToString());
        using var image = SixLabors.ImageSharp.Image.Load(await tile.Content.ReadAsByteArrayAsync());
        Assert.Equal(120, image.Width);
    }

    [Fact]
    public async Task The_preview_answers_a_published_image_as_the_public_service_does_at_its_own_address()
    {
        var preview = JsonDocument.Parse(await host.Viewer.GetStringAsync($"{Api}/archive/iiif/{Chest}/info.json")).RootElement;
        var published = JsonDocument.Parse(await host.Anonymous.GetStringAsync($"/iiif/3/{Chest}/info.json")).RootElement;
        Assert.Equal(published.GetProperty("width").GetInt32(), preview.GetProperty("width").GetInt32());
        Assert.Equal(published.GetProperty("tiles").GetRawText(), preview.GetProperty("tiles").GetRawText());
        Assert.NotEqual(published.GetProperty("id").GetString(), preview.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Thumbnails_come_from_the_public_files_or_for_an_image_the_public_cannot_see_from_the_preview()
    {
        var withheld = await WithheldImageAsync(host.Services);
        var answer = JsonDocument.Parse(await host.Viewer.GetStringAsync($"{Api}/imaging/resize/urls?id={Chest}&id={withheld}&id={PushkinFolder}&width=200&height=200&mode=Crop")).RootElement;
        string? UrlOf(string id) => answer.EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).GetProperty("urlInfos").EnumerateArray()
            .Select(u => u.GetProperty("url").GetString()).SingleOrDefault();
        Assert.Equal("/media/demo0007/wooden-chest.jpg?width=200&height=200&rmode=crop", UrlOf(Chest));
        Assert.Null(UrlOf(PushkinFolder));
        var preview = UrlOf(withheld.ToString());
        Assert.Equal($"{Api}/archive/iiif/{withheld}/square/!200,200/0/default.jpg", preview);

        var thumbnail = await host.Viewer.GetAsync(preview);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        using var image = SixLabors.ImageSharp.Image.Load(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal(image.Width, image.Height);
        // Without a session the thumbnail is not there, whatever cookie comes with it.
        var forged = new HttpRequestMessage(HttpMethod.Get, preview);
        forged.Headers.Add("Cookie", "umbAccessToken=forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.SendAsync(forged)).StatusCode);
    }

    [Theory]
    [InlineData("full/0,/0/default.jpg", "size")]
    [InlineData("-5,0,10,10/max/0/default.jpg", "region")]
    [InlineData("full/max/0/default.exe", "format")]
    public async Task A_broken_image_request_is_refused_naming_the_parameter(string request, string parameter)
    {
        var response = await host.Viewer.GetAsync($"{Api}/archive/iiif/{Chest}/{request}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData(PushkinFolder)] // a folder
    [InlineData(ChestArtefact)] // a document
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task What_is_not_an_image_is_not_found(string id) =>
        Assert.Equal(HttpStatusCode.NotFound, (await host.Viewer.GetAsync($"{Api}/archive/iiif/{id}/info.json")).StatusCode);

    [Fact]
    public async Task Nobody_unsigned_reaches_the_preview_or_the_map_settings()
    {
        var withheld = await WithheldImageAsync(host.Services);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync($"{Api}/archive/iiif/{withheld}/info.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync($"{Api}/archive/iiif/{withheld}/full/max/0/default.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync($"{Api}/archive/map")).StatusCode);
    }

    [Fact]
    public async Task The_map_settings_are_the_configured_tiles_with_a_sane_zoom()
    {
        var map = JsonDocument.Parse(await host.Viewer.GetStringAsync($"{Api}/archive/map")).RootElement;
        Assert.Equal("https://tiles.example.test/{z}/{x}/{y}.png", map.GetProperty("tileUrl").GetString());
        Assert.Equal("© OpenStreetMap contributors", map.GetProperty("attribution").GetString());
        Assert.Equal(22, map.GetProperty("maxZoom").GetInt32());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", true)]
    [InlineData("/tiles/{z}/{x}/{y}.png", true)]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}.png", false)]
    [InlineData("javascript:alert(1)//{z}/{x}/{y}", false)]
    [InlineData("ftp://tiles.example/{z}/{x}/{y}.png", false)]
    public void Only_a_web_tile_template_with_z_x_and_y_counts_as_configured(string? template, bool configured) =>
        Assert.Equal(configured, new Archive.Web.Hosting.MapOptions { TileUrl = template }.Configured);
}
