using System.Net;
using System.Text.Json;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Delivery;

/// The Delivery API over the archive's own demo catalogue: cultures, private fields, Archive's
/// filters and sorts, and changes reaching the API without a restart.
public sealed class ArchiveDeliveryTests(ArchiveDeliveryTests.Host host) : IClassFixture<ArchiveDeliveryTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public const string ApiKey = "archive-test-key";

        public HttpClient Client { get; private set; } = null!;

        public Host() => Settings["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey;

        public async Task InitializeAsync() => Client = await ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private const string Api = "/umbraco/delivery/api/v2";
    private static readonly string[] PrivateAliases = ["ownerContact", "valuation", "insuranceValue"];

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Send(string url, params (string, string)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        var response = await host.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<JsonElement> Get(string url, params (string, string)[] headers)
    {
        var (status, body, _) = await Send(url, headers);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [InlineData("en", "Almaty", "Alma-Ata")]
    [InlineData("ru", "Алматы", "Алма-Ата")]
    public async Task A_place_picked_by_an_object_is_named_as_it_was_in_the_object_s_time_beside_its_name_today(string culture, string today, string then)
    {
        const string chest = "ee109d7d-f924-0815-7492-041e2894165b"; // 1930s, made in Almaty (Alma-Ata 1921–1993)
        foreach (var url in new[] { $"{Api}/content/item/{chest}", $"{Api}/content/item/{chest}?expand=properties[placeOfOrigin]" })
        {
            var place = (await Get(url, ("Accept-Language", culture))).GetProperty("properties").GetProperty("placeOfOrigin")[0];
            Assert.Equal(today, place.GetProperty("name").GetString());
            Assert.Equal(then, place.GetProperty("nameAtTheTime").GetString());
        }
        // A bowl of 1933–1966 from Astana: the city was Akmolinsk, then Tselinograd — no one name of its time.
        var bowl = (await Get($"{Api}/content/item/{await KeyOfAsync("Painted earthenware bowl")}", ("Accept-Language", "en"))).GetProperty("properties").GetProperty("placeOfOrigin")[0];
        Assert.Equal("Astana", bowl.GetProperty("name").GetString());
        Assert.False(bowl.TryGetProperty("nameAtTheTime", out _));
        // The place itself, read on its own, is named as it is today.
        var almaty = await Get($"{Api}/content/item/624b8978-0074-be38-0117-4646d239b3ca", ("Accept-Language", "en"));
        Assert.False(almaty.TryGetProperty("nameAtTheTime", out _));
        Assert.Equal("Verny (–1921)\nAlma-Ata (1921–1993)", almaty.GetProperty("properties").GetProperty("formerNames").GetString());
    }

    private async Task<string> KeyOfAsync(string englishName)
    {
        var found = await Get($"{Api}/content?filter=contentType:artefact&filter=name:{Uri.EscapeDataString(englishName)}&take=5", ("Accept-Language", "en"));
        return found.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString() == englishName).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Media_alt_text_caption_and_credit_line_follow_the_requested_culture()
    {
        const string chest = "88049aca-396f-f9ca-8e5d-3c099713cf03";
        var ru = await Get($"{Api}/media/item/{chest}", ("Accept-Language", "ru"));
        var en = await Get($"{Api}/media/item/{chest}", ("Accept-Language", "en"));
        Assert.Equal("Деревянный сундук", ru.GetProperty("name").GetString());
        Assert.StartsWith("Деревянный сундук:", ru.GetProperty("properties").GetProperty("altText").GetString());
        Assert.StartsWith("Wooden chest:", en.GetProperty("properties").GetProperty("altText").GetString());
        Assert.Equal("Архив, иллюстрация-образец", ru.GetProperty("properties").GetProperty("creditLine").GetString());
        Assert.Equal("Archive, sample illustration", en.GetProperty("properties").GetProperty("creditLine").GetString());
    }

    private async Task<JsonElement> Artefact(string englishName) =>
        (await Get($"{Api}/content?filter=contentType:artefact&filter=name:{Uri.EscapeDataString(englishName)}", ("Accept-Language", "en"))).GetProperty("items")[0];

    private async Task<T> Content<T>(Func<ContentService, Task<T>> action)
    {
        using var scope = host.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContentService>());
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        // Generous: the whole suite runs in parallel on two cores.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the change did not reach the Delivery API in time");
            await Task.Delay(100);
        }
    }

    [Fact] // 34
    public async Task A_variant_item_answers_in_the_requested_culture_with_a_route_per_published_culture()
    {
        var letter = await Artefact("Letter written in Semipalatinsk");
        var id = letter.GetProperty("id").GetGuid();
        var russian = await Get($"{Api}/content/item/{id}", ("Accept-Language", "ru"));
        Assert.Equal("Письмо из Семипалатинска", russian.GetProperty("name").GetString());
        Assert.Equal("Письмо из Семипалатинска", russian.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal(["en", "kk", "ru"], russian.GetProperty("cultures").EnumerateObject().Select(c => c.Name).Order());
        var route = russian.GetProperty("cultures").GetProperty("ru").GetProperty("path").GetString()!;
        var byRoute = await Get($"{Api}/content/item{route}", ("Accept-Language", "ru"),
            ("Start-Item", russian.GetProperty("route").GetProperty("startItem").GetProperty("path").GetString()!));
        Assert.Equal(id, byRoute.GetProperty("id").GetGuid());
        var kazakh = await Get($"{Api}/content/item/{id}");
        Assert.Equal("Семейден жазылған хат", kazakh.GetProperty("name").GetString());
        // A culture the archive has but the item was not published in: not routable there.
        Assert.Equal(HttpStatusCode.NotFound, (await Send($"{Api}/content/item/{id}", ("Accept-Language", "de"))).Status);
    }

    [Fact]
    public async Task Private_fields_never_leave_through_any_delivery_response()
    {
        foreach (var culture in new[] { "kk", "ru", "en" })
            foreach (var query in new[] { "", "&expand=properties[$all]", "&fields=properties[valuation,ownerContact,insuranceValue]" })
            {
                var (status, body, _) = await Send($"{Api}/content?filter=contentType:artefact&take=100{query}", ("Accept-Language", culture));
                Assert.Equal(HttpStatusCode.OK, status);
                foreach (var alias in PrivateAliases)
                    Assert.DoesNotContain($"\"{alias}\"", body);
                Assert.DoesNotContain("office contact", body);
                Assert.DoesNotContain("shelf", body);
            }
        foreach (var alias in PrivateAliases)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Send($"{Api}/content?filter=property:{alias}:x")).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await Send($"{Api}/content?sort=property:{alias}:asc")).Status);
        }
    }

    [Fact]
    public async Task Archive_filters_narrow_by_institution_facets_dating_and_property()
    {
        var letter = await Artefact("Letter written in Semipalatinsk");
        var institution = letter.GetProperty("route").GetProperty("startItem").GetProperty("id").GetGuid();
        var held = await Get($"{Api}/content?filter=contentType:artefact&filter=institution:{institution}&take=100", ("Accept-Language", "en"));
        Assert.Equal(9, held.GetProperty("total").GetInt32());
        Assert.All(held.GetProperty("items").EnumerateArray(), i => Assert.Equal(institution, i.GetProperty("route").GetProperty("startItem").GetProperty("id").GetGuid()));

        var paper = letter.GetProperty("properties").GetProperty("materials")[0].GetProperty("id").GetGuid();
        var onPaper = await Get($"{Api}/content?filter=material:{paper}&take=0");
        var notOnPaper = await Get($"{Api}/content?filter=contentType:artefact&filter=material:!{paper}&take=0");
        // 63 artefacts, 3 of them private records (never public).
        Assert.Equal(60, onPaper.GetProperty("total").GetInt32() + notOnPaper.GetProperty("total").GetInt32());

        var fifties = await Get($"{Api}/content?filter=contentType:artefact&filter=dating>:1850&filter=dating<1860&take=100", ("Accept-Language", "en"));
        var names = fifties.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("Letter written in Semipalatinsk", names);
        Assert.DoesNotContain("Letter to fellow villagers", names);
        var year = await Get($"{Api}/content?filter=dating:1856&filter=name:semipalatinsk", ("Accept-Language", "en"));
        Assert.Equal(1, year.GetProperty("total").GetInt32());

        var accession = letter.GetProperty("properties").GetProperty("accessionNumber").GetString()!;
        var exact = await Get($"{Api}/content?filter=property:accessionNumber:{accession.ToLowerInvariant()}");
        Assert.Equal(letter.GetProperty("id").GetGuid(), Assert.Single(exact.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var images = await Get($"{Api}/content?filter=contentType:artefact&filter=hasImage:true&take=0");
        Assert.Equal(60, images.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await Send($"{Api}/content?filter=hasImage:maybe")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send($"{Api}/content?filter=dating>:long-ago")).Status);
    }

    [Fact]
    public async Task Archive_sorts_by_dating_and_by_a_property()
    {
        var byDating = (await Get($"{Api}/content?filter=contentType:artefact&sort=dating:asc&take=100", ("Accept-Language", "en"))).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("properties").GetProperty("dating").GetProperty("earliest").GetInt32()).ToList();
        Assert.Equal(byDating.Order(), byDating);
        var byAccession = (await Get($"{Api}/content?filter=contentType:artefact&sort=property:accessionNumber:desc&take=100")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("properties").GetProperty("accessionNumber").GetString()!.ToLowerInvariant()).ToList();
        Assert.Equal(byAccession.OrderDescending(StringComparer.Ordinal), byAccession);
    }

    [Fact] // 40 (redirect tracking) and live updates
    public async Task A_renamed_item_answers_at_its_new_route_and_redirects_from_the_old_one_and_unpublishing_removes_it()
    {
        var desk = await Artefact("Table from an officer's house");
        var id = desk.GetProperty("id").GetGuid();
        var oldRoute = desk.GetProperty("route").GetProperty("path").GetString()!;
        var start = desk.GetProperty("route").GetProperty("startItem").GetProperty("id").GetGuid().ToString();

        var saved = await Content(c => c.SaveAsync(id, new ContentEdit { Names = new Dictionary<string, string> { ["en"] = "Officer's table" } }, "curator"));
        Assert.True(saved.Succeeded, saved.ToString());
        Assert.True((await Content(c => c.PublishAsync(id, ["en"], "curator"))).Succeeded);
        await Eventually(async () => (await Get($"{Api}/content/item/{id}", ("Accept-Language", "en"))).GetProperty("name").GetString() == "Officer's table");

        var moved = await Send($"{Api}/content/item{oldRoute}", ("Accept-Language", "en"), ("Start-Item", start));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        var newRoute = moved.Response.Headers.Location!.ToString();
        Assert.EndsWith("/officer-s-table/", newRoute);
        Assert.Equal(start, moved.Response.Headers.GetValues("Location-Start-Item-Id").Single());
        Assert.Equal(id, (await Get($"{Api}/content/item{newRoute}", ("Accept-Language", "en"), ("Start-Item", start))).GetProperty("id").GetGuid());

        // Other tests of this host publish items too: the count is compared with the one just before.
        var before = (await Get($"{Api}/content?filter=contentType:artefact&take=0")).GetProperty("total").GetInt32();
        Assert.True((await Content(c => c.UnpublishAsync(id, ["*"], "curator"))).Succeeded);
        await Eventually(async () => (await Send($"{Api}/content/item/{id}", ("Accept-Language", "en"))).Status == HttpStatusCode.NotFound);
        await Eventually(async () => (await Get($"{Api}/content?filter=contentType:artefact&take=0")).GetProperty("total").GetInt32() == before - 1);
    }

    [Fact] // 25
    public async Task A_never_published_draft_is_served_only_in_preview_at_its_preview_route()
    {
        var collection = (await Get($"{Api}/content?filter=contentType:collection&take=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var names = new Dictionary<string, string> { ["kk"] = "Жаңа нысан", ["ru"] = "Новый предмет", ["en"] = "New object" };
        var created = await Content(c => c.CreateAsync(collection, "artefact", new ContentEdit
        {
            Names = names,
            Values = [new ValueEdit("accessionNumber", null, "DRAFT-001"), .. names.Select(n => new ValueEdit("title", n.Key, n.Value))],
        }, "curator"));
        Assert.True(created.Succeeded, created.ToString());
        var key = created.Key!.Value;
        await Eventually(async () => (await Send($"{Api}/content?filter=name:new object", ("Accept-Language", "en"), ("Preview", "true"), ("Api-Key", Host.ApiKey))).Body.Contains(key.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, (await Send($"{Api}/content/item/{key}", ("Accept-Language", "en"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send($"{Api}/content/item/{key}", ("Preview", "true"))).Status);
        var draft = await Get($"{Api}/content/item/{key}", ("Accept-Language", "en"), ("Preview", "true"), ("Api-Key", Host.ApiKey));
        Assert.Equal("New object", draft.GetProperty("name").GetString());
        var route = draft.GetProperty("route").GetProperty("path").GetString()!;
        Assert.StartsWith("/preview-", route);
        Assert.Equal(key, (await Get($"{Api}/content/item{route}", ("Accept-Language", "en"), ("Preview", "true"), ("Api-Key", Host.ApiKey))).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await Send($"{Api}/content/item{route}", ("Accept-Language", "en"))).Status);
        Assert.DoesNotContain(key.ToString(), (await Send($"{Api}/content?filter=name:new object", ("Accept-Language", "en"))).Body);
    }

    [Fact]
    public async Task Output_caching_serves_repeats_and_evicts_exactly_what_a_publish_changed()
    {
        var changed = (await Artefact("Glass inkwell")).GetProperty("id").GetGuid();
        var other = (await Artefact("Brass samovar")).GetProperty("id").GetGuid();
        string Url(Guid key) => $"{Api}/content/item/{key}";
        foreach (var key in new[] { changed, other })
        {
            await Send(Url(key), ("Accept-Language", "en"));
            var repeat = await Send(Url(key), ("Accept-Language", "en"));
            Assert.NotNull(repeat.Response.Headers.Age); // served from the output cache
        }
        Assert.True((await Content(c => c.SaveAsync(changed, new ContentEdit { Names = new Dictionary<string, string> { ["en"] = "Inkwell of glass" } }, "curator"))).Succeeded);
        Assert.True((await Content(c => c.PublishAsync(changed, ["en"], "curator"))).Succeeded);
        await Eventually(async () => (await Get(Url(changed), ("Accept-Language", "en"))).GetProperty("name").GetString() == "Inkwell of glass");
        Assert.NotNull((await Send(Url(other), ("Accept-Language", "en"))).Response.Headers.Age);
        // Other cultures are cached apart, and the Api-Key or preview never share public entries.
        Assert.Equal("Шыны сиясауыт", (await Get(Url(changed))).GetProperty("name").GetString());
        Assert.Null((await Send(Url(other), ("Accept-Language", "en"), ("Api-Key", Host.ApiKey))).Response.Headers.Age);
    }

    [Fact]
    public async Task Delivery_responses_allow_any_origin()
    {
        var (_, _, response) = await Send($"{Api}/content?take=1", ("Origin", "https://kiosk.example"));
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var (_, _, media) = await Send($"{Api}/media?fetch=children:/", ("Origin", "https://kiosk.example"));
        Assert.Equal("*", media.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Every_public_picker_of_the_schema_is_a_facet_and_a_filter_labelled_by_the_picked_items_names()
    {
        // maker and placeOfOrigin are pickers of the artefact type: no code names them.
        var result = await Get($"{Api}/search?q=portrait&facets=maker,placeOfOrigin,objectType&take=0", ("Accept-Language", "en"));
        var makers = result.GetProperty("facets").GetProperty("maker").EnumerateArray().ToList();
        Assert.NotEmpty(makers);
        Assert.All(makers, m => Assert.False(Guid.TryParse(m.GetProperty("label").GetString(), out _), "a maker is labelled by the person's name"));
        var maker = makers[0].GetProperty("value").GetString();
        var filtered = await Get($"{Api}/content?filter=maker:{maker}&take=100", ("Accept-Language", "en"));
        Assert.InRange(makers[0].GetProperty("count").GetInt32(), 1, filtered.GetProperty("total").GetInt32());
        // A name that is no picker is neither.
        Assert.Equal(HttpStatusCode.BadRequest, (await Send($"{Api}/search?q=portrait&facets=ownerContact", ("Accept-Language", "en"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send($"{Api}/content?filter=ownerContact:{maker}", ("Accept-Language", "en"))).Status);
    }

    [Fact]
    public async Task Search_answers_ranked_items_with_highlights_per_property_and_facet_counts()
    {
        var result = await Get($"{Api}/search?q=письма&filter=contentType:artefact&facets=institution,material,century&take=5", ("Accept-Language", "ru"));
        Assert.True(result.GetProperty("total").GetInt32() >= 6);
        var first = result.GetProperty("items")[0];
        Assert.Equal(["id", "score", "highlights", "content"], first.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("Письмо", first.GetProperty("content").GetProperty("name").GetString());
        Assert.Contains("<mark>Письм", first.GetProperty("highlights").GetProperty("name")[0].GetString());
        Assert.Equal(first.GetProperty("id").GetGuid(), first.GetProperty("content").GetProperty("id").GetGuid());
        var institutions = result.GetProperty("facets").GetProperty("institution");
        Assert.Equal(result.GetProperty("total").GetInt32(), institutions.EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));
        Assert.Contains(result.GetProperty("facets").GetProperty("century").EnumerateArray(), f => f.GetProperty("label").GetString() == "XIX век");
        Assert.Equal("exact", result.GetProperty("facetCounting").GetProperty("method").GetString());

        // Delivery filters and sorts apply to the search too.
        var sorted = await Get($"{Api}/search?q=letter&filter=contentType:artefact&sort=name:asc&take=20", ("Accept-Language", "en"));
        var names = sorted.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("content").GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);

        foreach (var alias in PrivateAliases)
            Assert.DoesNotContain(alias, (await Send($"{Api}/search?q=shelf&take=50", ("Accept-Language", "en"))).Body);
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=*", "q")]
    [InlineData("q=letter&facets=colour", "facets")]
    [InlineData("q=letter&take=-3", "take")]
    public async Task Search_refuses_what_it_cannot_answer_with_a_400_naming_the_parameter(string query, string parameter)
    {
        var (status, body, _) = await Send($"{Api}/search?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(parameter, JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("title:(a OR b) AND ~~~ [x TO")]
    [InlineData("letter*^3 -- || &&")]
    public async Task Lucene_syntax_in_the_query_is_searched_as_words(string query)
    {
        var (status, _, _) = await Send($"{Api}/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Suggest_offers_words_of_published_names()
    {
        var suggestions = await Get($"{Api}/search/suggest?q=сам&take=5", ("Accept-Language", "ru"));
        Assert.Contains("самовар", suggestions.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("/umbraco/delivery/api/v2/content/item/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/umbraco/delivery/api/v2/content/item/a/%2E%2E/b")]
    public async Task Path_traversal_in_a_route_is_refused(string url)
    {
        var (status, _, _) = await Send(url);
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, status.ToString());
    }
}
