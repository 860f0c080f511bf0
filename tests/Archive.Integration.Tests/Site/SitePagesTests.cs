using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Site;

/// The public site over HTTP: addresses per language, the visitor's language at `/`, `lang` and `dir`, alternates,
/// the sitemap, JSON-LD, moved and removed items, search by links alone.
public sealed partial class SitePagesTests : IAsyncLifetime
{
    private readonly ArchiveHostFactory _host = new();
    private HttpClient _client = null!;

    private const string Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce";
    // Renamed and then withdrawn by one test: no other test of the class reads it.
    private const string KashgarCarpet = "603d0d87-e542-9427-79de-6898e56edf9d";
    private const string Api = "/umbraco/delivery/api/v2";

    public async Task InitializeAsync() => _client = await _host.ReadyClientAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> Get(string url, params (string, string)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> Page(string url)
    {
        var (status, body) = await Get(url);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status}");
        return body;
    }

    private async Task<string> UrlOf(string key, string culture)
    {
        var response = await _client.GetAsync($"/{culture}/item/{key}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task The_front_door_sends_visitors_to_their_language_and_remembers_a_choice()
    {
        var russian = new HttpRequestMessage(HttpMethod.Get, "/");
        russian.Headers.TryAddWithoutValidation("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5");
        Assert.Equal("/ru/", (await _client.SendAsync(russian)).Headers.Location!.OriginalString);
        Assert.Equal("/kk/", (await _client.GetAsync("/")).Headers.Location!.OriginalString);
        var chosen = new HttpRequestMessage(HttpMethod.Get, "/");
        chosen.Headers.TryAddWithoutValidation("Accept-Language", "ru");
        chosen.Headers.TryAddWithoutValidation("Cookie", "archive-culture=kk-latn");
        Assert.Equal("/kk-latn/", (await _client.SendAsync(chosen)).Headers.Location!.OriginalString);
        // Latin-script Kazakh, once chosen, is where Kazakh pages are read.
        var kazakh = await UrlOf(Dutar, "kk");
        var again = new HttpRequestMessage(HttpMethod.Get, kazakh);
        again.Headers.TryAddWithoutValidation("Cookie", "archive-culture=kk-latn");
        Assert.Equal(kazakh.Replace("/kk/", "/kk-latn/"), (await _client.SendAsync(again)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await _client.GetAsync("/en")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/xx/")).StatusCode);
    }

    [Theory]
    [InlineData("kk", "kk", "ltr")]
    [InlineData("ru", "ru", "ltr")]
    [InlineData("en", "en", "ltr")]
    [InlineData("ug", "ug", "rtl")]
    [InlineData("kk-latn", "kk-Latn", "ltr")]
    [InlineData("de", "de", "ltr")]
    public async Task Every_language_has_the_whole_site_with_its_lang_dir_and_alternates(string culture, string lang, string dir)
    {
        var item = await UrlOf(Dutar, culture);
        Assert.StartsWith($"/{culture}/", item);
        foreach (var url in new[] { $"/{culture}/", item, $"/{culture}/search?q=dutar", $"/{culture}/map", $"/{culture}/collections", $"/{culture}/places" })
        {
            var html = await Page(url);
            Assert.Contains($"<html lang=\"{lang}\" dir=\"{dir}\">", html);
            Assert.Matches("<link rel=\"canonical\" href=\"http://localhost/", html);
            // An alternate for every language of the archive, and x-default.
            foreach (var other in new[] { "kk", "kk-Latn", "ru", "en", "uk", "ug", "ko", "de", "tt" })
                Assert.Contains($"hreflang=\"{other}\"", html);
            Assert.Contains("hreflang=\"x-default\"", html);
        }
        var page = await Page(item);
        // Uyghur, German…: the object has no text of its own in them; its Russian text is shown, marked as Russian.
        if (culture is "ug" or "de")
            Assert.Matches("<h1>\\s*<span lang=\"ru\" dir=\"auto\">Дутар</span>\\s*</h1>", page);
        if (culture == "kk-latn")
        {
            Assert.Matches("<h1>\\s*Dutar\\s*</h1>", page);
            Assert.DoesNotMatch("[ҚқҰұҮүӘәҒғІіҢңӨө]", Regex.Replace(page, "<script.*?</script>", "", RegexOptions.Singleline));
        }
    }

    [Fact]
    public async Task The_language_switch_keeps_the_visitor_on_the_same_item()
    {
        var english = await Page(await UrlOf(Dutar, "en"));
        foreach (var culture in new[] { "kk", "ru", "ug", "kk-latn" })
        {
            var link = Regex.Match(english, $"<a href=\"([^\"]+)\" hreflang=\"[^\"]+\" lang=\"[^\"]+\" dir=\"[^\"]+\" data-culture=\"{culture}\"").Groups[1].Value;
            Assert.Equal(await UrlOf(Dutar, culture), link);
        }
    }

    [Fact]
    public async Task The_sitemap_lists_exactly_the_published_items_with_their_languages()
    {
        var index = XDocument.Parse(await Page("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemaps = index.Descendants(ns + "loc").Select(l => new Uri(l.Value).PathAndQuery).ToList();
        Assert.Contains("/sitemaps/kk-1.xml", sitemaps);
        Assert.Contains("/sitemaps/ug-1.xml", sitemaps);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", await Page("/robots.txt"));

        var listed = XDocument.Parse(await Page("/sitemaps/en-1.xml")).Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToHashSet();
        // Every published item that has a page: the Delivery API's own list of what is public, in any culture.
        var published = new HashSet<string>();
        foreach (var culture in new[] { "kk", "ru", "en" })
            foreach (var item in JsonDocument.Parse((await Get($"{Api}/content?take=1000", ("Accept-Language", culture))).Body).RootElement.GetProperty("items").EnumerateArray())
                if (item.GetProperty("contentType").GetString() is not ("loan" or "objectLabel" or "location" or "kiosk"))
                    published.Add(item.GetProperty("id").GetString()!);
        var expected = new HashSet<string>();
        foreach (var key in published)
            expected.Add(await UrlOf(key, "en"));
        Assert.Empty(expected.Except(listed));
        Assert.Empty(listed.Where(l => !l.EndsWith("/search") && !l.EndsWith("/map") && !l.EndsWith("/collections") && !l.EndsWith("/places") && l != "/en/").Except(expected));
    }

    /// The schema.org types the pages use and the properties each may carry (from schema.org's definitions).
    private static readonly Dictionary<string, string[]> SchemaOrg = new()
    {
        ["VisualArtwork"] = ["name", "url", "description", "image", "inLanguage", "identifier", "creator", "dateCreated", "temporalCoverage", "material", "locationCreated", "isPartOf", "creditText", "license"],
        ["Museum"] = ["name", "url", "description", "image", "geo", "address", "alternateName"],
        ["Place"] = ["name", "url", "description", "image", "geo", "address", "alternateName"],
        ["ExhibitionEvent"] = ["name", "url", "description", "image", "inLanguage", "startDate", "endDate", "location", "eventAttendanceMode"],
        ["Person"] = ["name", "url", "description", "image"],
        ["Article"] = ["name", "url", "description", "image", "inLanguage"],
        ["CreativeWork"] = ["name", "url", "description", "image", "inLanguage"],
        ["Collection"] = ["name", "url"],
        ["GeoCoordinates"] = ["latitude", "longitude"],
        ["WebSite"] = ["name", "url", "inLanguage", "potentialAction"],
        ["SearchAction"] = ["target", "query-input"],
    };

    private static void Validate(JsonElement node, string where)
    {
        var type = node.GetProperty("@type").GetString()!;
        Assert.True(SchemaOrg.TryGetValue(type, out var allowed), $"{where}: {type} is not a type the site uses");
        foreach (var property in node.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
        {
            Assert.True(allowed.Contains(property.Name), $"{where}: {type} has no property {property.Name}");
            foreach (var value in property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value])
                if (value.ValueKind == JsonValueKind.Object)
                    Validate(value, where);
        }
    }

    [Fact]
    public async Task Json_ld_parses_and_uses_schema_org_types_and_properties()
    {
        var urls = new List<string> { "/en/", await UrlOf(Dutar, "en"), await UrlOf("dc6ccb45-dc15-1700-8ca4-b8e616264b24", "en"),
            await UrlOf("4d2242f4-308d-fd31-2629-f9e9300e1069", "en"), await UrlOf("6ee8018d-3427-ed92-607f-448dfa37d97d", "en"),
            await UrlOf("624b8978-0074-be38-0117-4646d239b3ca", "ru"), await UrlOf("224b8b1c-691d-2b02-a42d-3d8528fd2dbc", "kk") };
        var types = new HashSet<string>();
        foreach (var url in urls)
        {
            var html = await Page(url);
            var script = Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline);
            Assert.True(script.Success, url);
            var json = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(script.Groups[1].Value)).RootElement;
            Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
            Validate(json, url);
            types.Add(json.GetProperty("@type").GetString()!);
        }
        Assert.Superset(new HashSet<string> { "WebSite", "VisualArtwork", "Museum", "ExhibitionEvent", "Place" }, types);
        var artwork = JsonDocument.Parse(Regex.Match(await Page(await UrlOf(Dutar, "en")), "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value).RootElement;
        Assert.Equal("1950/1959", artwork.GetProperty("dateCreated").GetString());
        Assert.Equal("UYG-PC-009", artwork.GetProperty("identifier").GetString());
        Assert.Equal("Wood", artwork.GetProperty("material")[0].GetString());
    }

    [Fact]
    public async Task The_artefact_page_has_its_facts_images_citation_and_iiif_manifest()
    {
        var html = await Page(await UrlOf(Dutar, "en"));
        Assert.Matches("<h1>\\s*Dutar\\s*</h1>", html);
        Assert.Contains("UYG-PC-009", html);
        Assert.Matches("1950s\\s*<span class=\"fact-note\">\\(\\s*1950–1959", html);
        Assert.Contains("then called Alma-Ata", html);
        Assert.Contains("Lent by the Uyghur Ethnocultural Association", html);
        Assert.Contains("srcset=\"/media/demo0006/dutar.jpg?width=320&amp;format=webp 320w", html);
        Assert.Matches("width=\"800\" height=\"600\"", html);
        Assert.Contains("data-zoom=\"/iiif/3/cbe16ed7-9a74-cdf6-e154-8413445296ba/info.json\"", html);
        Assert.Contains($"/iiif/3/manifest/{Dutar}?manifest=", html);
        Assert.Contains($"http://localhost/en/item/{Dutar}", html);
        Assert.Contains("In copyright", html);
    }

    [Fact]
    public async Task A_link_in_rich_text_goes_to_the_item_s_page_in_the_page_s_language_and_one_to_an_item_not_public_is_plain_text()
    {
        const string Almaty = "624b8978-0074-be38-0117-4646d239b3ca";
        var nowhere = Guid.NewGuid();
        using (var scope = _host.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var markup = $"<p>Made in <a href=\"/{{localLink:umb://document/{Guid.Parse(Almaty):N}}}\" title=\"Almaty\">the southern capital</a>; " +
                         $"compare <a href=\"/{{localLink:umb://document/{nowhere:N}}}\">the owner's own copy</a>.</p>";
            Assert.True((await content.SaveAsync(Guid.Parse(Dutar), new ContentEdit { Values = [new ValueEdit("description", "en", markup)] }, "curator")).Succeeded);
            Assert.True((await content.PublishAsync(Guid.Parse(Dutar), ["en"], "curator")).Succeeded);
        }
        var page = await Poll(async () => await Page(await UrlOf(Dutar, "en")) is var html && html.Contains("the southern capital") ? html : null);
        Assert.Contains($"<a href=\"{await UrlOf(Almaty, "en")}\" title=\"Almaty\">the southern capital</a>", page);
        Assert.Contains("compare the owner's own copy.", page);
        Assert.DoesNotContain("data-start-item", page);
    }

    [Fact]
    public async Task Search_works_by_links_alone_browsing_facets_sort_pages_and_helps_when_nothing_is_found()
    {
        var browse = await Page("/en/search");
        Assert.Matches("\\d+ items in the catalogue", browse);
        var material = Regex.Match(browse, "<a href=\"(/en/search\\?filter=material%3A[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(material);
        var narrowed = await Page(System.Net.WebUtility.HtmlDecode(material));
        Assert.Contains("class=\"active-filters\"", narrowed);
        var next = Regex.Match(browse, "<a href=\"(/en/search\\?page=2)\" rel=\"next\"").Groups[1].Value;
        Assert.Equal("/en/search?page=2", next);
        Assert.Contains("aria-current=\"page\">2</span>", await Page(next));
        Assert.Contains("sort=dating", await Page("/en/search?q=chest"));

        var misspelt = await Page("/en/search?q=dutra");
        Assert.Contains("Did you mean:", misspelt);
        var elsewhere = await Page("/en/search?q=" + Uri.EscapeDataString("сандық"));
        Assert.Contains("These languages have matches:", elsewhere);
        Assert.Contains("href=\"/kk/search?q=", elsewhere);
        // Broken input is a page that says so, never an error.
        var (status, body) = await Get("/en/search?filter=material:not-a-key");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is not one the archive knows", body);
        Assert.Equal(HttpStatusCode.OK, (await Get("/en/search?q=" + Uri.EscapeDataString("\"(*:? AND [ <script>"))).Status);
    }

    [Fact]
    public async Task A_moved_item_answers_301_at_its_old_address_and_a_withdrawn_one_410()
    {
        var old = await UrlOf(KashgarCarpet, "en");
        // Kept rendered now: the change below must evict it.
        Assert.Contains("<h1>", await Page(old));
        Assert.Contains(old, await Page("/en/search?q=kashgar"));
        using (var scope = _host.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var saved = await content.SaveAsync(Guid.Parse(KashgarCarpet), new ContentEdit { Names = new Dictionary<string, string> { ["en"] = "Kashgar carpet, renamed" } }, "curator");
            Assert.True(saved.Succeeded, saved.ToString());
            Assert.True((await content.PublishAsync(Guid.Parse(KashgarCarpet), ["en"], "curator")).Succeeded);
        }
        var moved = await Poll(async () => (await _client.GetAsync(old)) is { StatusCode: HttpStatusCode.MovedPermanently } r ? r.Headers.Location!.OriginalString : null);
        Assert.EndsWith("/kashgar-carpet-renamed/", moved);
        Assert.Contains("Kashgar carpet, renamed", await Page(moved));
        await Poll(async () => (await Page("/en/search?q=kashgar")).Contains("Kashgar carpet, renamed") ? "found" : null);

        using (var scope = _host.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentService>().UnpublishAsync(Guid.Parse(KashgarCarpet), null, "curator")).Succeeded);
        await Poll(async () => (await _client.GetAsync(moved)).StatusCode == HttpStatusCode.Gone ? "gone" : null);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/en/item/{KashgarCarpet}")).StatusCode);
    }

    private static async Task<T> Poll<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await probe() is { } value)
                return value;
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}
