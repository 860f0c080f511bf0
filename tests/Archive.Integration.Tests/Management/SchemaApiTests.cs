using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Archive.Data;
using Archive.Engine.USync;
using Archive.Identity;
using Archive.Integration.Tests.Infrastructure;
using Archive.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Management;

/// Document, media and data types changed through the Management API by administrators: the
/// schema rules hold, stored values are never lost to a change, private flags survive clients that
/// do not know them, and every change is written back to (a copy of) the uSync folder.
public sealed class SchemaApiTests(SchemaApiTests.Host host) : IClassFixture<SchemaApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Secret = "schema-tests-secret-0123456789ab";
    private const string Textstring = "05c4aa9a-31cd-147f-60e7-ca4cf15ca655";
    private const string ImageType = "dcbf0830-246d-8808-0431-14aac91c2348";

    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public string Folder { get; } = Paths.CopyOf(Paths.ArchiveUSync);
        public HttpClient Admin { get; private set; } = null!;
        public HttpClient Curator { get; private set; } = null!;

        public Host()
        {
            Settings["Archive:Management:SignInPermitsPerMinute"] = "1000";
            Settings["Archive:USync:Folder"] = Folder;
            Settings["Archive:USync:ExportOnSave"] = "true";
        }

        public async Task InitializeAsync()
        {
            await ReadyClientAsync();
            using (var scope = Services.CreateScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
                await accounts.CreateApiClientAsync("umbraco-back-office-schema-admin", null, Roles.Administrator, Secret, []);
                await accounts.CreateApiClientAsync("umbraco-back-office-schema-curator", null, Roles.Curator, Secret, []);
            }
            Admin = await Signed("umbraco-back-office-schema-admin");
            Curator = await Signed("umbraco-back-office-schema-curator");
        }

        private async Task<HttpClient> Signed(string clientId)
        {
            var client = CreateClient();
            var token = JsonDocument.Parse(await (await ManagementSecurityTests.RequestToken(client, clientId, Secret)).Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static JsonObject OralHistory(Guid dataType, bool withNotes = true)
    {
        var properties = new JsonArray
        {
            Property("aaaaaaaa-0000-0000-0000-000000000001", "narrator", "Narrator", Textstring, culture: false),
            Property("aaaaaaaa-0000-0000-0000-000000000002", "summary", "Summary", dataType.ToString(), culture: true),
            Property("aaaaaaaa-0000-0000-0000-000000000003", "informantPhone", "Informant's phone", Textstring, culture: false, sensitive: true),
        };
        if (withNotes)
            properties.Add(Property("aaaaaaaa-0000-0000-0000-000000000004", "notes", "Notes", Textstring, culture: false));
        return new JsonObject
        {
            ["alias"] = "oralHistory", ["name"] = "Oral history", ["description"] = "A recorded memory", ["icon"] = "icon-mic",
            ["allowedAsRoot"] = true, ["variesByCulture"] = true, ["variesBySegment"] = false, ["collection"] = null, ["isElement"] = false,
            ["properties"] = properties,
            ["containers"] = new JsonArray { new JsonObject { ["id"] = "bbbbbbbb-0000-0000-0000-000000000001", ["parent"] = null, ["name"] = "Recording details", ["type"] = "Group", ["sortOrder"] = 0 } },
            ["allowedTemplates"] = new JsonArray(), ["defaultTemplate"] = null,
            ["cleanup"] = new JsonObject { ["preventCleanup"] = false, ["keepAllVersionsNewerThanDays"] = null, ["keepLatestVersionPerDayForDays"] = null },
            ["allowedDocumentTypes"] = new JsonArray(), ["compositions"] = new JsonArray(),
        };
    }

    private static JsonObject Property(string id, string alias, string name, string dataType, bool culture, bool? sensitive = null)
    {
        var property = new JsonObject
        {
            ["id"] = id, ["container"] = new JsonObject { ["id"] = "bbbbbbbb-0000-0000-0000-000000000001" }, ["sortOrder"] = 0, ["alias"] = alias, ["name"] = name,
            ["description"] = null, ["dataType"] = new JsonObject { ["id"] = dataType }, ["variesByCulture"] = culture, ["variesBySegment"] = false,
            ["validation"] = new JsonObject { ["mandatory"] = false, ["mandatoryMessage"] = null, ["regEx"] = null, ["regExMessage"] = null },
            ["appearance"] = new JsonObject { ["labelOnTop"] = false },
        };
        if (sensitive is { } flag)
            property["isSensitive"] = flag;
        return property;
    }

    private static StringContent Body(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_new_data_type_and_document_type_are_written_to_uSync_carry_content_and_keep_private_fields_private()
    {
        // A data type for short summaries.
        var dataType = await host.Admin.PostAsync($"{Api}/data-type", Body(new JsonObject
        {
            ["name"] = "Short summary", ["editorAlias"] = "Umbraco.TextArea", ["editorUiAlias"] = "Umb.PropertyEditorUi.TextArea",
            ["values"] = new JsonArray { new JsonObject { ["alias"] = "maxChars", ["value"] = 400 }, new JsonObject { ["alias"] = "rows", ["value"] = 4 } },
        }));
        Assert.Equal(HttpStatusCode.Created, dataType.StatusCode);
        var dataTypeId = Guid.Parse(dataType.Headers.GetValues("Umb-Generated-Resource").Single());
        var readBack = await Json(await host.Curator.GetAsync($"{Api}/data-type/{dataTypeId}"));
        Assert.Equal(400, readBack["values"]!.AsArray().Single(v => v!["alias"]!.GetValue<string>() == "maxChars")!["value"]!.GetValue<int>());
        Assert.True(File.Exists(Path.Combine(host.Folder, "DataTypes", "Shortsummary.config")));

        // A document type using it, with a private field.
        var created = await host.Admin.PostAsync($"{Api}/document-type", Body(OralHistory(dataTypeId)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var typeId = created.Headers.GetValues("Umb-Generated-Resource").Single();
        var type = await Json(await host.Curator.GetAsync($"{Api}/document-type/{typeId}"));
        Assert.Equal("oralHistory", type["alias"]!.GetValue<string>());
        Assert.Equal("bbbbbbbb-0000-0000-0000-000000000001", type["properties"]![0]!["container"]!["id"]!.GetValue<string>());
        Assert.True(type["properties"]!.AsArray().Single(p => p!["alias"]!.GetValue<string>() == "informantPhone")!["isSensitive"]!.GetValue<bool>());
        var written = USyncFolderReader.Read(host.Folder).ContentTypes.Single(t => t.Item.Alias == "oralHistory").Item;
        Assert.True(written.Properties.Single(p => p.Alias == "informantPhone").IsSensitive);
        Assert.Equal(dataTypeId, written.Properties.Single(p => p.Alias == "summary").DataTypeKey);
        Assert.Contains(dataTypeId, (await Json(await host.Curator.GetAsync($"{Api}/data-type/{dataTypeId}/references"))).AsArray()
            .Select(r => r!["properties"]!.AsArray()).SelectMany(p => p).Select(_ => dataTypeId));

        // Content of the new type, published: the private field stays out of the Delivery API.
        var document = await host.Curator.PostAsJsonAsync($"{Api}/document", new
        {
            parent = (object?)null, documentType = new { id = typeId }, template = (object?)null,
            values = new object[]
            {
                new { alias = "narrator", culture = (string?)null, segment = (string?)null, value = "Roza Baglanova" },
                new { alias = "summary", culture = "en", segment = (string?)null, value = "Songs of the front" },
                new { alias = "informantPhone", culture = (string?)null, segment = (string?)null, value = "+7 701 555 0199" },
                new { alias = "notes", culture = (string?)null, segment = (string?)null, value = "Recorded in Almaty" },
            },
            variants = new object[] { new { culture = "en", segment = (string?)null, name = "Roza Baglanova remembers" } },
        });
        Assert.Equal(HttpStatusCode.Created, document.StatusCode);
        var documentId = document.Headers.GetValues("Umb-Generated-Resource").Single();
        Assert.Equal(HttpStatusCode.OK, (await host.Curator.PutAsJsonAsync($"{Api}/document/{documentId}/publish", new { publishSchedules = new[] { new { culture = "en" } } })).StatusCode);
        var delivered = await Published(documentId);
        Assert.Contains("Roza Baglanova", delivered);
        Assert.DoesNotContain("555 0199", delivered);

        // A client that does not know isSensitive (Umbraco's own) keeps the flag; removing a
        // property that holds values is refused, removing an empty one is not.
        var again = OralHistory(dataTypeId);
        foreach (var property in again["properties"]!.AsArray())
            property!.AsObject().Remove("isSensitive");
        again["name"] = "Oral history recording";
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PutAsync($"{Api}/document-type/{typeId}", Body(again))).StatusCode);
        type = await Json(await host.Curator.GetAsync($"{Api}/document-type/{typeId}"));
        Assert.True(type["properties"]!.AsArray().Single(p => p!["alias"]!.GetValue<string>() == "informantPhone")!["isSensitive"]!.GetValue<bool>());
        Assert.DoesNotContain("555 0199", await Published(documentId));

        var withoutNotes = await host.Admin.PutAsync($"{Api}/document-type/{typeId}", Body(OralHistory(dataTypeId, withNotes: false)));
        Assert.Equal(HttpStatusCode.Conflict, withoutNotes.StatusCode);
        Assert.Contains("notes", await withoutNotes.Content.ReadAsStringAsync());
        var renamed = OralHistory(dataTypeId);
        renamed["alias"] = "memory";
        Assert.Equal(HttpStatusCode.Conflict, (await host.Admin.PutAsync($"{Api}/document-type/{typeId}", Body(renamed))).StatusCode);
        var culture = OralHistory(dataTypeId);
        culture["properties"]![0]!["variesByCulture"] = true;
        Assert.Equal(HttpStatusCode.Conflict, (await host.Admin.PutAsync($"{Api}/document-type/{typeId}", Body(culture))).StatusCode);
        var emptyRemoved = OralHistory(dataTypeId);
        emptyRemoved["properties"]!.AsArray().Add(Property("aaaaaaaa-0000-0000-0000-000000000005", "transcript", "Transcript", Textstring, culture: false));
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PutAsync($"{Api}/document-type/{typeId}", Body(emptyRemoved))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PutAsync($"{Api}/document-type/{typeId}", Body(OralHistory(dataTypeId)))).StatusCode);

        // What is in use stays.
        Assert.Equal(HttpStatusCode.Conflict, (await host.Admin.DeleteAsync($"{Api}/document-type/{typeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Admin.DeleteAsync($"{Api}/data-type/{dataTypeId}")).StatusCode);
        var otherEditor = await host.Admin.PutAsync($"{Api}/data-type/{dataTypeId}", Body(new JsonObject { ["name"] = "Short summary", ["editorAlias"] = "Umbraco.TextBox", ["values"] = new JsonArray() }));
        Assert.Equal(HttpStatusCode.Conflict, otherEditor.StatusCode);
        Assert.False((await Json(await host.Curator.GetAsync($"{Api}/data-type/{dataTypeId}")))["isDeletable"]!.GetValue<bool>());
    }

    private async Task<string> Published(string id)
    {
        var anonymous = host.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{id}") { Headers = { { "Accept-Language", "en" } } });
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && text.Contains("Roza Baglanova") || DateTime.UtcNow > deadline)
                return text;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_unused_data_type_is_deleted_leaving_uSync_s_deletion_marker()
    {
        var created = await host.Admin.PostAsync($"{Api}/data-type", Body(new JsonObject { ["name"] = "Spare toggle", ["editorAlias"] = "Umbraco.TrueFalse", ["values"] = new JsonArray() }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Headers.GetValues("Umb-Generated-Resource").Single();
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.DeleteAsync($"{Api}/data-type/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/data-type/{id}")).StatusCode);
        Assert.Equal("Empty", XElement.Load(Path.Combine(host.Folder, "DataTypes", "Sparetoggle.config")).Name.LocalName);
    }

    public static TheoryData<string, Action<JsonObject>, string> BadTypes => new()
    {
        { "alias taken", t => t["alias"] = "artefact", "$.alias" },
        { "alias malformed", t => t["alias"] = "1 oral", "$.alias" },
        { "no name", t => t["name"] = "", "$.name" },
        { "property alias malformed", t => t["properties"]![0]!["alias"] = "has space", "$.properties[0].alias" },
        { "property alias twice", t => t["properties"]![1]!["alias"] = "narrator", "$.properties[1].alias" },
        { "unknown data type", t => t["properties"]![0]!["dataType"]!["id"] = Guid.NewGuid().ToString(), "$.properties[0].dataType.id" },
        { "unknown container", t => t["properties"]![0]!["container"]!["id"] = Guid.NewGuid().ToString(), "$.properties[0].container.id" },
        { "bad pattern", t => t["properties"]![0]!["validation"]!["regEx"] = "([a-z", "$.properties[0].validation.regEx" },
        { "varying property on an invariant type", t => t["variesByCulture"] = false, "$.properties[1].variesByCulture" },
        { "unknown composition", t => t["compositions"] = new JsonArray { new JsonObject { ["documentType"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() }, ["compositionType"] = "Composition" } }, "$.compositions[0]" },
        { "media type as child", t => t["allowedDocumentTypes"] = new JsonArray { new JsonObject { ["documentType"] = new JsonObject { ["id"] = ImageType }, ["sortOrder"] = 0 } }, "$.allowedDocumentTypes[0]" },
        { "segments", t => t["variesBySegment"] = true, "variesBySegment" },
        { "wrong type", t => t["allowedAsRoot"] = "yes", "$.allowedAsRoot" },
    };

    [Theory]
    [MemberData(nameof(BadTypes))]
    public async Task A_bad_document_type_is_refused_naming_the_field_and_nothing_is_saved_or_written(string why, Action<JsonObject> spoil, string field)
    {
        var body = OralHistory(Guid.Parse(Textstring));
        body["alias"] = "badType" + Math.Abs(why.GetHashCode());
        spoil(body);
        var files = Directory.GetFiles(Path.Combine(host.Folder, "ContentTypes")).Length;
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var stored = await db.SchemaItems.CountAsync();
        var response = await host.Admin.PostAsync($"{Api}/document-type", Body(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {text}");
        Assert.Contains(field, text);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(host.Folder, "ContentTypes")).Length);
        Assert.Equal(stored, await db.SchemaItems.CountAsync());
    }

    [Fact]
    public async Task A_composition_cycle_is_refused()
    {
        var person = "7f933538-68c7-631a-a6cc-19fba44f3c44";
        var first = OralHistory(Guid.Parse(Textstring));
        first["alias"] = "cycleStart";
        first["properties"] = new JsonArray();
        first["compositions"] = new JsonArray { new JsonObject { ["documentType"] = new JsonObject { ["id"] = person }, ["compositionType"] = "Composition" } };
        var created = await host.Admin.PostAsync($"{Api}/document-type", Body(first));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Headers.GetValues("Umb-Generated-Resource").Single();

        // person composing cycleStart would make person part of itself.
        var personType = (await Json(await host.Curator.GetAsync($"{Api}/document-type/{person}"))).AsObject();
        personType.Remove("id");
        personType["compositions"]!.AsArray().Add(new JsonObject { ["documentType"] = new JsonObject { ["id"] = id }, ["compositionType"] = "Composition" });
        var cycle = await host.Admin.PutAsync($"{Api}/document-type/{person}", Body(personType));
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("compositions", await cycle.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.DeleteAsync($"{Api}/document-type/{id}")).StatusCode);
    }

    [Fact]
    public async Task Every_demo_document_and_media_type_reads_and_saves_back_unchanged()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var items = await db.SchemaItems.AsNoTracking().Where(s => s.Kind == "ContentType" || s.Kind == "MediaType").ToListAsync();
        Assert.True(items.Count >= 20);
        foreach (var item in items.Where(i => i.Alias is not ("oralHistory" or "cycleStart")))
        {
            var route = item.Kind == "MediaType" ? "media-type" : "document-type";
            var read = (await Json(await host.Curator.GetAsync($"{Api}/{route}/{item.Key}"))).AsObject();
            read.Remove("id"); // Umbraco's update models carry no id
            var saved = await host.Admin.PutAsync($"{Api}/{route}/{item.Key}", Body(read));
            Assert.True(saved.StatusCode == HttpStatusCode.OK, $"{item.Alias}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
            var after = await db.SchemaItems.AsNoTracking().SingleAsync(s => s.Key == item.Key);
            Assert.True(item.Definition == after.Definition, $"{item.Alias} changed:\n{item.Definition}\n{after.Definition}");
        }
    }

    [Fact]
    public async Task Only_administrators_change_types()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Curator.PostAsync($"{Api}/document-type", Body(OralHistory(Guid.Parse(Textstring))))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Curator.DeleteAsync($"{Api}/media-type/{ImageType}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Curator.PostAsync($"{Api}/data-type", Body(new JsonObject { ["name"] = "x", ["editorAlias"] = "Umbraco.TextBox" }))).StatusCode);
        var image = await Json(await host.Curator.GetAsync($"{Api}/media-type/{ImageType}"));
        Assert.Equal("Image", image["alias"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/document-type/{ImageType}")).StatusCode);
    }
}
