using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Archive.Identity;
using Archive.Integration.Tests.Web;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Management;

/// Accounts over HTTP: administrators create, change, disable and delete people and API users in
/// Umbraco's user routes; roles are user groups; a change ends what the account was issued before.
public sealed class UserApiTests(UserApiTests.Host host) : IClassFixture<UserApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Secret = "user-tests-secret-0123456789abcd";
    private static readonly Guid AdminGroup = Roles.GroupKeys[Roles.Administrator];
    private static readonly Guid CuratorGroup = Roles.GroupKeys[Roles.Curator];
    private static readonly Guid EditorGroup = Roles.GroupKeys[Roles.Editor];
    private static readonly Guid ViewerGroup = Roles.GroupKeys[Roles.Viewer];

    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public Guid AdministratorId { get; private set; }

        public Host() => Settings["Archive:Management:SignInPermitsPerMinute"] = "1000";

        public async Task InitializeAsync()
        {
            await ReadyClientAsync();
            using var scope = Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            AdministratorId = (await accounts.CreateApiClientAsync("umbraco-back-office-admin", "admin", Roles.Administrator, Secret, [])).Id!.Value;
            Assert.True((await accounts.CreateApiClientAsync("umbraco-back-office-curator", "curator", Roles.Curator, Secret, [])).Succeeded);
        }

        public async Task<HttpClient> ClientAsync(string clientId, string secret = Secret)
        {
            var client = CreateClient();
            var response = await ManagementSecurityTests.RequestToken(client, clientId, secret);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private static StringContent Body(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static object Groups(params Guid[] ids) => ids.Select(id => new { id }).ToArray();

    private async Task<Guid> CreateAsync(HttpClient admin, string name, Guid group, string kind = "Default", Guid[]? startNodes = null)
    {
        var response = await admin.PostAsync($"{Api}/user", Body(new
        {
            email = $"{name}@example.kz", userName = $"{name}@example.kz", name, userGroupIds = Groups(group), kind,
            documentStartNodeIds = (startNodes ?? []).Select(id => new { id }),
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
        Assert.EndsWith($"/user/{id}", response.Headers.Location!.ToString());
        return id;
    }

    [Fact]
    public async Task An_administrator_creates_a_person_whose_reset_password_signs_them_in()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var id = await CreateAsync(admin, "aigerim", CuratorGroup);

        var user = await Json(await admin.GetAsync($"{Api}/user/{id}"));
        Assert.Equal("aigerim@example.kz", user.GetProperty("email").GetString());
        Assert.Equal(CuratorGroup, user.GetProperty("userGroupIds")[0].GetProperty("id").GetGuid());
        Assert.Equal("Active", user.GetProperty("state").GetString());
        Assert.Equal("Default", user.GetProperty("kind").GetString());
        Assert.True(user.GetProperty("hasDocumentRootAccess").GetBoolean());
        Assert.False(user.GetProperty("isAdmin").GetBoolean());

        // Nobody knows the first password; a reset gives one, once.
        var reset = await admin.PostAsync($"{Api}/user/{id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var password = (await Json(reset)).GetProperty("resetPassword").GetString()!;
        var login = await host.CreateClient().PostAsJsonAsync($"{Api}/security/back-office/login", new { username = "aigerim@example.kz", password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var weak = await admin.PostAsync($"{Api}/user/{id}/change-password", Body(new { newPassword = "short" }));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await Json(weak)).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Api}/user/{id}/change-password", Body(new { newPassword = "Steppe-Library-2026" }))).StatusCode);
        login = await host.CreateClient().PostAsJsonAsync($"{Api}/security/back-office/login", new { username = "aigerim@example.kz", password = "Steppe-Library-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task An_API_user_with_start_nodes_signs_in_with_its_client_credentials_and_reaches_only_its_collection()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var id = await CreateAsync(admin, "korean-association", EditorGroup, "Api", [Guid.Parse(DocumentApiTests.Korean)]);
        var added = await admin.PostAsync($"{Api}/user/{id}/client-credentials", Body(new { clientId = "umbraco-back-office-korean-association", clientSecret = Secret }));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(["umbraco-back-office-korean-association"], (await Json(await admin.GetAsync($"{Api}/user/{id}/client-credentials"))).EnumerateArray().Select(e => e.GetString()));

        var association = await host.ClientAsync("umbraco-back-office-korean-association");
        Assert.Equal(HttpStatusCode.OK, (await association.GetAsync($"{Api}/document/{DocumentApiTests.Korean}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await association.GetAsync($"{Api}/document/{DocumentApiTests.Pushkin}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await association.GetAsync($"{Api}/user")).StatusCode);

        // Removing the credentials ends the tokens issued with them too.
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{Api}/user/{id}/client-credentials/umbraco-back-office-korean-association")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await association.GetAsync($"{Api}/document/{DocumentApiTests.Korean}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ManagementSecurityTests.RequestToken(host.CreateClient(), "umbraco-back-office-korean-association", Secret)).StatusCode);
    }

    [Fact]
    public async Task Media_start_nodes_are_the_media_folders_an_editor_works_in()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var id = await CreateAsync(admin, "folders", EditorGroup, startNodes: [Guid.Parse(DocumentApiTests.KoreanCollection)]);
        object Update(Guid[] media) => new
        {
            email = "folders@example.kz", userName = "folders@example.kz", name = "Folders", userGroupIds = Groups(EditorGroup), languageIsoCode = "kk-KZ",
            documentStartNodeIds = Groups(Guid.Parse(DocumentApiTests.KoreanCollection)), hasDocumentRootAccess = false,
            mediaStartNodeIds = Groups(media), hasMediaRootAccess = false,
        };
        var unknown = await admin.PutAsync($"{Api}/user/{id}", Body(Update([Guid.NewGuid()])));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("mediaStartNodeIds", await unknown.Content.ReadAsStringAsync());
        // A document is not a media folder.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync($"{Api}/user/{id}", Body(Update([Guid.Parse(DocumentApiTests.KoreanCollection)])))).StatusCode);

        var folder = Guid.Parse("b66101d1-9130-a16c-2daf-3259c1060a28");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"{Api}/user/{id}", Body(Update([folder])))).StatusCode);
        var user = await Json(await admin.GetAsync($"{Api}/user/{id}"));
        Assert.Equal(folder, user.GetProperty("mediaStartNodeIds").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(DocumentApiTests.KoreanCollection, user.GetProperty("documentStartNodeIds").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.False(user.GetProperty("hasMediaRootAccess").GetBoolean());
    }

    [Fact]
    public async Task A_stale_token_stays_refused_with_a_current_cookie_beside_it_and_one_request_speaks_for_one_account()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var id = await CreateAsync(admin, "rider", AdminGroup, "Api");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Api}/user/{id}/client-credentials", Body(new { clientId = "umbraco-back-office-rider", clientSecret = Secret }))).StatusCode);
        var stale = (await host.ClientAsync("umbraco-back-office-rider")).DefaultRequestHeaders.Authorization!;
        using (var scope = host.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Accounts>().CreatePersonAsync("cookie@example.kz", "Cookie", Roles.Viewer, "Cookie-Person-2026", [])).Succeeded);
        using var browser = host.CreateDefaultClient(new CookieContainerHandler());
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync($"{Api}/security/back-office/login", new { username = "cookie@example.kz", password = "Cookie-Person-2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"{Api}/user/current")).StatusCode);

        // Two accounts in one request: neither is taken, whatever their rights.
        var both = new HttpRequestMessage(HttpMethod.Get, $"{Api}/user");
        both.Headers.Authorization = stale;
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(both)).StatusCode);

        // The administrator is demoted: their token rides along with a viewer's current cookie and still opens nothing.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"{Api}/user/{id}", Body(new
        {
            email = "rider@example.kz", userName = "rider@example.kz", name = "Rider", userGroupIds = Groups(ViewerGroup),
            languageIsoCode = "en-US", documentStartNodeIds = Array.Empty<object>(), hasDocumentRootAccess = true, mediaStartNodeIds = Array.Empty<object>(), hasMediaRootAccess = true,
        }))).StatusCode);
        foreach (var url in new[] { $"{Api}/user", $"{Api}/user/current", $"{Api}/document/{DocumentApiTests.Chest}" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = stale;
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(request)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"{Api}/user/current")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_or_a_disabled_account_ends_the_tokens_issued_before_it()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var id = await CreateAsync(admin, "temporary", CuratorGroup, "Api");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Api}/user/{id}/client-credentials", Body(new { clientId = "umbraco-back-office-temporary", clientSecret = Secret }))).StatusCode);
        var before = await host.ClientAsync("umbraco-back-office-temporary");
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync($"{Api}/document/{DocumentApiTests.Chest}")).StatusCode);

        var update = await admin.PutAsync($"{Api}/user/{id}", Body(new
        {
            email = "temporary@example.kz", userName = "temporary@example.kz", name = "Temporary viewer", userGroupIds = Groups(ViewerGroup),
            languageIsoCode = "ru-RU", documentStartNodeIds = Array.Empty<object>(), hasDocumentRootAccess = true, mediaStartNodeIds = Array.Empty<object>(), hasMediaRootAccess = true,
        }));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync($"{Api}/document/{DocumentApiTests.Chest}")).StatusCode);
        var after = await host.ClientAsync("umbraco-back-office-temporary");
        var current = await Json(await after.GetAsync($"{Api}/user/current"));
        Assert.Equal("viewer", current.GetProperty("role").GetString());
        Assert.Equal("ru-RU", current.GetProperty("languageIsoCode").GetString());
        Assert.Equal("Temporary viewer", (await Json(await admin.GetAsync($"{Api}/user/{id}"))).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Api}/user/disable", Body(new { userIds = Groups(id) }))).StatusCode);
        Assert.Equal("Disabled", (await Json(await admin.GetAsync($"{Api}/user/{id}"))).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await after.GetAsync($"{Api}/user/current")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await ManagementSecurityTests.RequestToken(host.CreateClient(), "umbraco-back-office-temporary", Secret)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Api}/user/enable", Body(new { userIds = Groups(id) }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.ClientAsync("umbraco-back-office-temporary")).GetAsync($"{Api}/user/current")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{Api}/user/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Api}/user/{id}")).StatusCode);

        // Each change is in the administrator's audit trail, on the account it changed.
        var trail = (await Json(await admin.GetAsync($"{Api}/audit-log?entityType=User&take=1000"))).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("entity").GetProperty("id").GetGuid() == id).Select(e => e.GetProperty("comment").GetString()).ToList();
        Assert.Equal(6, trail.Count); // create, client, update, disable, enable, delete
        Assert.Contains(trail, c => c?.Contains("viewer") == true);
        Assert.NotEqual(HttpStatusCode.OK, (await ManagementSecurityTests.RequestToken(host.CreateClient(), "umbraco-back-office-temporary", Secret)).StatusCode);
    }

    public static TheoryData<string, object, string> BadCreations => new()
    {
        { "no group", new { email = "a@example.kz", userName = "a@example.kz", name = "A", userGroupIds = Array.Empty<object>() }, "userGroupIds" },
        { "two groups", new { email = "a@example.kz", userName = "a@example.kz", name = "A", userGroupIds = Groups(CuratorGroup, ViewerGroup) }, "userGroupIds" },
        { "bad e-mail", new { email = "not an address", userName = "a@example.kz", name = "A", userGroupIds = Groups(CuratorGroup) }, "email" },
        { "no name", new { email = "a@example.kz", userName = "a@example.kz", name = " ", userGroupIds = Groups(CuratorGroup) }, "name" },
        { "unknown kind", new { email = "a@example.kz", userName = "a@example.kz", name = "A", userGroupIds = Groups(CuratorGroup), kind = "Robot" }, "kind" },
        { "unknown start node", new { email = "a@example.kz", userName = "a@example.kz", name = "A", userGroupIds = Groups(EditorGroup), documentStartNodeIds = Groups(Guid.NewGuid()) }, "documentStartNodeIds" },
        { "start nodes for a curator", new { email = "a@example.kz", userName = "a@example.kz", name = "A", userGroupIds = Groups(CuratorGroup), documentStartNodeIds = Groups(Guid.Parse(DocumentApiTests.Korean)) }, "collection" },
        { "taken user name", new { email = "b@example.kz", userName = "umbraco-back-office-curator", name = "B", userGroupIds = Groups(CuratorGroup) }, "userName" },
    };

    [Theory]
    [MemberData(nameof(BadCreations))]
    public async Task A_bad_account_is_refused_naming_the_field_and_nothing_is_created(string why, object body, string field)
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var before = (await Json(await admin.GetAsync($"{Api}/user?take=1000"))).GetProperty("total").GetInt32();
        var response = await admin.PostAsync($"{Api}/user", Body(body));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var errors = (await Json(response)).GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.OrdinalIgnoreCase)), $"{why}: {errors}");
        Assert.Equal(before, (await Json(await admin.GetAsync($"{Api}/user?take=1000"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_user_group_is_404_and_client_credentials_follow_Umbraco_rules()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var unknown = await admin.PostAsync($"{Api}/user", Body(new { email = "c@example.kz", userName = "c@example.kz", name = "C", userGroupIds = Groups(Guid.NewGuid()) }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var person = await CreateAsync(admin, "person-with-no-clients", ViewerGroup);
        var forPerson = await admin.PostAsync($"{Api}/user/{person}/client-credentials", Body(new { clientId = "umbraco-back-office-person", clientSecret = Secret }));
        Assert.Equal(HttpStatusCode.BadRequest, forPerson.StatusCode);
        var api = await CreateAsync(admin, "robot", ViewerGroup, "Api");
        var noPrefix = await admin.PostAsync($"{Api}/user/{api}/client-credentials", Body(new { clientId = "robot", clientSecret = Secret }));
        Assert.True((await Json(noPrefix)).GetProperty("errors").TryGetProperty("clientId", out _));
        var shortSecret = await admin.PostAsync($"{Api}/user/{api}/client-credentials", Body(new { clientId = "umbraco-back-office-robot", clientSecret = "short" }));
        Assert.True((await Json(shortSecret)).GetProperty("errors").TryGetProperty("clientSecret", out _));
        var taken = await admin.PostAsync($"{Api}/user/{api}/client-credentials", Body(new { clientId = "umbraco-back-office-curator", clientSecret = Secret }));
        Assert.True((await Json(taken)).GetProperty("errors").TryGetProperty("clientId", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Api}/user/{Guid.NewGuid()}/client-credentials")).StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_demoted_disabled_or_deleted_and_no_one_removes_themselves()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var self = host.AdministratorId;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.DeleteAsync($"{Api}/user/{self}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Api}/user/disable", Body(new { userIds = Groups(self) }))).StatusCode);
        var demote = await admin.PutAsync($"{Api}/user/{self}", Body(new
        {
            email = "admin@example.kz", userName = "umbraco-back-office-admin", name = "admin", userGroupIds = Groups(CuratorGroup),
            documentStartNodeIds = Array.Empty<object>(), mediaStartNodeIds = Array.Empty<object>(),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.True((await Json(demote)).GetProperty("errors").TryGetProperty("userGroupIds", out _));
        var badLanguage = await admin.PutAsync($"{Api}/user/{self}", Body(new
        {
            email = "admin@example.kz", userName = "umbraco-back-office-admin", name = "admin", userGroupIds = Groups(AdminGroup), languageIsoCode = "not a language",
        }));
        Assert.True((await Json(badLanguage)).GetProperty("errors").TryGetProperty("languageIsoCode", out _));
        var me = await Json(await admin.GetAsync($"{Api}/user/{self}"));
        Assert.Equal(AdminGroup, me.GetProperty("userGroupIds")[0].GetProperty("id").GetGuid());
        Assert.True(me.GetProperty("isAdmin").GetBoolean());
    }

    [Fact]
    public async Task The_users_section_reads_its_configuration_filters_groups_and_names_anyones_groups()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var curator = await host.ClientAsync("umbraco-back-office-curator");
        var configuration = await Json(await admin.GetAsync($"{Api}/user/configuration"));
        Assert.False(configuration.GetProperty("canInviteUsers").GetBoolean());
        Assert.True(configuration.GetProperty("usernameIsEmail").GetBoolean());
        Assert.Equal(12, configuration.GetProperty("passwordConfiguration").GetProperty("minimumPasswordLength").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await curator.GetAsync($"{Api}/user/configuration")).StatusCode);

        var editors = await Json(await admin.GetAsync($"{Api}/filter/user-group?filter=edit"));
        Assert.Equal("editor", Assert.Single(editors.GetProperty("items").EnumerateArray()).GetProperty("alias").GetString());
        Assert.Equal(5, (await Json(await admin.GetAsync($"{Api}/filter/user-group"))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Api}/filter/user-group?take=5000")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await curator.GetAsync($"{Api}/filter/user-group")).StatusCode);

        // Anyone signed in has their own groups named; unknown ids are left out.
        var items = await Json(await curator.GetAsync($"{Api}/item/user-group?id={Roles.GroupKeys[Roles.Curator]}&id={Guid.NewGuid()}"));
        var item = Assert.Single(items.EnumerateArray());
        Assert.Equal("Curator", item.GetProperty("name").GetString());
        Assert.Equal(0, item.GetProperty("flags").GetArrayLength());

        // The cultures a language can be added in, Uzbek among them, ordered by English name.
        var cultures = await Json(await admin.GetAsync($"{Api}/culture?take=1000"));
        var names = cultures.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("englishName").GetString()!).ToList();
        Assert.Contains(cultures.GetProperty("items").EnumerateArray(), c => c.GetProperty("name").GetString() == "uz");
        Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Api}/culture?skip=-1")).StatusCode);
    }

    [Fact]
    public async Task Roles_are_listed_as_user_groups_and_users_filter_by_group_and_state()
    {
        var admin = await host.ClientAsync("umbraco-back-office-admin");
        var groups = await Json(await admin.GetAsync($"{Api}/user-group"));
        Assert.Equal(5, groups.GetProperty("total").GetInt32());
        Assert.Equal(Guid.Parse("e5e7f6c8-7f9c-4b5b-8d5d-9e1e5a4f7e4d"), groups.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("contributor", (await Json(await admin.GetAsync($"{Api}/user-group/{Roles.GroupKeys[Roles.Contributor]}"))).GetProperty("alias").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Api}/user-group/{Guid.NewGuid()}")).StatusCode);

        var admins = await Json(await admin.GetAsync($"{Api}/filter/user?userGroupIds={AdminGroup}"));
        Assert.All(admins.GetProperty("items").EnumerateArray(), u => Assert.True(u.GetProperty("isAdmin").GetBoolean()));
        Assert.Contains(admins.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetGuid() == host.AdministratorId);
        Assert.Equal(0, (await Json(await admin.GetAsync($"{Api}/filter/user?userStates=Disabled&filter=umbraco-back-office-admin"))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Api}/filter/user?userStates=Sleeping")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Api}/filter/user?orderBy=Password")).StatusCode);

        var curator = await host.ClientAsync("umbraco-back-office-curator");
        Assert.Equal(HttpStatusCode.Forbidden, (await curator.GetAsync($"{Api}/user")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await curator.GetAsync($"{Api}/user-group")).StatusCode);
    }
}
