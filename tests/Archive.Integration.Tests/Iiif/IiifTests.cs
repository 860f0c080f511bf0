using System.Net;
using System.Text.Json;
using Archive.Integration.Tests.Web;
using Archive.Media.Iiif;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Integration.Tests.Iiif;

/// IIIF Image API 3.0 (level 2) and Presentation API 3.0 over the demo catalogue.
public sealed class IiifTests(IiifTests.Host host) : IClassFixture<IiifTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Client = await ReadyClientAsync();
            // The pyramids are built in the background after start-up; the tests want them all.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            // Every published image (the media of private records are withheld and not processed).
            var images = Services.GetRequiredService<Archive.Delivery.Cache.PublishedCache>().All.Count(n => n.IsMedia && n.ContentTypeAlias == "Image");
            while (Directory.EnumerateFiles(MediaRoot, "pyramid.json", SearchOption.AllDirectories).Count() < images)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException("The tile pyramids were not built in time.");
                await Task.Delay(200);
            }
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private const string Chest = "88049aca-396f-f9ca-8e5d-3c099713cf03"; // 800×600 image
    private const string ChestArtefact = "ee109d7d-f924-0815-7492-041e2894165b";
    private const string Collection = "bbfcca41-6c95-992a-759f-d246868f2315";

    private async Task<JsonElement> Json(string url, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://viewer.example");
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await host.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> Image(string request)
    {
        var response = await host.Client.GetAsync($"/iiif/3/{Chest}/{request}");
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Info_json_describes_a_level_2_service_with_tiles()
    {
        var info = await Json($"/iiif/3/{Chest}/info.json");
        Assert.Equal("http://iiif.io/api/image/3/context.json", info.GetProperty("@context").GetString());
        Assert.Equal($"http://localhost/iiif/3/{Chest}", info.GetProperty("id").GetString());
        Assert.Equal("ImageService3", info.GetProperty("type").GetString());
        Assert.Equal("level2", info.GetProperty("profile").GetString());
        Assert.Equal(800, info.GetProperty("width").GetInt32());
        Assert.Equal(600, info.GetProperty("height").GetInt32());
        var tiles = info.GetProperty("tiles")[0];
        Assert.Equal(512, tiles.GetProperty("width").GetInt32());
        Assert.Equal([1, 2], tiles.GetProperty("scaleFactors").EnumerateArray().Select(e => e.GetInt32()));

        var ld = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/iiif/3/{Chest}/info.json") { Headers = { { "Accept", "application/ld+json" } } });
        Assert.Equal("application/ld+json", ld.Content.Headers.ContentType!.MediaType);
        Assert.Contains("image/3/context.json", ld.Content.Headers.ContentType.ToString());
        var bare = await host.Client.GetAsync($"/iiif/3/{Chest}");
        Assert.Equal($"/iiif/3/{Chest}/info.json", bare.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("0,0,512,512/512,512/0/default.jpg", 0, 0, 0)]
    [InlineData("512,0,288,512/288,/0/default.jpg", 0, 1, 0)]
    [InlineData("0,512,512,88/512,88/0/default.jpg", 0, 0, 1)]
    [InlineData("full/400,300/0/default.jpg", 1, 0, 0)]
    public async Task Tiles_are_sent_as_the_pyramid_holds_them(string request, int level, int column, int row)
    {
        var (response, body) = await Image(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(host.MediaRoot, "demo0007", "wooden-chest.jpg")))).ToLowerInvariant();
        var tile = Path.Combine(host.MediaRoot, TilePyramids.TilePath(hash, level, column, row));
        Assert.Equal(await File.ReadAllBytesAsync(tile), body);
    }

    [Theory]
    [InlineData("full/max/0/default.jpg", 800, 600, "JPEG")]
    [InlineData("square/max/0/default.webp", 600, 600, "Webp")]
    [InlineData("pct:10,10,50,50/!100,100/90/default.png", 75, 100, "PNG")]
    [InlineData("100,100,200,100/pct:50/0/color.jpg", 100, 50, "JPEG")]
    [InlineData("full/,150/!0/default.gif", 200, 150, "GIF")]
    [InlineData("0,0,100,100/^200,/0/default.jpg", 200, 200, "JPEG")]
    [InlineData("700,500,400,400/max/0/default.jpg", 100, 100, "JPEG")]
    public async Task Regions_sizes_rotations_and_formats_give_what_was_asked(string request, int width, int height, string format)
    {
        var (response, body) = await Image(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{request}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        var info = SixLabors.ImageSharp.Image.Identify(body, out var detected);
        Assert.Equal((width, height, format), (info.Width, info.Height, detected.Name));
        Assert.Equal($"<http://localhost/iiif/3/{Chest}>;rel=\"canonical\"", response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task Gray_and_bitonal_qualities_have_no_colour()
    {
        using var gray = SixLabors.ImageSharp.Image.Load<Rgb24>((await Image("full/200,/0/gray.png")).Body);
        using var bitonal = SixLabors.ImageSharp.Image.Load<Rgb24>((await Image("full/200,/0/bitonal.png")).Body);
        for (var y = 0; y < gray.Height; y += 10)
            for (var x = 0; x < gray.Width; x += 10)
            {
                Assert.True(gray[x, y].R == gray[x, y].G && gray[x, y].G == gray[x, y].B);
                Assert.True(bitonal[x, y].R is 0 or 255 && bitonal[x, y].R == bitonal[x, y].B);
            }
    }

    [Theory]
    [InlineData("0,0,0,10/max/0/default.jpg", "region")]
    [InlineData("900,0,10,10/max/0/default.jpg", "region")]
    [InlineData("pct:a,0,10,10/max/0/default.jpg", "region")]
    [InlineData("nonsense/max/0/default.jpg", "region")]
    [InlineData("full/2000,/0/default.jpg", "size")]
    [InlineData("full/^6000,/0/default.jpg", "size")]
    [InlineData("full/!100,/0/default.jpg", "size")]
    [InlineData("full/0,0/0/default.jpg", "size")]
    [InlineData("full/pct:0/0/default.jpg", "size")]
    [InlineData("full/max/400/default.jpg", "rotation")]
    [InlineData("full/max/45x/default.jpg", "rotation")]
    [InlineData("full/^max/45/default.jpg", "rotation")] // turned, the upscaled image would pass the pixel limit
    [InlineData("full/max/0/sepia.jpg", "quality")]
    [InlineData("full/max/0/default.tif", "format")]
    [InlineData("full/max/0/default", "format")]
    public async Task Invalid_requests_get_400_naming_the_parameter(string request, string parameter)
    {
        var (response, body) = await Image(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/iiif/3/00000000-0000-0000-0000-000000000001/info.json")]
    [InlineData("/iiif/3/" + ChestArtefact + "/info.json")] // a document, not an image
    [InlineData("/iiif/3/manifest/" + Chest)] // an image, not an artefact
    [InlineData("/iiif/3/collection/" + ChestArtefact)]
    public async Task Unknown_identifiers_are_not_found(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(url)).StatusCode);

    [Fact]
    public async Task An_artefact_manifest_has_its_images_as_canvases_and_language_maps()
    {
        var manifest = await Json($"/iiif/3/manifest/{ChestArtefact}");
        Assert.Equal("http://iiif.io/api/presentation/3/context.json", manifest.GetProperty("@context").GetString());
        Assert.Equal("Manifest", manifest.GetProperty("type").GetString());
        Assert.Equal($"http://localhost/iiif/3/manifest/{ChestArtefact}", manifest.GetProperty("id").GetString());
        var label = manifest.GetProperty("label");
        Assert.Equal("Wooden chest", label.GetProperty("en")[0].GetString());
        Assert.Equal("Деревянный сундук", label.GetProperty("ru")[0].GetString());
        Assert.Equal("Ағаш сандық", label.GetProperty("kk")[0].GetString());
        Assert.StartsWith("http://rightsstatements.org/vocab/", manifest.GetProperty("rights").GetString());
        Assert.True(manifest.GetProperty("requiredStatement").GetProperty("value").EnumerateObject().Any());
        var metadata = manifest.GetProperty("metadata").EnumerateArray().ToList();
        Assert.Contains(metadata, m => m.GetProperty("value").ToString().Contains("KOR-PC-006"));
        Assert.Contains(metadata, m => m.GetProperty("label").GetProperty("ru")[0].GetString() == "Датировка");
        // Every public field of the type, labelled from the dictionary; sensitive ones never.
        Assert.Contains(metadata, m => m.GetProperty("label").GetProperty("kk")[0].GetString() == "Материалдары");
        Assert.DoesNotContain(metadata, m => m.GetProperty("label").ToString().Contains("Valuation") || m.GetProperty("label").ToString().Contains("Storage"));
        Assert.True(manifest.GetProperty("summary").EnumerateObject().Any());

        var canvas = manifest.GetProperty("items")[0];
        Assert.Equal("Canvas", canvas.GetProperty("type").GetString());
        Assert.Equal(800, canvas.GetProperty("width").GetInt32());
        var body = canvas.GetProperty("items")[0].GetProperty("items")[0].GetProperty("body");
        Assert.Equal("painting", canvas.GetProperty("items")[0].GetProperty("items")[0].GetProperty("motivation").GetString());
        Assert.Equal($"http://localhost/iiif/3/{Chest}", body.GetProperty("service")[0].GetProperty("id").GetString());
        // The painted image is really there.
        var image = await host.Client.GetAsync(new Uri(body.GetProperty("id").GetString()!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);

        // No private field of the record leaks into the manifest.
        var text = manifest.ToString();
        Assert.DoesNotContain("+7 700", text);
        Assert.DoesNotContain("shelf", text);
    }

    [Fact]
    public async Task A_collection_lists_its_artefacts_manifests()
    {
        var collection = await Json($"/iiif/3/collection/{Collection}");
        Assert.Equal("Collection", collection.GetProperty("type").GetString());
        var items = collection.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("id").GetString() == $"http://localhost/iiif/3/manifest/{ChestArtefact}" && i.GetProperty("type").GetString() == "Manifest");
        Assert.All(items, i => Assert.True(i.GetProperty("label").EnumerateObject().Any()));
    }

    [Fact]
    public async Task The_top_collection_leads_to_institutions_their_collections_and_their_manifests()
    {
        var top = await Json("/iiif/3/collection/top");
        Assert.Equal("http://localhost/iiif/3/collection/top", top.GetProperty("id").GetString());
        var institutions = top.GetProperty("items").EnumerateArray().ToList();
        Assert.True(institutions.Count >= 7, $"{institutions.Count} institutions");
        Assert.All(institutions, i => Assert.Equal("Collection", i.GetProperty("type").GetString()));
        // Walk down to the chest: top → its institution → its collection → its manifest.
        var manifests = new List<string>();
        async Task Walk(string id, string parent)
        {
            var body = await Json(id.Replace("http://localhost", ""));
            Assert.Equal(parent, body.GetProperty("partOf")[0].GetProperty("id").GetString());
            foreach (var member in body.GetProperty("items").EnumerateArray())
                if (member.GetProperty("type").GetString() == "Collection")
                    await Walk(member.GetProperty("id").GetString()!, id);
                else
                    manifests.Add(member.GetProperty("id").GetString()!);
        }
        foreach (var institution in institutions)
            await Walk(institution.GetProperty("id").GetString()!, "http://localhost/iiif/3/collection/top");
        Assert.Contains($"http://localhost/iiif/3/manifest/{ChestArtefact}", manifests);
        var published = host.Services.GetRequiredService<Archive.Delivery.Cache.PublishedCache>().OfType("artefact").Count(n => !n.IsMedia);
        Assert.Equal(published, manifests.Distinct().Count());
    }
}
