using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Archive.Data;
using Archive.Identity;
using Archive.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Management;

/// Documents through the Management API over the demo catalogue, as each role: Umbraco's shapes,
/// private fields by role and grant, ETags and If-Match, Idempotency-Key, and bad input refused with
/// nothing changed.
public sealed class DocumentApiTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    public const string Korean = "d721f340-ca32-84a9-45d3-f93e4425821e";
    public const string KoreanCollection = "bbfcca41-6c95-992a-759f-d246868f2315";
    public const string Pushkin = "dc6ccb45-dc15-1700-8ca4-b8e616264b24";
    public const string Chest = "ee109d7d-f924-0815-7492-041e2894165b";
    public const string ArtefactType = "509a85f3-886f-8083-bb6b-4854a0715da0";
    private const string Secret = "document-tests-secret-0123456789";
    private const string Api = "/umbraco/management/api/v1";

    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public Host() => Settings["Archive:Management:SignInPermitsPerMinute"] = "1000";

        public async Task InitializeAsync()
        {
            await ReadyClientAsync();
            using var scope = Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            foreach (var (name, role, grants) in new (string, string, Guid[])[]
            {
                ("administrator", Roles.Administrator, []), ("curator", Roles.Curator, []), ("viewer", Roles.Viewer, []),
                ("korean-editor", Roles.Editor, [Guid.Parse(Korean)]), ("korean-contributor", Roles.Contributor, [Guid.Parse(KoreanCollection)]),
                ("pushkin-editor", Roles.Editor, [Guid.Parse(Pushkin)]),
            })
                Assert.True((await accounts.CreateApiClientAsync("umbraco-back-office-" + name, name, role, Secret, grants)).Succeeded);
        }

        public async Task<HttpClient> As(string name)
        {
            if (_clients.TryGetValue(name, out var known))
                return known;
            var client = CreateClient();
            var response = await ManagementSecurityTests.RequestToken(client, "umbraco-back-office-" + name, Secret);
            var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return _clients[name] = client;
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<string> Aliases(JsonElement document) => document.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("alias").GetString()!);

    private static readonly string[] PrivateAliases = ["ownerContact", "valuation", "insuranceValue"];

    private int Revision(Guid key)
    {
        using var scope = host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Nodes.Single(n => n.Key == key).Revision;
    }

    [Fact]
    public async Task A_document_reads_in_Umbraco_shape_with_an_ETag_and_private_fields_by_role()
    {
        var response = await (await host.As("curator")).GetAsync($"{Api}/document/{Chest}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^\"\\d+\"$", response.Headers.ETag!.Tag);
        var document = await Json(response);
        Assert.Equal(Chest, document.GetProperty("id").GetString());
        Assert.Equal(ArtefactType, document.GetProperty("documentType").GetProperty("id").GetString());
        Assert.False(document.GetProperty("isTrashed").GetBoolean());
        var english = document.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("culture").GetString() == "en");
        Assert.Equal("Wooden chest", english.GetProperty("name").GetString());
        Assert.Equal("Published", english.GetProperty("state").GetString());
        var title = document.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("alias").GetString() == "title" && v.GetProperty("culture").GetString() == "ru");
        Assert.Equal("Деревянный сундук", title.GetProperty("value").GetString());
        Assert.Equal("Umbraco.TextBox", title.GetProperty("editorAlias").GetString());
        Assert.Contains("ownerContact", Aliases(document));

        // The association's own editor sees its private fields; a viewer reads the record without them.
        Assert.Contains("ownerContact", Aliases(await Json(await (await host.As("korean-editor")).GetAsync($"{Api}/document/{Chest}"))));
        var viewed = await (await host.As("viewer")).GetAsync($"{Api}/document/{Chest}");
        Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);
        var text = await viewed.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Aliases(await Json(viewed)), PrivateAliases.Contains);
        Assert.DoesNotContain("+7 700", text);
        // Another association's people do not see the record at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("pushkin-editor")).GetAsync($"{Api}/document/{Chest}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As("curator")).GetAsync($"{Api}/document/{Guid.NewGuid()}")).StatusCode);
    }

    private static object NewArtefact(string accession, string title) => new
    {
        parent = new { id = KoreanCollection },
        documentType = new { id = ArtefactType },
        template = (object?)null,
        values = new object[]
        {
            new { alias = "accessionNumber", culture = (string?)null, segment = (string?)null, value = accession },
            new { alias = "title", culture = "en", segment = (string?)null, value = title },
        },
        variants = new object[] { new { culture = "en", segment = (string?)null, name = title } },
    };

    [Fact]
    public async Task A_contributor_creates_a_draft_in_their_collection_once_per_Idempotency_Key_and_cannot_publish()
    {
        var contributor = await host.As("korean-contributor");
        var request = () => new HttpRequestMessage(HttpMethod.Post, $"{Api}/document")
        {
            Content = JsonContent.Create(NewArtefact("KOR-API-001", "Brass spoon")),
            Headers = { { "Idempotency-Key", "7f1c2e9a-create-spoon" } },
        };
        var first = await contributor.SendAsync(request());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = first.Headers.GetValues("Umb-Generated-Resource").Single();
        Assert.Equal($"{Api}/document/{id}", first.Headers.Location!.OriginalString);
        var retry = await contributor.SendAsync(request());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(id, retry.Headers.GetValues("Umb-Generated-Resource").Single());
        using (var scope = host.Services.CreateScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().NodeVersions
                .CountAsync(v => v.IsDraft && v.Data.Contains("KOR-API-001")));

        var created = await Json(await contributor.GetAsync($"{Api}/document/{id}"));
        Assert.Equal("Draft", created.GetProperty("variants")[0].GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PutAsJsonAsync($"{Api}/document/{id}/publish", new { publishSchedules = new[] { new { culture = "en" } } })).StatusCode);

        var published = await (await host.As("curator")).PutAsJsonAsync($"{Api}/document/{id}/publish", new { publishSchedules = new[] { new { culture = "en" } } });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("Published", (await Json(await contributor.GetAsync($"{Api}/document/{id}"))).GetProperty("variants")[0].GetProperty("state").GetString());

        // Outside the contributor's collection nothing can be made.
        var elsewhere = await contributor.PostAsJsonAsync($"{Api}/document", new
        {
            parent = new { id = Pushkin }, documentType = new { id = ArtefactType },
            values = new object[] { new { alias = "accessionNumber", value = "PUSH-X" } }, variants = new object[] { new { culture = "en", name = "X" } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_with_the_current_item_and_no_If_Match_still_saves()
    {
        var curator = await host.As("curator");
        var created = await curator.PostAsJsonAsync($"{Api}/document", NewArtefact("KOR-API-002", "Lacquer box"));
        var id = Guid.Parse(created.Headers.GetValues("Umb-Generated-Resource").Single());
        var read = await curator.GetAsync($"{Api}/document/{id}");
        var etag = read.Headers.ETag!.Tag;

        HttpRequestMessage Put(string title, string? ifMatch)
        {
            var message = new HttpRequestMessage(HttpMethod.Put, $"{Api}/document/{id}")
            {
                Content = JsonContent.Create(new { values = new object[] { new { alias = "title", culture = "en", value = title } }, variants = new object[] { new { culture = "en", name = title } } }),
            };
            if (ifMatch is not null)
                message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return message;
        }

        var first = await curator.SendAsync(Put("Lacquer box, black", etag));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        var stale = await curator.SendAsync(Put("Lacquer box, red", etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await Json(stale);
        Assert.Equal(id.ToString(), problem.GetProperty("current").GetProperty("id").GetString());
        Assert.Equal(first.Headers.ETag!.Tag, stale.Headers.ETag!.Tag);
        Assert.Contains("black", problem.GetProperty("current").ToString());

        // Umbraco's own clients send no If-Match: the last writer wins and is in the audit trail.
        Assert.Equal(HttpStatusCode.OK, (await (await host.As("korean-editor")).SendAsync(Put("Lacquer box, gold", null))).StatusCode);
        using var scope = host.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Audit.Where(a => a.EntityKey == id && a.Action == "Save").Select(a => a.Actor).ToListAsync();
        Assert.Contains(audit, a => a.StartsWith("korean-editor"));
    }

    [Theory]
    [InlineData("{\"documentType\": {\"id\": \"" + ArtefactType + "\"}, ", "$")] // malformed JSON
    [InlineData("{\"documentType\": {\"id\": 42}}", "$.documentType.id")] // wrong type
    public async Task Malformed_bodies_are_refused_naming_the_field(string body, string field)
    {
        var response = await (await host.As("curator")).PostAsync($"{Api}/document", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Contains(field) || e.Value.ToString().Contains(field));
    }

    [Fact]
    public async Task The_back_office_s_view_models_are_accepted_members_the_contract_does_not_define_are_ignored()
    {
        var curator = await host.As("curator");
        // An artefact of its own: the demo's stay as the other tests read them.
        var id = await CreateAsync("curator", "VM-" + Guid.NewGuid().ToString("N")[..8], "View models");
        var before = Revision(id);
        // What Umbraco's back office sends on Save: its values and variants as it read them, with its own members.
        var response = await curator.PutAsJsonAsync($"{Api}/document/{id}", new
        {
            values = new object[] { new { alias = "note", culture = "en", segment = (string?)null, value = "Seen in the back office", editorAlias = "Umbraco.TextArea", entityType = "document-property-value" } },
            variants = new object[]
            {
                new { culture = "en", segment = (string?)null, name = "View models", state = "Published", createDate = "2024-01-01T00:00:00Z", updateDate = "2024-01-01T00:00:00Z",
                    publishDate = (string?)null, scheduledPublishDate = (string?)null, scheduledUnpublishDate = (string?)null, flags = Array.Empty<object>() },
            },
            template = (object?)null,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.True(Revision(id) > before);
        var saved = await Json(await curator.GetAsync($"{Api}/document/{id}"));
        Assert.Contains(saved.GetProperty("values").EnumerateArray(), v => v.GetProperty("alias").GetString() == "note" && v.GetProperty("value").ToString() == "Seen in the back office");
    }

    [Fact]
    public async Task Invalid_content_is_refused_by_property_and_culture_and_nothing_changes()
    {
        var curator = await host.As("curator");
        var before = Revision(Guid.Parse(Chest));
        var response = await curator.PutAsJsonAsync($"{Api}/document/{Chest}", new
        {
            values = new object[] { new { alias = "title", culture = "xx-YY", value = "?" }, new { alias = "noSuchProperty", culture = (string?)null, value = "?" } },
            variants = new object[] { new { culture = "en", name = "Wooden chest" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await Json(response)).GetProperty("errors").ToString();
        Assert.Contains("xx-YY", errors + (await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, Revision(Guid.Parse(Chest)));

        var big = new string('a', 1_100_000);
        var oversized = await curator.PutAsync($"{Api}/document/{Chest}", new StringContent($"{{\"values\": [{{\"alias\": \"note\", \"value\": \"{big}\"}}]}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(before, Revision(Guid.Parse(Chest)));
    }

    [Fact]
    public async Task Roles_outside_their_rights_get_403_and_change_nothing()
    {
        var before = Revision(Guid.Parse(Chest));
        var body = new { values = new object[] { new { alias = "note", culture = "en", value = "changed" } }, variants = Array.Empty<object>() };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("viewer")).PutAsJsonAsync($"{Api}/document/{Chest}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("pushkin-editor")).PutAsJsonAsync($"{Api}/document/{Chest}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("viewer")).PutAsJsonAsync($"{Api}/document/{Chest}/unpublish", new { cultures = new[] { "en" } })).StatusCode);
        Assert.Equal(before, Revision(Guid.Parse(Chest)));
    }
    private async Task<Guid> CreateAsync(string who, string accession, string title)
    {
        var created = await (await host.As(who)).PostAsJsonAsync($"{Api}/document", NewArtefact(accession, title));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return Guid.Parse(created.Headers.GetValues("Umb-Generated-Resource").Single());
    }

    [Fact]
    public async Task A_contributors_draft_is_submitted_returned_with_a_comment_resubmitted_and_approved()
    {
        var contributor = await host.As("korean-contributor");
        var curator = await host.As("curator");
        var id = await CreateAsync("korean-contributor", "KOR-API-003", "Embroidered pouch");
        async Task<string> State() => (await Json(await contributor.GetAsync($"{Api}/document/{id}/review"))).GetProperty("state").GetString()!;

        Assert.Equal("None", await State());
        Assert.Equal(HttpStatusCode.OK, (await contributor.PostAsJsonAsync($"{Api}/document/{id}/review/submit", new { cultures = new[] { "en" }, comment = "Ready" })).StatusCode);
        Assert.Equal("Submitted", await State());
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync($"{Api}/document/{id}/review/approve", new { })).StatusCode);
        // What each may do next, as the back office offers it.
        var seen = await Json(await contributor.GetAsync($"{Api}/document/{id}/review"));
        Assert.False(seen.GetProperty("canSubmit").GetBoolean());
        Assert.False(seen.GetProperty("canReview").GetBoolean());
        Assert.True((await Json(await curator.GetAsync($"{Api}/document/{id}/review"))).GetProperty("canReview").GetBoolean());
        // The curators' queue lists it with the submitter's comment; another association's editor does not see it.
        async Task<List<JsonElement>> Queue(HttpClient who, string state = "Submitted") =>
            (await Json(await who.GetAsync($"{Api}/document/review?state={state}&take=1000"))).GetProperty("items").EnumerateArray().ToList();
        var waiting = Assert.Single(await Queue(curator), i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal("Ready", waiting.GetProperty("step").GetProperty("comment").GetString());
        Assert.Equal("Embroidered pouch", waiting.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("culture").GetString() == "en").GetProperty("name").GetString());
        Assert.Contains(await Queue(contributor), i => i.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(await Queue(await host.As("pushkin-editor")), i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.GetAsync($"{Api}/document/review?state=None")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.GetAsync($"{Api}/document/review?state=Lost")).StatusCode);

        var bare = await curator.PostAsJsonAsync($"{Api}/document/{id}/review/return", new { });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("$.comment", await bare.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await curator.PostAsJsonAsync($"{Api}/document/{id}/review/return", new { comment = "Add the dimensions, please." })).StatusCode);
        Assert.Equal("Returned", await State());
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.PostAsJsonAsync($"{Api}/document/{id}/review/approve", new { })).StatusCode);
        Assert.DoesNotContain(await Queue(curator), i => i.GetProperty("id").GetGuid() == id);
        Assert.Contains(await Queue(contributor, "Returned"), i => i.GetProperty("id").GetGuid() == id);
        Assert.True((await Json(await contributor.GetAsync($"{Api}/document/{id}/review"))).GetProperty("canSubmit").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await contributor.PostAsJsonAsync($"{Api}/document/{id}/review/submit", new { cultures = new[] { "en" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await curator.PostAsJsonAsync($"{Api}/document/{id}/review/approve", new { comment = "Thank you" })).StatusCode);
        Assert.Equal("Approved", await State());
        Assert.Equal("Published", (await Json(await contributor.GetAsync($"{Api}/document/{id}"))).GetProperty("variants")[0].GetProperty("state").GetString());

        var review = await Json(await contributor.GetAsync($"{Api}/document/{id}/review"));
        Assert.Equal(["Submitted", "Returned", "Submitted", "Approved"], review.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("Add the dimensions, please.", review.GetProperty("history")[1].GetProperty("comment").GetString());
        var log = await Json(await curator.GetAsync($"{Api}/document/{id}/audit-log?orderDirection=Ascending"));
        Assert.Equal(["New", "SendToPublish", "Custom", "SendToPublish", "Publish", "Custom"], log.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("logType").GetString()));
        // Umbraco's history shows a custom entry as its parameters: what happened and why.
        Assert.Equal(["Returned for changes: Add the dimensions, please.", "Approved after review: Thank you"], log.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("logType").GetString() == "Custom").Select(i => i.GetProperty("parameters").GetString()));
        // A record of the demo catalogue begins with its import, named with the file it came from.
        var imported = (await Json(await curator.GetAsync($"{Api}/document/{Chest}/audit-log?orderDirection=Ascending"))).GetProperty("items")[0];
        Assert.Equal("Custom", imported.GetProperty("logType").GetString());
        Assert.StartsWith("Imported from Content/", imported.GetProperty("parameters").GetString());
    }

    [Fact]
    public async Task Versions_list_and_roll_back_and_bad_tree_moves_are_refused()
    {
        var curator = await host.As("curator");
        var id = await CreateAsync("curator", "KOR-API-004", "Fan, first title");
        var update = await curator.PutAsJsonAsync($"{Api}/document/{id}", new { values = new object[] { new { alias = "title", culture = "en", value = "Fan, second title" } }, variants = new object[] { new { culture = "en", name = "Fan" } } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var versions = await Json(await curator.GetAsync($"{Api}/document-version?documentId={id}"));
        Assert.True(versions.GetProperty("total").GetInt32() >= 2);
        var oldest = versions.GetProperty("items").EnumerateArray().Last().GetProperty("id").GetString();
        Assert.Equal(versions.GetProperty("total").GetInt32(), (await Json(await curator.GetAsync($"{Api}/document-version?documentId={id}&culture=en"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json(await curator.GetAsync($"{Api}/document-version?documentId={id}&culture=ko"))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.GetAsync($"{Api}/document-version?documentId={id}&culture=xx-Nowhere")).StatusCode);
        // A version reads as the back office compares it with the draft; private fields by role, out of reach 403.
        var version = await Json(await curator.GetAsync($"{Api}/document-version/{oldest}"));
        Assert.Equal(id.ToString(), version.GetProperty("document").GetProperty("id").GetString());
        Assert.Contains(version.GetProperty("values").EnumerateArray(), v => v.GetProperty("alias").GetString() == "title" && v.GetProperty("value").GetString() == "Fan, first title");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("pushkin-editor")).GetAsync($"{Api}/document-version/{oldest}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"{Api}/document-version/{Guid.NewGuid()}")).StatusCode);
        var chestVersion = (await Json(await curator.GetAsync($"{Api}/document-version?documentId={Chest}"))).GetProperty("items")[0].GetProperty("id").GetString();
        Assert.DoesNotContain(Aliases(await Json(await (await host.As("viewer")).GetAsync($"{Api}/document-version/{chestVersion}"))), PrivateAliases.Contains);
        Assert.Contains("ownerContact", Aliases(await Json(await curator.GetAsync($"{Api}/document-version/{chestVersion}"))));
        Assert.Equal(HttpStatusCode.OK, (await curator.PostAsync($"{Api}/document-version/{oldest}/rollback", null)).StatusCode);
        var title = (await Json(await curator.GetAsync($"{Api}/document/{id}"))).GetProperty("values").EnumerateArray().Single(v => v.GetProperty("alias").GetString() == "title");
        Assert.Equal("Fan, first title", title.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await curator.PostAsync($"{Api}/document-version/{Guid.NewGuid()}/rollback", null)).StatusCode);

        // A collection cannot go under one of its own artefacts; nothing moves.
        var before = Revision(Guid.Parse(KoreanCollection));
        var loop = await curator.PutAsJsonAsync($"{Api}/document/{KoreanCollection}/move", new { target = new { id = Chest } });
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Equal(before, Revision(Guid.Parse(KoreanCollection)));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("korean-contributor")).PutAsync($"{Api}/document/{id}/move-to-recycle-bin", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await curator.PutAsync($"{Api}/document/{id}/move-to-recycle-bin", null)).StatusCode);
        Assert.True((await Json(await curator.GetAsync($"{Api}/document/{id}"))).GetProperty("isTrashed").GetBoolean());
        // The bin shows it to those whose grants it was within, not to another association's editor.
        async Task<bool> BinShows(string who) => (await Json(await (await host.As(who)).GetAsync($"{Api}/recycle-bin/document/root?take=1000")))
            .GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id);
        Assert.True(await BinShows("korean-contributor"));
        Assert.False(await BinShows("pushkin-editor"));
        Assert.Equal(HttpStatusCode.OK, (await curator.PutAsJsonAsync($"{Api}/recycle-bin/document/{id}/restore", new { target = (object?)null })).StatusCode);
        Assert.False((await Json(await curator.GetAsync($"{Api}/document/{id}"))).GetProperty("isTrashed").GetBoolean());
    }
    [Fact]
    public async Task Every_write_endpoint_refuses_a_viewer_with_403()
    {
        var viewer = await host.As("viewer");
        var endpoints = host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(Api, StringComparison.OrdinalIgnoreCase) && !e.RoutePattern.RawText!.Contains("security/back-office"))
            .ToList();
        var writes = 0;
        foreach (var endpoint in endpoints)
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method == "GET")
                    continue;
                writes++;
                var url = System.Text.RegularExpressions.Regex.Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]+\}", Chest);
                var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
            }
        Assert.True(writes >= 10, $"only {writes} write endpoints found");
    }
    [Fact]
    public async Task Schema_users_and_the_tree_read_as_Umbraco_serves_them_within_each_caller_s_reach()
    {
        var viewer = await host.As("viewer");
        var languages = await Json(await viewer.GetAsync($"{Api}/language"));
        Assert.Contains(languages.GetProperty("items").EnumerateArray(), l => l.GetProperty("isoCode").GetString() == "kk");
        var type = await Json(await viewer.GetAsync($"{Api}/document-type/{ArtefactType}"));
        Assert.Equal("artefact", type.GetProperty("alias").GetString());
        // Private properties are shown to those who may see private fields, marked sensitive; a viewer is shown the type without them.
        Assert.DoesNotContain(type.GetProperty("properties").EnumerateArray(), p => p.GetProperty("isSensitive").GetBoolean());
        var curated = await Json(await (await host.As("curator")).GetAsync($"{Api}/document-type/{ArtefactType}"));
        Assert.Contains(curated.GetProperty("properties").EnumerateArray(), p => p.GetProperty("alias").GetString() == "privateRecord" && p.GetProperty("isSensitive").GetBoolean());
        var dataTypeId = type.GetProperty("properties").EnumerateArray().First().GetProperty("dataType").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Api}/data-type/{dataTypeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"{Api}/user")).StatusCode);
        var users = await Json(await (await host.As("administrator")).GetAsync($"{Api}/user?take=100"));
        Assert.Contains(users.GetProperty("items").EnumerateArray(), u => u.GetProperty("userName").GetString() == "umbraco-back-office-korean-editor"
            && u.GetProperty("userGroupIds")[0].GetProperty("id").GetGuid() == Roles.GroupKeys[Roles.Editor] && u.GetProperty("documentStartNodeIds")[0].GetProperty("id").GetString() == Korean);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync($"{Api}/language?take=5000")).StatusCode);

        // The whole tree for a viewer; for the Korean association's editor only the way to its branch.
        var roots = await Json(await viewer.GetAsync($"{Api}/tree/document/root"));
        Assert.True(roots.GetProperty("total").GetInt32() >= 3);
        var scoped = await Json(await (await host.As("korean-editor")).GetAsync($"{Api}/tree/document/root"));
        var korean = Assert.Single(scoped.GetProperty("items").EnumerateArray());
        Assert.Equal(Korean, korean.GetProperty("id").GetString());
        Assert.False(korean.GetProperty("noAccess").GetBoolean());
        var children = await Json(await (await host.As("korean-contributor")).GetAsync($"{Api}/tree/document/children?parentId={Korean}"));
        Assert.Contains(children.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == KoreanCollection);
        // The contributor's grant is the collection: the institution above it is only the way there.
        var way = Assert.Single((await Json(await (await host.As("korean-contributor")).GetAsync($"{Api}/tree/document/root"))).GetProperty("items").EnumerateArray());
        Assert.True(way.GetProperty("noAccess").GetBoolean());
    }
    [Fact]
    public async Task Ancestors_follow_the_path_and_the_audit_log_shows_each_caller_their_own_entries()
    {
        var ancestors = (await Json(await (await host.As("viewer")).GetAsync($"{Api}/tree/document/ancestors?descendantId={Chest}"))).EnumerateArray().ToList();
        Assert.Equal(Chest, ancestors[^1].GetProperty("id").GetString());
        Assert.Equal(Korean, ancestors[0].GetProperty("id").GetString());
        Assert.Equal(ArtefactType, ancestors[^1].GetProperty("documentType").GetProperty("id").GetString());
        Assert.Equal(ancestors[^2].GetProperty("id").GetString(), ancestors[^1].GetProperty("parent").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("pushkin-editor")).GetAsync($"{Api}/tree/document/ancestors?descendantId={Chest}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await host.As("viewer")).GetAsync($"{Api}/tree/document/ancestors")).StatusCode);

        var editor = await host.As("korean-editor");
        var created = await editor.PostAsJsonAsync($"{Api}/document", NewArtefact("KOR-AUDIT-1", "Audited brush"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var me = (await Json(await editor.GetAsync($"{Api}/user/current"))).GetProperty("id").GetString();
        var own = await Json(await editor.GetAsync($"{Api}/audit-log"));
        Assert.True(own.GetProperty("total").GetInt32() >= 1);
        Assert.All(own.GetProperty("items").EnumerateArray(), e => Assert.Equal(me, e.GetProperty("user").GetProperty("id").GetString()));
        Assert.Equal("New", own.GetProperty("items")[0].GetProperty("logType").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"{Api}/audit-log?allUsers=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"{Api}/audit-log?userId={Guid.NewGuid()}")).StatusCode);

        var curator = await host.As("curator");
        var everyone = await Json(await curator.GetAsync($"{Api}/audit-log?allUsers=true&entityType=Document&logType=New&take=1000"));
        Assert.Contains(everyone.GetProperty("items").EnumerateArray(), e => e.GetProperty("user").GetProperty("id").GetString() == me);
        Assert.All(everyone.GetProperty("items").EnumerateArray(), e => Assert.Equal("New", e.GetProperty("logType").GetString()));
        var theirs = await Json(await curator.GetAsync($"{Api}/audit-log?userId={me}"));
        Assert.Equal(own.GetProperty("total").GetInt32(), theirs.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.GetAsync($"{Api}/audit-log?logType=Bogus")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.GetAsync($"{Api}/audit-log?orderDirection=Sideways")).StatusCode);
    }

    [Fact]
    public async Task A_copy_keeps_names_and_values_and_unique_accession_numbers_stay_unique()
    {
        var curator = await host.As("curator");
        var same = await curator.PostAsJsonAsync($"{Api}/document/{Chest}/copy", new { target = new { id = KoreanCollection }, relateToOriginal = false, includeDescendants = false });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("accessionNumber", await same.Content.ReadAsStringAsync());

        const string pushkinCollection = "0d93e3b2-29af-21b7-8992-bcf6687c9837";
        var elsewhere = await curator.PostAsJsonAsync($"{Api}/document/{Chest}/copy", new { target = new { id = pushkinCollection }, relateToOriginal = false, includeDescendants = false });
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        var copy = await Json(await curator.GetAsync(elsewhere.Headers.Location!.OriginalString));
        Assert.Contains(copy.GetProperty("variants").EnumerateArray(), v => v.GetProperty("name").GetString() == "Wooden chest" && v.GetProperty("state").GetString() == "Draft");
        Assert.Contains(copy.GetProperty("values").EnumerateArray(), v => v.GetProperty("alias").GetString() == "images" && v.GetProperty("value").ValueKind == JsonValueKind.Array);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("korean-editor")).PostAsJsonAsync($"{Api}/document/{Chest}/copy",
            new { target = new { id = pushkinCollection }, relateToOriginal = false, includeDescendants = false })).StatusCode);
    }
}
