using System.Net;
using System.Text.Json;
using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Schema;
using Archive.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Privacy;

/// Walks every public channel over the demo catalogue (Delivery API content and media, search and
/// suggestions in every culture, the map's GeoJSON, IIIF images, manifests and collections, media files and their
/// derivatives) and checks that no private field value, no private record and none of its media
/// appear anywhere, and that asking for them directly gets 404.
public sealed partial class PublicChannelsTests : IAsyncLifetime
{
    private readonly ArchiveHostFactory _host = new();
    private HttpClient _client = null!;
    private readonly List<string> _forbidden = [];
    private readonly List<Guid> _privateRecords = [];
    private int _privateLocations;
    private readonly List<Guid> _withheldMedia = [];
    private readonly List<string> _withheldFiles = [];
    private const string Api = "/umbraco/delivery/api/v2";

    public async Task InitializeAsync()
    {
        _client = await _host.ReadyClientAsync();
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var schema = await scope.ServiceProvider.GetRequiredService<SchemaStore>().GetAsync(db);
        foreach (var node in await db.Nodes.Where(n => !n.IsMedia).ToListAsync())
        {
            var type = schema.FindType(node.ContentTypeAlias, ContentTypeKind.Document);
            if (type is null)
                continue;
            var data = ContentData.FromJson(await db.NodeVersions.Where(v => v.NodeId == node.Id && v.IsDraft).Select(v => v.Data).SingleAsync());
            foreach (var property in schema.SensitiveProperties(type))
                _forbidden.AddRange((data.Values.GetValueOrDefault(property.Alias)?.Values ?? Enumerable.Empty<string>()).Where(v => v.Length > 2));
            if (data.GetValue("privateRecord") == "1")
            {
                _privateRecords.Add(node.Key);
                _forbidden.Add(node.Key.ToString());
                _forbidden.AddRange(data.Names.Values);
                // Private locations (store rooms, shelves) have no images; their names are as private as a record's.
                if (data.GetValue("images") is { } images)
                    _withheldMedia.AddRange(JsonDocument.Parse(images).RootElement.EnumerateArray().Select(i => Guid.Parse(i.GetProperty("mediaKey").GetString()!)));
                if (node.ContentTypeAlias == "location")
                    _privateLocations++;
            }
        }
        foreach (var media in _withheldMedia)
        {
            _forbidden.Add(media.ToString());
            var node = await db.Nodes.SingleAsync(n => n.Key == media);
            var file = JsonDocument.Parse(ContentData.FromJson(await db.NodeVersions.Where(v => v.NodeId == node.Id && v.IsDraft).Select(v => v.Data).SingleAsync())
                .GetValue("umbracoFile")!).RootElement.GetProperty("src").GetString()!;
            _withheldFiles.Add(file);
            _forbidden.Add(file);
        }
        Assert.Equal(5, _privateRecords.Count - _privateLocations);
        Assert.True(_privateLocations > 50, $"only {_privateLocations} private locations");
        Assert.True(_forbidden.Count > 100, $"only {_forbidden.Count} private strings");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [System.Text.RegularExpressions.GeneratedRegex(@"""traceId""\s*:\s*""[0-9a-f-]*""")]
    private static partial System.Text.RegularExpressions.Regex TraceId();

    private async Task<string> Public(string url, params (string, string)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        // A problem's traceId is random hex, drawn from nothing stored: a private number such as 200000 can turn up in it
        // by chance, so it is left out of the search.
        var searched = TraceId().Replace(body, "");
        foreach (var secret in _forbidden)
            Assert.False(searched.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows '{secret}'");
        return body;
    }

    [Fact]
    public async Task No_private_value_record_or_media_appears_on_any_public_endpoint()
    {
        var cultures = new[] { "kk", "ru", "en" };
        var itemIds = new HashSet<string>();
        var routes = new HashSet<string>();
        foreach (var culture in cultures)
        {
            var page = JsonDocument.Parse(await Public($"{Api}/content?take=1000", ("Accept-Language", culture))).RootElement;
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                itemIds.Add(item.GetProperty("id").GetString()!);
                routes.Add(item.GetProperty("route").GetProperty("path").GetString()!);
            }
            await Public($"{Api}/content?fetch=descendants:/&take=1000&expand=properties[$all]", ("Accept-Language", culture));
            await Public($"{Api}/geo", ("Accept-Language", culture));
            foreach (var word in new[] { "сандық", "chest", "bracelet", "білезік", "браслет", "газет", "newspaper", "абецадло", "primer", "әліппе" })
            {
                await Public($"{Api}/search?q={Uri.EscapeDataString(word)}&take=100&facets=institution,material", ("Accept-Language", culture));
                await Public($"{Api}/search/suggest?q={Uri.EscapeDataString(word[..3])}", ("Accept-Language", culture));
            }
        }
        Assert.True(itemIds.Count > 60);
        foreach (var id in itemIds)
            foreach (var culture in cultures)
                await Public($"{Api}/content/item/{id}?expand=properties[$all]", ("Accept-Language", culture));
        foreach (var route in routes)
            await Public($"{Api}/content/item{route}");

        var mediaIds = new HashSet<string>();
        async Task WalkMedia(string fetch)
        {
            var children = JsonDocument.Parse(await Public($"{Api}/media?fetch={Uri.EscapeDataString(fetch)}&take=1000")).RootElement;
            foreach (var item in children.GetProperty("items").EnumerateArray())
            {
                var id = item.GetProperty("id").GetString()!;
                mediaIds.Add(id);
                await Public($"{Api}/media/item/{id}");
                if (item.GetProperty("mediaType").GetString() == "Folder")
                    await WalkMedia($"children:{id}");
                else
                {
                    await Public(item.GetProperty("url").GetString()!);
                    await Public($"/iiif/3/{id}/info.json");
                }
            }
        }
        await WalkMedia("children:/");
        Assert.True(mediaIds.Count > 60);
        foreach (var id in itemIds)
        {
            await Public($"/iiif/3/manifest/{id}");
            await Public($"/iiif/3/collection/{id}");
        }
        await Public("/umbraco/swagger/delivery/swagger.json");
        await Public("/health/ready");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:href|src)=""(/[^""#]*)""")]
    private static partial System.Text.RegularExpressions.Regex Link();

    /// The public site, crawled from `/` in Kazakh (both scripts), Russian, English and Uyghur: every internal link
    /// resolves, and no page, script or style shows a private value.
    [Fact]
    public async Task The_public_site_crawled_from_its_front_page_has_no_broken_link_and_no_private_value()
    {
        string[] followed = ["/kk/", "/kk-latn/", "/ru/", "/en/", "/ug/"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var broken = new List<string>();
        var pages = 0;
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
                continue;
            var response = await _client.GetAsync(url);
            if ((int)response.StatusCode is 301 or 302 && response.Headers.Location is { } location)
            {
                queue.Enqueue(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }
            var body = await Public(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            pages++;
            // Searches are checked, not followed: their facet links multiply without end.
            if (url.Contains("/search", StringComparison.Ordinal))
                continue;
            foreach (var match in Link().Matches(body).Cast<System.Text.RegularExpressions.Match>())
            {
                var target = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
                if (target.StartsWith("/media/", StringComparison.Ordinal) || target.StartsWith("/iiif/", StringComparison.Ordinal) || target.StartsWith("/umbraco", StringComparison.Ordinal))
                {
                    seen.Add(target);
                    var status = (await _client.GetAsync(target)).StatusCode;
                    if (status != HttpStatusCode.OK)
                        broken.Add($"{target} (from {url}): {(int)status}");
                    continue;
                }
                if (target.StartsWith("/site/", StringComparison.Ordinal) || target == "/sitemap.xml")
                {
                    if (seen.Add(target))
                        await Public(target);
                    continue;
                }
                if (followed.Any(target.StartsWith) || target.Contains("/search", StringComparison.Ordinal) || !seen.Contains(target) && target.Count(c => c == '/') <= 2)
                    queue.Enqueue(target);
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(30)));
        Assert.True(pages > 600, $"only {pages} pages crawled");
    }

    [Fact]
    public async Task Asking_for_a_private_record_or_its_media_directly_finds_nothing()
    {
        foreach (var key in _privateRecords)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{Api}/content/item/{key}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/iiif/3/manifest/{key}")).StatusCode);
            var items = await Public($"{Api}/content/items?id={key}");
            Assert.Equal("[]", items.Trim());
        }
        foreach (var key in _withheldMedia)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{Api}/media/item/{key}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/iiif/3/{key}/info.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/iiif/3/{key}/full/max/0/default.jpg")).StatusCode);
        }
        foreach (var file in _withheldFiles)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(file)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(file + "?width=100&format=webp")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/media/_private" + file["/media".Length..])).StatusCode);
        }
    }
}
