using System.Net;
using System.Text.Json;
using Archive.Integration.Tests.Infrastructure;
using Archive.Integration.Tests.Web;

namespace Archive.Integration.Tests.Delivery;

/// The compatibility checklist of the Delivery API v2 contract, against the complete Umbraco 17
/// "Clean" site: home (H) → blog (B) → seven articles; the XML sitemap type is disallowed.
public sealed class CleanSiteDeliveryTests(CleanSiteDeliveryTests.Host host) : IClassFixture<CleanSiteDeliveryTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public const string ApiKey = "clean-test-key";

        public HttpClient Client { get; private set; } = null!;

        public Host()
        {
            Settings["Archive:USync:Folder"] = Path.Combine(Paths.CleanSite, "uSync", "v17");
            Settings["Archive:USync:MediaFolder"] = Path.Combine(Paths.CleanSite, "wwwroot", "media");
            Settings["Umbraco:CMS:DeliveryApi:DisallowedContentTypeAliases:0"] = "xMLSitemap";
            Settings["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey;
        }

        public async Task InitializeAsync() => Client = await ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private const string Api = "/umbraco/delivery/api/v2";
    private static readonly Guid Home = Guid.Parse("dcf18a51-6919-4cf8-89d1-36b94ce4d963");
    private static readonly Guid Blog = Guid.Parse("31523089-f648-4883-9087-ef9a0b83129f");

    private async Task<JsonElement> Get(string url, HttpStatusCode expected = HttpStatusCode.OK, params (string, string)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string> Names(JsonElement paged) => paged.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    private async Task<JsonElement> Article(string name) =>
        (await Get($"{Api}/content?fetch=children:{Blog}&take=20")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);

    [Fact] // 1, 2
    public async Task The_home_item_has_its_route_start_item_and_key_order()
    {
        var home = await Get($"{Api}/content/item/{Home}");
        Assert.Equal(Home, home.GetProperty("id").GetGuid());
        Assert.Equal("/", home.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal(Home, home.GetProperty("route").GetProperty("startItem").GetProperty("id").GetGuid());
        Assert.Equal("home", home.GetProperty("route").GetProperty("startItem").GetProperty("path").GetString());
        Assert.Equal(["contentType", "name", "createDate", "updateDate", "route", "id", "properties", "cultures"], home.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, home.GetProperty("route").GetProperty("queryString").ValueKind);
    }

    [Fact] // 3, 6
    public async Task Unknown_and_disallowed_items_are_not_found()
    {
        await Get($"{Api}/content/item/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        var sitemap = (await Get($"{Api}/content?fetch=children:{Home}&take=50")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("contentType").GetString()).ToList();
        Assert.DoesNotContain("xMLSitemap", sitemap);
        await Get($"{Api}/content/item/xmlsitemap/", HttpStatusCode.NotFound);
    }

    [Fact] // 4, 5
    public async Task Items_are_found_by_route_with_or_without_a_trailing_slash_and_under_a_start_item()
    {
        var community = await Get($"{Api}/content/item/blog/community/");
        Assert.Equal("/blog/community/", community.GetProperty("route").GetProperty("path").GetString());
        await Get($"{Api}/content/item/blog/community");
        await Get($"{Api}/content/item/BLOG/Community");
        var relative = await Get($"{Api}/content/item/blog", headers: ("Start-Item", "home"));
        Assert.Equal(Blog, relative.GetProperty("id").GetGuid());
        await Get($"{Api}/content/item/blog", headers: ("Start-Item", Home.ToString()));
        var missing = await Get($"{Api}/content/item/blog", HttpStatusCode.NotFound, ("Start-Item", "does-not-exist"));
        Assert.Equal("The Start-Item could not be found", missing.GetString());
        var root = await Get($"{Api}/content/item/");
        Assert.Equal(Home, root.GetProperty("id").GetGuid());
    }

    [Fact] // 7
    public async Task Items_by_ids_are_a_plain_array_without_the_unknown_ones()
    {
        var a = (await Article("Community")).GetProperty("id").GetGuid();
        var b = (await Article("Meetups")).GetProperty("id").GetGuid();
        var items = await Get($"{Api}/content/items?id={a}&id={b}&id={Guid.NewGuid()}&id={a}");
        Assert.Equal(JsonValueKind.Array, items.ValueKind);
        Assert.Equal([a, b], items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        await Get($"{Api}/content/items?id=not-a-guid", HttpStatusCode.BadRequest);
    }

    [Fact] // 8, 9, 10, 23
    public async Task Content_type_filters_match_negate_and_list()
    {
        var articles = await Get($"{Api}/content?filter=contentType:article&take=5");
        Assert.Equal(7, articles.GetProperty("total").GetInt32());
        Assert.Equal(5, articles.GetProperty("items").GetArrayLength());
        Assert.All(articles.GetProperty("items").EnumerateArray(), i => Assert.Equal("article", i.GetProperty("contentType").GetString()));

        var others = await Get($"{Api}/content?filter=contentType:!article&take=100");
        Assert.DoesNotContain(others.GetProperty("items").EnumerateArray(), i => i.GetProperty("contentType").GetString() == "article");

        var both = await Get($"{Api}/content?filter=contentType:article,articleList&take=100");
        var types = both.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("contentType").GetString()).Distinct().Order().ToList();
        Assert.Equal(["article", "articleList"], types);

        var all = await Get($"{Api}/content");
        Assert.True(all.GetProperty("items").GetArrayLength() <= 10);
        Assert.True(all.GetProperty("total").GetInt32() > 10);
    }

    [Fact] // 11, 12
    public async Task Name_and_date_filters()
    {
        var named = Names(await Get($"{Api}/content?filter=name:COMMUN&take=50"));
        Assert.Contains("Community", named);
        Assert.All(named, n => Assert.Contains("commun", n, StringComparison.OrdinalIgnoreCase));
        var notBlog = Names(await Get($"{Api}/content?filter=name:!blog&take=100"));
        Assert.DoesNotContain("Blog", notBlog);
        Assert.Contains("Community", notBlog);

        var ranged = await Get($"{Api}/content?filter=createDate>:2020-01-01&filter=createDate<2100-01-01&take=0");
        Assert.True(ranged.GetProperty("total").GetInt32() > 20);
        var none = await Get($"{Api}/content?filter=createDate>:2099-01-01&take=0");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Theory] // 13, 14, 15
    [InlineData("filter=foo:bar", "Filter option not found", "One of the attempted 'filter' options does not exist")]
    [InlineData("fetch=siblings:31523089-f648-4883-9087-ef9a0b83129f", "Selector option not found", "The attempted 'fetch' option does not exist")]
    [InlineData("sort=popularity:desc", "Sort option not found", "One of the attempted 'sort' options does not exist")]
    public async Task Unknown_options_answer_Umbraco_s_errors(string query, string title, string detail)
    {
        var problem = await Get($"{Api}/content?{query}", HttpStatusCode.BadRequest);
        Assert.Equal("Error", problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("filter=createDate>:yesterday", "filter")]
    [InlineData("skip=-1", "skip")]
    [InlineData("take=abc", "take")]
    [InlineData("expand=properties[author", "expand")]
    [InlineData("fields=[title]", "fields")]
    [InlineData("filter=property:nosuch:1", "filter")]
    public async Task Bad_values_are_400s_that_name_the_parameter(string query, string parameter)
    {
        var problem = await Get($"{Api}/content?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/content")]
    [InlineData("/media")]
    [InlineData("/search")]
    public async Task An_overlong_query_string_is_a_400_before_any_work(string endpoint)
    {
        var filters = string.Concat(Enumerable.Repeat("&filter=name:abcdefghij", 300));
        var problem = await Get($"{Api}{endpoint}?q=x{filters}", HttpStatusCode.BadRequest);
        Assert.Equal("query", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Huge_paging_values_and_unknown_cultures_are_400s()
    {
        await Get($"{Api}/content?skip=99999999999999", HttpStatusCode.BadRequest);
        await Get($"{Api}/content?take=1.5", HttpStatusCode.BadRequest);
        var capped = await Get($"{Api}/content?take=5000");
        Assert.True(capped.GetProperty("items").GetArrayLength() <= 1000);
        await Get($"{Api}/content/item/{Home}", HttpStatusCode.BadRequest, ("Accept-Language", "zz"));
    }

    [Fact] // 16, 17, 18, 19
    public async Task Fetch_children_descendants_and_ancestors()
    {
        var byKey = Names(await Get($"{Api}/content?fetch=children:{Blog}&take=50")).Order().ToList();
        var byPath = Names(await Get($"{Api}/content?fetch=children:/blog/&take=50")).Order().ToList();
        Assert.Equal(7, byKey.Count);
        Assert.Equal(byKey, byPath);

        var descendants = Names(await Get($"{Api}/content?fetch=descendants:{Home}&take=100"));
        Assert.Contains("Blog", descendants);
        Assert.Contains("Community", descendants);
        Assert.DoesNotContain("Home", descendants);

        var article = (await Article("Community")).GetProperty("id").GetGuid();
        var ancestors = Names(await Get($"{Api}/content?fetch=ancestors:{article}"));
        Assert.Equal(["Blog", "Home"], ancestors.Order());

        var empty = await Get($"{Api}/content?fetch=children:{Guid.NewGuid()}");
        Assert.Equal(0, empty.GetProperty("total").GetInt32());
    }

    [Fact] // 20, 21, 22
    public async Task Sorting_and_paging()
    {
        var descending = Names(await Get($"{Api}/content?sort=name:desc&filter=contentType:article&take=20"));
        var ascending = Names(await Get($"{Api}/content?sort=name:asc&filter=contentType:article&take=20"));
        Assert.Equal(ascending.Order(StringComparer.OrdinalIgnoreCase), ascending);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);

        var bySortOrder = (await Get($"{Api}/content?sort=sortOrder:asc&fetch=children:{Blog}&take=20")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).ToList();
        var cache = host.Services.GetService(typeof(Archive.Delivery.Cache.PublishedCache)) as Archive.Delivery.Cache.PublishedCache;
        Assert.Equal(cache!.ChildrenOf(Blog).Select(c => c.Key), bySortOrder);

        var page = await Get($"{Api}/content?skip=1&take=1&fetch=children:{Blog}");
        Assert.Equal(7, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        var none = await Get($"{Api}/content?take=0&fetch=children:{Blog}");
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
        Assert.Equal(7, none.GetProperty("total").GetInt32());
    }

    [Fact] // 26, 27, 28
    public async Task Pickers_are_shallow_unless_expanded_and_fields_limit_properties()
    {
        var shallow = (await Article("Community")).GetProperty("properties").GetProperty("author")[0];
        Assert.Equal("Paul Seal", shallow.GetProperty("name").GetString());
        Assert.Empty(shallow.GetProperty("properties").EnumerateObject());

        var id = (await Article("Community")).GetProperty("id").GetGuid();
        var expanded = await Get($"{Api}/content/item/{id}?expand=properties[author]");
        Assert.NotEmpty(expanded.GetProperty("properties").GetProperty("author")[0].GetProperty("properties").EnumerateObject());
        Assert.False(expanded.GetProperty("properties").GetProperty("author")[0].TryGetProperty("cultures", out _));

        var all = await Get($"{Api}/content/item/{id}?expand=properties[$all]");
        var author = all.GetProperty("properties").GetProperty("author")[0].GetProperty("properties");
        Assert.NotEmpty(author.EnumerateObject());
        // One level only: a picker inside the expanded author stays shallow.
        foreach (var value in author.EnumerateObject().Select(p => p.Value).Where(v => v.ValueKind == JsonValueKind.Array))
            foreach (var picked in value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("mediaType", out _)))
                Assert.Empty(picked.GetProperty("properties").EnumerateObject());

        var limited = await Get($"{Api}/content/item/{id}?fields=properties[title]");
        Assert.Equal(["title"], limited.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, limited.GetProperty("id").GetGuid());
        Assert.Equal("/blog/community/", limited.GetProperty("route").GetProperty("path").GetString());

        var nested = await Get($"{Api}/content/item/{id}?expand=properties[author]&fields=properties[author[properties[$all]]]");
        Assert.Equal(["author"], nested.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact] // 29, 31, 33
    public async Task Blocks_rich_text_and_media_pickers_have_Umbraco_s_shapes()
    {
        var home = await Get($"{Api}/content/item/{Home}");
        var row = home.GetProperty("properties").GetProperty("contentRows").GetProperty("items")[0];
        Assert.Equal(["contentType", "id", "properties"], row.GetProperty("content").EnumerateObject().Select(p => p.Name));
        Assert.Equal("latestArticlesRow", row.GetProperty("content").GetProperty("contentType").GetString());
        Assert.Equal("Blog", row.GetProperty("content").GetProperty("properties").GetProperty("articleList").GetProperty("name").GetString());
        Assert.True(row.TryGetProperty("settings", out _));

        var article = await Article("Community");
        var text = article.GetProperty("properties").GetProperty("contentRows").GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("content").GetProperty("contentType").GetString() == "richTextRow").GetProperty("content").GetProperty("properties").GetProperty("content");
        Assert.StartsWith("<p>", text.GetProperty("markup").GetString());
        Assert.Equal(JsonValueKind.Array, text.GetProperty("blocks").ValueKind);

        var image = home.GetProperty("properties").GetProperty("mainImage")[0];
        Assert.Equal(["focalPoint", "crops", "id", "name", "mediaType", "url", "extension", "width", "height", "bytes", "properties"], image.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("/media/", image.GetProperty("url").GetString());
        Assert.Equal(1920, image.GetProperty("width").GetInt32());
    }

    [Fact] // 35, 40
    public async Task A_browser_language_list_is_ignored_and_responses_vary_by_the_delivery_headers()
    {
        await Get($"{Api}/content/item/{Home}", headers: ("Accept-Language", "en-GB,en;q=0.9"));
        using var response = await host.Client.GetAsync($"{Api}/content/item/{Home}");
        var vary = string.Join(",", response.Headers.Vary);
        foreach (var header in new[] { "Accept-Language", "Preview", "Start-Item" })
            Assert.Contains(header, vary);
    }

    [Fact]
    public async Task Responses_carry_a_strong_ETag_and_answer_304_when_it_matches()
    {
        using var first = await host.Client.GetAsync($"{Api}/content/item/{Home}");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Contains("public", first.Headers.CacheControl!.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, $"{Api}/content/item/{Home}");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact] // 36, 37, 38
    public async Task Media_endpoints()
    {
        var roots = await Get($"{Api}/media?fetch=children:/&take=50");
        Assert.True(roots.GetProperty("total").GetInt32() > 0);
        JsonElement folder = default, images = default;
        foreach (var candidate in roots.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("mediaType").GetString() == "Folder"))
        {
            (folder, images) = (candidate, await Get($"{Api}/media?fetch=children:{candidate.GetProperty("id").GetGuid()}&filter=mediaType:Image&sort=name:asc&take=5"));
            if (images.GetProperty("total").GetInt32() > 1)
                break;
        }
        var names = Names(images);
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        var image = images.GetProperty("items")[0];
        var item = await Get($"{Api}/media/item/{image.GetProperty("id").GetGuid()}");
        Assert.Equal("Image", item.GetProperty("mediaType").GetString());
        Assert.StartsWith("/media/", item.GetProperty("url").GetString());
        var path = item.GetProperty("path").GetString()!;
        Assert.EndsWith("/", path);
        Assert.Equal(path.ToLowerInvariant(), path);
        Assert.DoesNotContain(item.GetProperty("properties").EnumerateObject(), p => p.Name.StartsWith("umbraco"));
        var byPath = await Get($"{Api}/media/item/{Uri.EscapeDataString(folder.GetProperty("name").GetString()!)}/{Uri.EscapeDataString(item.GetProperty("name").GetString()!)}");
        Assert.Equal(item.GetProperty("id").GetGuid(), byPath.GetProperty("id").GetGuid());

        foreach (var query in new[] { "", "?fetch=descendants:/" })
            Assert.Equal("Selector option not found", (await Get($"{Api}/media{query}", HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        Assert.Equal("Filter option not found", (await Get($"{Api}/media?fetch=children:/&filter=foo:bar", HttpStatusCode.BadRequest)).GetProperty("title").GetString());
    }

    [Fact] // 25
    public async Task Preview_needs_the_api_key()
    {
        await Get($"{Api}/content/item/{Home}", HttpStatusCode.Unauthorized, ("Preview", "true"));
        await Get($"{Api}/content/item/{Home}", HttpStatusCode.Unauthorized, ("Preview", "true"), ("Api-Key", "wrong"));
        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Api}/content/item/{Home}")
        {
            Headers = { { "Preview", "true" }, { "Api-Key", Host.ApiKey } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact] // real-site conformance: every published node by id and by route, with its type's properties
    public async Task Every_published_node_of_the_site_is_served_by_id_and_by_route()
    {
        var schema = ((Archive.Delivery.Cache.PublishedCache)host.Services.GetService(typeof(Archive.Delivery.Cache.PublishedCache))!).Schema;
        var all = await Get($"{Api}/content?take=100");
        Assert.Equal(all.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength());
        Assert.True(all.GetProperty("total").GetInt32() >= 23);
        foreach (var item in all.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetGuid();
            var byId = await Get($"{Api}/content/item/{id}");
            var route = byId.GetProperty("route").GetProperty("path").GetString()!;
            var byRoute = await Get($"{Api}/content/item{route}");
            Assert.Equal(id, byRoute.GetProperty("id").GetGuid());
            var type = schema.FindType(byId.GetProperty("contentType").GetString()!)!;
            Assert.Equal(schema.PropertiesOf(type).Select(p => p.Alias).Order(), byId.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        }
    }
}
