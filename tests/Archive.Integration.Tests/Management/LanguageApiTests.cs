using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Archive.Engine.USync;
using Archive.Identity;
using Archive.Integration.Tests.Infrastructure;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Management;

/// Languages changed through the Management API by administrators: the engine's rules hold (one
/// default, fallbacks without cycles, no language deleted while content is written in it) and each
/// change is written back to (a copy of) the uSync folder.
public sealed class LanguageApiTests(LanguageApiTests.Host host) : IClassFixture<LanguageApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Secret = "language-tests-secret-0123456789";

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
                await accounts.CreateApiClientAsync("umbraco-back-office-language-admin", null, Roles.Administrator, Secret, []);
                await accounts.CreateApiClientAsync("umbraco-back-office-language-curator", null, Roles.Curator, Secret, []);
            }
            Admin = await Signed("umbraco-back-office-language-admin");
            Curator = await Signed("umbraco-back-office-language-curator");
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

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private XElement File(string iso) => XElement.Load(Path.Combine(host.Folder, "Languages", iso + ".config"));

    [Fact]
    public async Task A_new_language_is_created_written_to_uSync_and_accepted_for_content()
    {
        var created = await host.Admin.PostAsJsonAsync($"{Api}/language", new { name = "Oʻzbek tili (Uzbek)", isDefault = false, isMandatory = false, fallbackIsoCode = "ru", isoCode = "uz" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("uz", created.Headers.GetValues("Umb-Generated-Resource").Single());
        var read = await Json(await host.Curator.GetAsync($"{Api}/language/uz"));
        Assert.Equal("ru", read.GetProperty("fallbackIsoCode").GetString());
        Assert.Equal("Oʻzbek tili (Uzbek)", read.GetProperty("name").GetString());

        var file = File("uz");
        Assert.Equal("uz", file.Element("IsoCode")!.Value);
        Assert.Equal("ru", file.Element("Fallback")!.Value);
        // The folder reads back as uSync: the next start-up import agrees with the database.
        var language = Assert.Single(USyncFolderReader.Read(host.Folder).Languages, l => l.Item.IsoCode == "uz").Item;
        Assert.Equal("Oʻzbek tili (Uzbek)", language.Name);

        var items = await Json(await host.Curator.GetAsync($"{Api}/item/language?isoCode=uz&isoCode=kk&isoCode=xx"));
        Assert.Equal(["uz", "kk"], items.EnumerateArray().Select(i => i.GetProperty("isoCode").GetString()));
        Assert.Equal("kk", (await Json(await host.Curator.GetAsync($"{Api}/item/language/default"))).GetProperty("isoCode").GetString());

        // Content can now be written in it.
        var artefact = new
        {
            parent = new { id = DocumentApiTests.KoreanCollection }, documentType = new { id = DocumentApiTests.ArtefactType }, template = (object?)null,
            values = new object[] { new { alias = "accessionNumber", culture = (string?)null, segment = (string?)null, value = "KOR-UZ-1" } },
            variants = new object[] { new { culture = "uz", segment = (string?)null, name = "Sandiq" } },
        };
        var document = await host.Curator.PostAsJsonAsync($"{Api}/document", artefact);
        Assert.Equal(HttpStatusCode.Created, document.StatusCode);

        // And while it is, the language stays.
        var refused = await host.Admin.DeleteAsync($"{Api}/language/uz");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Curator.GetAsync($"{Api}/language/uz")).StatusCode);
    }

    [Fact]
    public async Task Making_a_language_the_default_moves_the_default_and_rewrites_both_files()
    {
        Assert.Equal(HttpStatusCode.Created, (await host.Admin.PostAsJsonAsync($"{Api}/language", new { name = "Türkmen", isDefault = false, isMandatory = false, fallbackIsoCode = (string?)null, isoCode = "tk" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PutAsJsonAsync($"{Api}/language/tk", new { name = "Türkmen dili", isDefault = true, isMandatory = true, fallbackIsoCode = (string?)null })).StatusCode);
        Assert.Equal("tk", (await Json(await host.Curator.GetAsync($"{Api}/item/language/default"))).GetProperty("isoCode").GetString());
        Assert.Equal("false", File("kk").Element("IsDefault")!.Value);
        Assert.Equal("true", File("tk").Element("IsDefault")!.Value);

        // Back as it was; then tk can go, leaving uSync's deletion marker in its file.
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PutAsJsonAsync($"{Api}/language/kk", new { name = "Қазақ тілі (Kazakh)", isDefault = true, isMandatory = false, fallbackIsoCode = "ru" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.DeleteAsync($"{Api}/language/tk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/language/tk")).StatusCode);
        var marker = File("tk");
        Assert.Equal("Empty", marker.Name.LocalName);
        Assert.Equal("Delete", marker.Attribute("Change")!.Value);
        Assert.Contains(USyncFolderReader.Read(host.Folder).Removals, r => r.Alias == "tk");
    }

    public static TheoryData<string, string, object, string, HttpStatusCode> BadChanges => new()
    {
        { "duplicate", "POST", new { name = "Kazakh", isDefault = false, isMandatory = false, fallbackIsoCode = (string?)null, isoCode = "KK" }, "$.isoCode", HttpStatusCode.BadRequest },
        { "not a culture", "POST", new { name = "Nonsense", isDefault = false, isMandatory = false, fallbackIsoCode = (string?)null, isoCode = "not a culture!" }, "$.isoCode", HttpStatusCode.BadRequest },
        { "no name", "POST", new { name = "", isDefault = false, isMandatory = false, fallbackIsoCode = (string?)null, isoCode = "ky" }, "$.name", HttpStatusCode.BadRequest },
        { "unknown fallback", "POST", new { name = "Kyrgyz", isDefault = false, isMandatory = false, fallbackIsoCode = "xx", isoCode = "ky" }, "$.fallbackIsoCode", HttpStatusCode.BadRequest },
        { "fallback cycle", "PUT ru", new { name = "Русский", isDefault = false, isMandatory = false, fallbackIsoCode = "kk" }, "$.fallbackIsoCode", HttpStatusCode.BadRequest },
        { "no default left", "PUT kk", new { name = "Kazakh", isDefault = false, isMandatory = false, fallbackIsoCode = "ru" }, "$.isDefault", HttpStatusCode.BadRequest },
        { "unknown language", "PUT zz", new { name = "Zz", isDefault = false, isMandatory = false, fallbackIsoCode = (string?)null }, "$.isoCode", HttpStatusCode.NotFound },
        { "delete the default", "DELETE kk", new { }, "$.isoCode", HttpStatusCode.BadRequest },
        { "delete a fallback", "DELETE ru", new { }, "$.isoCode", HttpStatusCode.BadRequest },
        { "delete one in use", "DELETE en", new { }, "$.isoCode", HttpStatusCode.Conflict },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task A_bad_language_change_is_refused_naming_the_field_and_changes_nothing(string why, string method, object body, string field, HttpStatusCode status)
    {
        var before = (await host.Curator.GetStringAsync($"{Api}/language?take=1000"));
        var files = Directory.GetFiles(Path.Combine(host.Folder, "Languages")).ToDictionary(f => f, System.IO.File.ReadAllText);
        var iso = method.Split(' ').ElementAtOrDefault(1);
        var response = method.Split(' ')[0] switch
        {
            "POST" => await host.Admin.PostAsJsonAsync($"{Api}/language", body),
            "PUT" => await host.Admin.PutAsJsonAsync($"{Api}/language/{iso}", body),
            _ => await host.Admin.DeleteAsync($"{Api}/language/{iso}"),
        };
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{why}: {(int)response.StatusCode} {text}");
        Assert.Contains(field, text);
        if (why is not ("duplicate" or "not a culture" or "unknown property"))
            return;
        Assert.Equal(before, await host.Curator.GetStringAsync($"{Api}/language?take=1000"));
        Assert.All(files, f => Assert.Equal(f.Value, System.IO.File.ReadAllText(f.Key)));
    }

    [Fact]
    public async Task Only_administrators_change_languages()
    {
        var response = await host.Curator.PostAsJsonAsync($"{Api}/language", new { name = "Kyrgyz", isDefault = false, isMandatory = false, fallbackIsoCode = (string?)null, isoCode = "ky" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Curator.DeleteAsync($"{Api}/language/de")).StatusCode);
    }
}
