using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Archive.Integration.Tests.Infrastructure;
using Archive.Integration.Tests.Web;
using Archive.Media.Imaging;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;

namespace Archive.Integration.Tests.Media;

/// Media files at /media/<folder>/<file> on the demo catalogue: originals with ranges and
/// revalidation, derivatives made once and cached, bad commands and paths refused by name.
public sealed class MediaServingTests(MediaServingTests.Host host) : IClassFixture<MediaServingTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public HttpClient Client { get; private set; } = null!;

        public Host()
        {
            Settings["Umbraco:CMS:Imaging:Resize:MaxWidth"] = "800";
            // A short list of served sizes: the schema's crops (400×400 thumbnails, 1920×1080 kiosk) are served beside it.
            foreach (var (size, index) in new[] { 64, 80, 100, 120, 200, 300 }.Select((s, i) => (s, i)))
                Settings[$"Archive:Media:AllowedSizes:{index}"] = size.ToString();
        }


        public async Task InitializeAsync() => Client = await ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private const string Chest = "/media/demo0007/wooden-chest.jpg"; // 800×600

    private async Task<HttpResponseMessage> Get(string url, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await host.Client.SendAsync(request);
    }

    private static async Task<(int Width, int Height, string Format)> Measure(HttpResponseMessage response)
    {
        var info = Image.Identify(await response.Content.ReadAsByteArrayAsync(), out var format);
        return (info.Width, info.Height, format.Name);
    }

    [Fact]
    public async Task Originals_are_served_with_caching_headers_ranges_and_CORS()
    {
        var response = await Get(Chest, h => h.Add("Origin", "https://kiosk.example"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Paths.ArchiveMedia, "demo0007/wooden-chest.jpg")), bytes);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        var etag = response.Headers.ETag!;

        var again = await Get(Chest, h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);

        var range = await Get(Chest, h => h.Range = new RangeHeaderValue(100, 199));
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal($"bytes 100-199/{bytes.Length}", range.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[100..200], await range.Content.ReadAsByteArrayAsync());

        var unsatisfiable = await Get(Chest, h => h.Range = new RangeHeaderValue(bytes.Length + 10, bytes.Length + 20));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
    }

    [Theory]
    [InlineData("?width=400&height=400&mode=crop", 400, 400, "JPEG")] // the schema's thumbnail crop
    [InlineData("?width=300", 300, 225, "JPEG")]
    [InlineData("?width=120&height=120&mode=crop&format=webp", 120, 120, "Webp")]
    [InlineData("?width=200&height=200&rmode=max&format=png", 200, 150, "PNG")]
    [InlineData("?width=200&height=200&mode=pad", 200, 200, "JPEG")]
    [InlineData("?cc=0.25,0.25,0.25,0.25&width=100", 100, 75, "JPEG")]
    [InlineData("?width=5000", 800, 600, "JPEG")] // clamped to the configured MaxWidth
    public async Task Commands_give_derivatives_of_the_asked_size_and_format(string query, int width, int height, string format)
    {
        var response = await Get(Chest + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((width, height, format), await Measure(response));
        Assert.Contains("max-age=", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_derivative_is_made_once_kept_in_the_store_and_revalidated_by_ETag()
    {
        var url = Chest + "?width=80&format=webp&quality=60";
        var first = await Get(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cached = Directory.EnumerateFiles(Path.Combine(host.MediaRoot, Derivatives.CacheFolder), "*.webp", SearchOption.AllDirectories).ToList();
        var file = Assert.Single(cached, f => new FileInfo(f).Length == first.Content.Headers.ContentLength);
        var written = File.GetLastWriteTimeUtc(file);

        // Same commands in another order and spelling: the same derivative, not made again.
        var second = await Get(Chest + "?quality=60&FORMAT=webp&width=80");
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Equal(HttpStatusCode.NotModified, (await Get(url, h => h.IfNoneMatch.Add(first.Headers.ETag!))).StatusCode);
        // The cache itself is not reachable at a URL.
        var relative = Path.GetRelativePath(host.MediaRoot, file).Replace('\\', '/');
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/media/" + relative)).StatusCode);
    }

    [Theory]
    [InlineData("?width=abc", "width")]
    [InlineData("?mode=zoom&width=10", "mode")]
    [InlineData("?cc=0.7,0,0.5,0", "cc")]
    [InlineData("?format=exe", "format")]
    [InlineData("?quality=500", "quality")]
    [InlineData("?width=77", "width")]
    [InlineData("?width=80&height=81", "height")]
    public async Task Bad_commands_get_a_problem_naming_the_parameter(string query, string parameter)
    {
        var response = await Get(Chest + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/media/../appsettings.json")]
    [InlineData("/media/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/media/demo0007/..%2F..%2Fappsettings.json")]
    [InlineData("/media/demo0007%5C..%5Cwooden-chest.jpg")]
    [InlineData("/media/_private/demo0007/wooden-chest.jpg")]
    [InlineData("/media/demo0007/missing.jpg")]
    [InlineData("/media/onlyonepart")]
    public async Task Paths_outside_the_library_or_reserved_are_not_found(string url)
    {
        var response = await Get(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// With Umbraco:CMS:Imaging:HMACSecretKey set, only signed image commands are processed.
public sealed class SignedMediaTests : IAsyncLifetime
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private ArchiveHostFactory _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = new ArchiveHostFactory();
        _host.Settings["Umbraco:CMS:Imaging:HMACSecretKey"] = Convert.ToBase64String(_secret);
        _client = await _host.ReadyClientAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Unsigned_or_tampered_commands_are_refused_and_signed_ones_served()
    {
        const string path = "/media/demo0007/wooden-chest.jpg";
        var query = new[] { KeyValuePair.Create("width", (string?)"64"), KeyValuePair.Create("rmode", (string?)"max") };
        var hmac = UrlSigner.Sign(path, query, _secret);

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(path)).StatusCode);
        var unsigned = await _client.GetAsync(path + "?width=64&rmode=max");
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Contains("hmac", await unsigned.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync(path + $"?width=4000&rmode=max&hmac={hmac}")).StatusCode);
        var signed = await _client.GetAsync(path + $"?width=64&rmode=max&hmac={hmac}");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(64, Image.Identify(await signed.Content.ReadAsByteArrayAsync()).Width);
    }
}

/// Blob storage that cannot be reached: a clear 503 with Retry-After, never a crash.
public sealed class UnavailableStoreTests : IAsyncLifetime
{
    private ArchiveHostFactory _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = new ArchiveHostFactory();
        _host.Settings["Archive:Media:Store"] = "AzureBlob";
        // Nothing listens on port 9: every call fails at once.
        _host.Settings["Archive:Media:AzureBlob:ConnectionString"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        _host.Settings["Archive:USync:ImportContent"] = "false";
        _client = await _host.ReadyClientAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_media_request_gets_503_with_Retry_After()
    {
        // A media item whose file the store holds (recorded while it could be reached): only such files are served.
        using (var scope = _host.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<Archive.Data.Content.ContentService>().CreateAsync(null, "Image",
                new Archive.Engine.Content.ContentEdit
                {
                    Names = new Dictionary<string, string> { ["en"] = "Wooden chest" },
                    Values = [new Archive.Engine.Content.ValueEdit("umbracoFile", null, new System.Text.Json.Nodes.JsonObject { ["src"] = "/media/demo0007/wooden-chest.jpg" })],
                    StoresFile = true,
                }, "curator", isMedia: true);
            Assert.True(created.Succeeded, created.ToString());
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await _client.GetAsync($"/umbraco/delivery/api/v2/media/item/{created.Key}")).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < deadline, "the media item never became public");
                await Task.Delay(100);
            }
        }
        var response = await _client.GetAsync("/media/demo0007/wooden-chest.jpg?width=100");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("storage", await response.Content.ReadAsStringAsync());
    }
}

/// A stored image that cannot be decoded: a derivative or IIIF request gets a clear 422, never a 500.
public sealed class UnrenderableImageTests : IAsyncLifetime
{
    private readonly ArchiveHostFactory _host = new();
    private HttpClient _client = null!;
    private Guid _key;

    public async Task InitializeAsync()
    {
        _host.Settings["Archive:USync:ImportContent"] = "false";
        _client = await _host.ReadyClientAsync();
        // A JPEG's first bytes and nothing readable after them, as a disk fault or a hand edit could leave it.
        Directory.CreateDirectory(Path.Combine(_host.MediaRoot, "broken01"));
        await File.WriteAllBytesAsync(Path.Combine(_host.MediaRoot, "broken01", "scan.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[2000]]);
        using var scope = _host.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<Archive.Data.Content.ContentService>().CreateAsync(null, "Image",
            new Archive.Engine.Content.ContentEdit
            {
                Names = new Dictionary<string, string> { ["en"] = "Damaged scan" },
                Values =
                [
                    new Archive.Engine.Content.ValueEdit("umbracoFile", null, new System.Text.Json.Nodes.JsonObject { ["src"] = "/media/broken01/scan.jpg" }),
                    new Archive.Engine.Content.ValueEdit("umbracoWidth", null, System.Text.Json.Nodes.JsonValue.Create("640")),
                    new Archive.Engine.Content.ValueEdit("umbracoHeight", null, System.Text.Json.Nodes.JsonValue.Create("480")),
                ],
                StoresFile = true,
            }, "curator", isMedia: true);
        Assert.True(created.Succeeded, created.ToString());
        _key = created.Key!.Value;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await _client.GetAsync($"/umbraco/delivery/api/v2/media/item/{_key}")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the media item never became public");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_derivative_or_IIIF_image_of_an_undecodable_file_is_422_with_a_problem()
    {
        foreach (var url in new[] { "/media/broken01/scan.jpg?width=100", $"/iiif/3/{_key}/full/max/0/default.jpg" })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
        // The file itself is still served as stored.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/media/broken01/scan.jpg")).StatusCode);
    }
}
