using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Archive.Integration.Tests.Management;

/// The operations Umbraco 17's back office calls beyond the older contract: validation that stores nothing
/// and names Umbraco's field paths, items by id, tree windows, the published version, the configuration.
public sealed class BackOfficeOperationsTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static object Artefact(string accession, string? title) => new
    {
        parent = new { id = DocumentApiTests.KoreanCollection },
        documentType = new { id = DocumentApiTests.ArtefactType },
        values = new object[]
        {
            new { alias = "accessionNumber", culture = (string?)null, segment = (string?)null, value = accession, editorAlias = "Umbraco.TextBox", entityType = "document-property-value" },
            new { alias = "title", culture = "ru", segment = (string?)null, value = title },
        },
        variants = new object[] { new { culture = "ru", segment = (string?)null, name = title ?? "", state = "Draft" } },
    };

    [Fact]
    public async Task Archives_package_carries_its_dictionary_as_localizations_so_type_and_field_names_read_in_each_language()
    {
        var manifest = await Json(await (await host.As("curator")).GetAsync($"{Api}/manifest/manifest/private"));
        var extensions = Assert.Single(manifest.EnumerateArray()).GetProperty("extensions").EnumerateArray().ToList();
        Assert.Contains(extensions, e => e.GetProperty("type").GetString() == "backofficeEntryPoint");
        JsonElement Terms(string culture) => extensions.Single(e => e.GetProperty("type").GetString() == "localization"
            && e.GetProperty("meta").GetProperty("culture").GetString() == culture).GetProperty("meta").GetProperty("localizations").GetProperty("archive");
        // "#archive_artefact" and "#archive_field_dimensions" in the schema, as the back office looks them up.
        Assert.Equal("Предмет", Terms("ru").GetProperty("artefact").GetString());
        Assert.Equal("Жәдігер", Terms("kk").GetProperty("artefact").GetString());
        Assert.Equal("Artefact", Terms("en").GetProperty("artefact").GetString());
        Assert.True(Terms("en").TryGetProperty("field_dimensions", out _));
    }

    [Fact]
    public async Task Validating_a_new_artefact_names_each_field_as_the_back_office_finds_it_and_stores_nothing()
    {
        var curator = await host.As("curator");
        var chest = await Json(await curator.GetAsync($"{Api}/document/{DocumentApiTests.Chest}"));
        var taken = chest.GetProperty("values").EnumerateArray().First(v => v.GetProperty("alias").GetString() == "accessionNumber").GetProperty("value").GetString()!;
        var before = await curator.GetStringAsync($"{Api}/tree/document/children?parentId={DocumentApiTests.KoreanCollection}&take=1000");

        var refused = await curator.PostAsJsonAsync($"{Api}/document/validate", Artefact(taken, null));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await Json(refused)).GetProperty("errors");
        // The duplicate accession number on its field, the missing Russian name on the Russian variant.
        Assert.True(errors.TryGetProperty("$.values[?(@.alias == 'accessionNumber' && @.culture == null && @.segment == null)].value", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("$.variants[?(@.culture == 'ru' && @.segment == null)].name", out _), errors.ToString());
        Assert.Equal(before, await curator.GetStringAsync($"{Api}/tree/document/children?parentId={DocumentApiTests.KoreanCollection}&take=1000"));

        var fine = await curator.PostAsJsonAsync($"{Api}/document/validate", Artefact("KOR-VALID-" + Guid.NewGuid().ToString("N")[..6], "Латунная ложка"));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(before, await curator.GetStringAsync($"{Api}/tree/document/children?parentId={DocumentApiTests.KoreanCollection}&take=1000"));
    }

    [Fact]
    public async Task Validating_before_publishing_asks_for_the_mandatory_values_of_the_cultures_to_publish()
    {
        var curator = await host.As("curator");
        var body = new
        {
            values = new object[] { new { alias = "accessionNumber", culture = (string?)null, segment = (string?)null, value = "" } },
            variants = new object[] { new { culture = "en", segment = (string?)null, name = "Wooden chest" } },
            cultures = new[] { "en" },
        };
        var refused = await curator.PutAsJsonAsync($"/umbraco/management/api/v1.1/document/{DocumentApiTests.Chest}/validate", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("@.alias == 'accessionNumber'", (await Json(refused)).GetProperty("errors").ToString());
        // Nothing was saved: the chest keeps its accession number.
        var chest = await Json(await curator.GetAsync($"{Api}/document/{DocumentApiTests.Chest}"));
        Assert.NotEqual("", chest.GetProperty("values").EnumerateArray().First(v => v.GetProperty("alias").GetString() == "accessionNumber").GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().PutAsJsonAsync($"/umbraco/management/api/v1.1/document/{DocumentApiTests.Chest}/validate", body)).StatusCode);
    }

    [Fact]
    public async Task Items_tree_windows_the_published_version_and_the_configuration_read_as_the_back_office_expects()
    {
        var curator = await host.As("curator");
        var items = await Json(await curator.GetAsync($"{Api}/item/document?id={DocumentApiTests.Chest}&id={DocumentApiTests.KoreanCollection}&id={Guid.NewGuid()}"));
        Assert.Equal([DocumentApiTests.Chest, DocumentApiTests.KoreanCollection], items.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.All(items.EnumerateArray(), i => Assert.True(i.GetProperty("variants").GetArrayLength() > 0 && i.TryGetProperty("flags", out _)));

        var window = await Json(await curator.GetAsync($"{Api}/tree/document/siblings?target={DocumentApiTests.Chest}&before=1&after=1"));
        Assert.InRange(window.GetProperty("items").GetArrayLength(), 2, 3);
        Assert.Contains(window.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == DocumentApiTests.Chest);
        Assert.All(window.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("ancestors").GetArrayLength() >= 2));

        var published = await Json(await curator.GetAsync($"{Api}/document/{DocumentApiTests.Chest}/published"));
        Assert.Equal(DocumentApiTests.Chest, published.GetProperty("id").GetString());
        Assert.False(published.TryGetProperty("urls", out _));

        var configuration = await Json(await curator.GetAsync($"{Api}/document/configuration"));
        Assert.True(configuration.GetProperty("allowEditInvariantFromNonDefault").GetBoolean());

        var me = await Json(await curator.GetAsync($"{Api}/user/current"));
        var users = await Json(await curator.GetAsync($"{Api}/item/user?id={me.GetProperty("id").GetString()}&id={Guid.NewGuid()}"));
        Assert.Equal(me.GetProperty("name").GetString(), Assert.Single(users.EnumerateArray()).GetProperty("name").GetString());

        var dataTypes = await Json(await curator.GetAsync($"{Api}/item/data-type?id=05c4aa9a-31cd-147f-60e7-ca4cf15ca655"));
        Assert.Equal("Umbraco.TextBox", dataTypes[0].GetProperty("editorAlias").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.GetAsync($"{Api}/tree/document/siblings?target={DocumentApiTests.Chest}&before=-1")).StatusCode);
    }

    [Theory]
    [InlineData("конец XIX века", 1867, 1899)]
    [InlineData("1850s", 1850, 1859)]
    public async Task The_dating_editor_learns_which_years_a_text_means(string text, int earliest, int latest)
    {
        var curator = await host.As("curator");
        var dating = await Json(await curator.GetAsync($"{Api}/archive/dating?text={Uri.EscapeDataString(text)}"));
        Assert.Equal(earliest, dating.GetProperty("earliest").GetInt32());
        Assert.Equal(latest, dating.GetProperty("latest").GetInt32());
        var refused = await curator.GetAsync($"{Api}/archive/dating?text=whenever");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("text", (await Json(refused)).GetProperty("errors").ToString());
    }

    [Fact]
    public async Task A_trashed_record_names_the_place_it_came_from_and_is_no_longer_in_the_tree()
    {
        var curator = await host.As("curator");
        var created = await curator.PostAsJsonAsync($"{Api}/document", Artefact("KOR-BIN-" + Guid.NewGuid().ToString("N")[..6], "Корзинка"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = created.Headers.GetValues("Umb-Generated-Resource").Single();
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"{Api}/recycle-bin/document/{key}/original-parent")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await curator.PutAsync($"{Api}/document/{key}/move-to-recycle-bin", null)).StatusCode);
        var parent = await Json(await curator.GetAsync($"{Api}/recycle-bin/document/{key}/original-parent"));
        Assert.Equal(DocumentApiTests.KoreanCollection, parent.GetProperty("id").GetString());
        // The tree no longer holds it: asking for its siblings there is a 404, not a refusal.
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"{Api}/tree/document/siblings?target={key}&before=5&after=5")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"{Api}/recycle-bin/media/{key}/original-parent")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_is_shown_the_artefact_type_without_its_private_properties_and_the_tab_that_held_only_them()
    {
        static (List<string> Properties, List<string> Containers) Shape(JsonElement type) => (
            type.GetProperty("properties").EnumerateArray().Select(p => p.GetProperty("alias").GetString()!).ToList(),
            type.GetProperty("containers").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList());
        var curator = Shape(await Json(await (await host.As("curator")).GetAsync($"{Api}/document-type/{DocumentApiTests.ArtefactType}")));
        var viewer = Shape(await Json(await (await host.As("viewer")).GetAsync($"{Api}/document-type/{DocumentApiTests.ArtefactType}")));
        Assert.Contains("valuation", curator.Properties);
        Assert.Contains("Private (owner and storage)", curator.Containers);
        Assert.DoesNotContain("valuation", viewer.Properties);
        Assert.DoesNotContain("insuranceValue", viewer.Properties);
        Assert.DoesNotContain("Private (owner and storage)", viewer.Containers);
        Assert.Contains("accessionNumber", viewer.Properties);
        Assert.Contains("Rights", viewer.Containers);
    }
}
