using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Privacy;

/// Every public channel follows the one public projection as content changes: drafts never show, a
/// record made private (even in a draft only) leaves every channel with its media, and /media serves
/// nothing but the files of public media items.
public sealed class PublishingPipelineTests : IAsyncLifetime
{
    private const string Api = "/umbraco/delivery/api/v2";
    private const string ApiKey = "pipeline-test-key";
    private readonly ArchiveHostFactory _host = new();
    private HttpClient _client = null!;

    private readonly PurgeReceiver _cdn = new();

    public async Task InitializeAsync()
    {
        _host.Settings["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey;
        _host.Settings["Archive:Cdn:PurgeUrl"] = _cdn.Url;
        _host.Settings["Archive:Cdn:PurgeSecret"] = PurgeReceiver.Secret;
        _client = await _host.ReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _cdn.Dispose();
    }

    private async Task<(HttpStatusCode Status, string Body)> Send(string url, params (string, string)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> Json(string url, params (string, string)[] headers)
    {
        var (status, body) = await Send(url, headers);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<T> Content<T>(Func<ContentService, Task<T>> action)
    {
        using var scope = _host.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContentService>());
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        // Generous: the whole suite runs in parallel on two cores.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(100);
        }
    }

    /// A public artefact with an image, its English name and the image's key and file URL.
    private async Task<(Guid Key, string Name, Guid Media, string File)> ArtefactWithImageAsync(int skip)
    {
        var item = (await Json($"{Api}/content?filter=contentType:artefact&filter=hasImage:true&sort=name:asc&skip={skip}&take=1&expand=properties[images]",
            ("Accept-Language", "en"))).GetProperty("items")[0];
        var image = item.GetProperty("properties").GetProperty("images")[0];
        return (item.GetProperty("id").GetGuid(), item.GetProperty("name").GetString()!, image.GetProperty("id").GetGuid(), image.GetProperty("url").GetString()!);
    }

    private async Task<bool> SearchFinds(Guid key, string words, string culture = "en") =>
        (await Json($"{Api}/search?q={Uri.EscapeDataString(words)}&take=100", ("Accept-Language", culture))).GetProperty("items").EnumerateArray()
            .Any(i => i.GetProperty("id").GetGuid() == key);

    [Fact]
    public async Task A_record_made_private_in_a_draft_alone_leaves_every_public_channel_with_its_media_and_comes_back_when_undone()
    {
        var (key, name, media, file) = await ArtefactWithImageAsync(skip: 2);
        Assert.True(await SearchFinds(key, name));
        // Browsers and CDNs may keep a public image only briefly: the record may be made private at any time.
        var served = await _client.GetAsync(file);
        Assert.True(served.Headers.CacheControl is { Public: true, MaxAge: { } age } && age <= TimeSpan.FromMinutes(5), served.Headers.CacheControl?.ToString());

        var saved = await Content(c => c.SaveAsync(key, new ContentEdit { Values = [new ValueEdit("privateRecord", null, JsonValue.Create(true))] }, "curator"));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Select(p => p.Message)));

        await Eventually(async () => (await Send($"{Api}/content/item/{key}")).Status == HttpStatusCode.NotFound, "the item is still served");
        await Eventually(async () => !await SearchFinds(key, name), "search still finds the record");
        await Eventually(async () => (await Send(file)).Status == HttpStatusCode.NotFound, "its image file is still served");
        Assert.Equal(HttpStatusCode.NotFound, (await Send($"/iiif/3/manifest/{key}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send($"{Api}/media/item/{media}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send($"/iiif/3/{media}/info.json")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(file + "?width=120&format=webp")).Status);
        // Preview is not a way round it either.
        Assert.Equal(HttpStatusCode.NotFound, (await Send($"{Api}/content/item/{key}", ("Preview", "true"), ("Api-Key", ApiKey))).Status);
        // The CDN was told to forget the record, its image file, the file's derivatives and its IIIF images, in a signed request.
        await Eventually(() => Task.FromResult(_cdn.Paths.Contains(file) && _cdn.Paths.Contains($"{Api}/content/item/{key}")), "the CDN was not told to purge the record and its file");
        Assert.Contains($"{file}?", _cdn.Prefixes);
        Assert.Contains($"/iiif/3/{media}/", _cdn.Prefixes);
        Assert.True(_cdn.AllSigned, "a purge arrived without a valid signature");

        Assert.True((await Content(c => c.SaveAsync(key, new ContentEdit { Values = [new ValueEdit("privateRecord", null, JsonValue.Create(false))] }, "curator"))).Succeeded);
        await Eventually(async () => (await Send($"{Api}/content/item/{key}")).Status == HttpStatusCode.OK, "the item did not come back");
        await Eventually(async () => (await Send(file)).Status == HttpStatusCode.OK, "its image file did not come back");
        await Eventually(async () => await SearchFinds(key, name), "search did not find the record again");
    }

    [Fact]
    public async Task A_draft_value_never_reaches_search_totals_suggestions_facets_or_filters()
    {
        var (key, _, _, _) = await ArtefactWithImageAsync(skip: 4);
        const string canary = "Zyqvorthelm";
        Assert.True((await Content(c => c.SaveAsync(key, new ContentEdit { Names = new Dictionary<string, string> { ["en"] = canary + " draft" } }, "curator"))).Succeeded);
        // Preview sees the draft: the change has been followed.
        await Eventually(async () => (await Send($"{Api}/content?filter=name:{canary}", ("Accept-Language", "en"), ("Preview", "true"), ("Api-Key", ApiKey))).Body
            .Contains(key.ToString()), "preview never saw the draft");

        var search = await Json($"{Api}/search?q={canary}&facets=institution,material", ("Accept-Language", "en"));
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.All(search.GetProperty("facets").EnumerateObject(), f => Assert.Empty(f.Value.EnumerateArray()));
        Assert.Empty((await Json($"{Api}/search/suggest?q={canary[..5].ToLowerInvariant()}", ("Accept-Language", "en"))).GetProperty("suggestions").EnumerateArray());
        Assert.Equal(0, (await Json($"{Api}/content?filter=name:{canary}", ("Accept-Language", "en"))).GetProperty("total").GetInt32());
        var item = await Json($"{Api}/content/item/{key}", ("Accept-Language", "en"));
        Assert.DoesNotContain(canary, item.GetRawText());
    }

    /// A curator's unpublished work is not news to the public: the item's updateDate, its ETag and its place in a sort by
    /// update stay as published until the draft is published, and then move.
    [Fact]
    public async Task Saving_a_draft_moves_no_public_date_or_ETag_until_it_is_published()
    {
        var (key, _, _, _) = await ArtefactWithImageAsync(skip: 6);
        async Task<(string Updated, string ETag)> Public()
        {
            var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Api}/content/item/{key}") { Headers = { { "Accept-Language", "en" } } });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var item = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (item.GetProperty("updateDate").GetString()!, response.Headers.ETag!.Tag);
        }
        async Task<List<Guid>> Newest() => (await Json($"{Api}/content?filter=contentType:artefact&sort=updateDate:desc&take=2", ("Accept-Language", "en")))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var before = await Public();
        Assert.DoesNotContain(key, await Newest());

        const string canary = "Quillanbrent";
        Assert.True((await Content(c => c.SaveAsync(key, new ContentEdit { Names = new Dictionary<string, string> { ["en"] = canary } }, "curator"))).Succeeded);
        // Changes are followed in order: once a later publish of another item shows, the draft's save has been followed.
        var (other, _, _, _) = await ArtefactWithImageAsync(skip: 7);
        const string marker = "Brennowald";
        Assert.True((await Content(c => c.SaveAsync(other, new ContentEdit { Names = new Dictionary<string, string> { ["en"] = marker } }, "curator"))).Succeeded);
        Assert.True((await Content(c => c.PublishAsync(other, ["en"], "curator"))).Succeeded);
        // The cache and the index follow separately: each is asked to show the later publish.
        await Eventually(async () => (await Send($"{Api}/content/item/{other}", ("Accept-Language", "en"))).Body.Contains(marker), "the later publish never reached the cache");
        await Eventually(async () => (await Newest())[0] == other, "the later publish never reached the index");
        Assert.Equal(before, await Public());
        // Had the save dated the item, it would now be the newest but one.
        Assert.DoesNotContain(key, await Newest());

        Assert.True((await Content(c => c.PublishAsync(key, ["en"], "curator"))).Succeeded);
        await Eventually(async () => (await Public()).ETag != before.ETag, "the published name never reached the item");
        Assert.True(DateTime.Parse((await Public()).Updated, System.Globalization.CultureInfo.InvariantCulture) > DateTime.Parse(before.Updated, System.Globalization.CultureInfo.InvariantCulture));
        await Eventually(async () => (await Newest())[0] == key, "the published item is not the newest in a sort by update");
    }

    [Fact]
    public async Task A_field_made_sensitive_in_the_schema_leaves_manifests_items_facets_and_filters_with_no_code_change()
    {
        const string chest = "ee109d7d-f924-0815-7492-041e2894165b";
        var manifestUrl = $"/iiif/3/manifest/{chest}";
        static bool ShowsMaterials(JsonElement manifest) => manifest.TryGetProperty("metadata", out var metadata)
            && metadata.EnumerateArray().Any(m => m.GetProperty("label").TryGetProperty("kk", out var kk) && kk[0].GetString() == "Материалдары");
        Assert.True(ShowsMaterials(await Json(manifestUrl)), "the manifest labels the materials field from the dictionary");
        var item = await Json($"{Api}/content/item/{chest}", ("Accept-Language", "en"));
        var material = item.GetProperty("properties").GetProperty("materials")[0].GetProperty("id").GetGuid();
        Assert.Contains(chest, (await Send($"{Api}/content?filter=material:{material}&take=100", ("Accept-Language", "en"))).Body);
        Assert.NotEmpty((await Json($"{Api}/search?q=chest&facets=material", ("Accept-Language", "en"))).GetProperty("facets").GetProperty("material").EnumerateArray());

        using (var scope = _host.Services.CreateScope())
        {
            var schemas = scope.ServiceProvider.GetRequiredService<Archive.Data.Schema.SchemaStore>();
            var db = scope.ServiceProvider.GetRequiredService<Archive.Data.ArchiveDbContext>();
            var type = (await schemas.GetAsync(db)).FindType("artefact")!;
            var changed = type with { Properties = type.Properties.Select(p => p.Alias == "materials" ? p with { IsSensitive = true } : p).ToList() };
            var result = await scope.ServiceProvider.GetRequiredService<Archive.Data.Schema.SchemaService>().SaveContentTypeAsync(changed, creating: false, "admin");
            Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(e => e.Message)));
        }

        await Eventually(async () => !ShowsMaterials(await Json(manifestUrl)), "the manifest still shows the sensitive field");
        await Eventually(async () => !(await Json($"{Api}/content/item/{chest}", ("Accept-Language", "en"))).GetProperty("properties").TryGetProperty("materials", out _),
            "the Delivery item still carries the sensitive field");
        // The picker is no longer a facet: neither a filter nor a count names it.
        await Eventually(async () => (await Send($"{Api}/content?filter=material:{material}&take=100", ("Accept-Language", "en"))).Status == HttpStatusCode.BadRequest,
            "a filter still finds items by the sensitive field");
        var (status, body) = await Send($"{Api}/search?q=chest&facets=material", ("Accept-Language", "en"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("facets", body);
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task A_query_total_is_the_number_of_items_a_client_can_page_through(string culture)
    {
        foreach (var query in new[] { "filter=contentType:artefact", "fetch=descendants:/", "filter=hasImage:false" })
        {
            var page = await Json($"{Api}/content?{query}&take=1000", ("Accept-Language", culture));
            Assert.Equal(page.GetProperty("items").GetArrayLength(), page.GetProperty("total").GetInt32());
        }
        var (status, body) = await Send($"{Api}/search?q=museum&take=1000", ("Accept-Language", culture));
        Assert.Equal(HttpStatusCode.OK, status);
        var found = JsonDocument.Parse(body).RootElement;
        Assert.Equal(found.GetProperty("items").GetArrayLength(), found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Media_files_are_served_only_as_the_file_of_a_public_media_item()
    {
        var (_, _, media, file) = await ArtefactWithImageAsync(skip: 6);
        Assert.Equal(HttpStatusCode.OK, (await Send(file)).Status);

        // A file the store holds that no media item names.
        var stray = Path.Combine(_host.MediaRoot, "stray0001", "notes.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        await File.WriteAllTextAsync(stray, "not a media item");
        Assert.Equal(HttpStatusCode.NotFound, (await Send("/media/stray0001/notes.txt")).Status);
        // Paths are matched exactly, as stored; reserved folders in any spelling stay closed.
        Assert.Equal(HttpStatusCode.NotFound, (await Send(file.ToUpperInvariant().Replace("/MEDIA/", "/media/"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send("/media/_Private" + file["/media".Length..])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send("/media/%5Fcache" + file["/media".Length..])).Status);

        // A media item in the recycle bin takes its file with it.
        Assert.True((await Content(c => c.TrashAsync(media, "curator"))).Succeeded);
        await Eventually(async () => (await Send(file)).Status == HttpStatusCode.NotFound, "the trashed item's file is still served");
    }
}

/// A CDN's purge endpoint on a real socket: records what the archive asks it to forget.
internal sealed class PurgeReceiver : IDisposable
{
    public const string Secret = "purge-secret";
    private readonly HttpListener _listener = new();
    private readonly List<string> _paths = [];
    private readonly List<string> _prefixes = [];

    public PurgeReceiver()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/purge/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Url { get; }
    public bool AllSigned { get; private set; } = true;

    public IReadOnlyList<string> Paths { get { lock (_paths) return [.. _paths]; } }
    public IReadOnlyList<string> Prefixes { get { lock (_paths) return [.. _prefixes]; } }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Secret), body));
            var purge = JsonDocument.Parse(body).RootElement;
            lock (_paths)
            {
                AllSigned &= context.Request.Headers["X-Archive-Signature"] == expected;
                _paths.AddRange(purge.GetProperty("paths").EnumerateArray().Select(p => p.GetString()!));
                _prefixes.AddRange(purge.GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()!));
            }
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
