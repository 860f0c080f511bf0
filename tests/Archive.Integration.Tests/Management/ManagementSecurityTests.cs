using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Identity;
using Archive.Integration.Tests.Infrastructure;
using Archive.Integration.Tests.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Management;

/// Accounts, tokens and the Management API's door: client credentials at Umbraco's token endpoint,
/// cookie sign-in with lockout, 401 for every anonymous call, no CORS.
public sealed class ManagementSecurityTests(ManagementSecurityTests.Host host) : IClassFixture<ManagementSecurityTests.Host>
{
    public const string Secret = "kiosk-secret-0123456789abcdef";
    public const string Password = "Correct-Horse-42";

    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public HttpClient Client { get; private set; } = null!;

        public Host() => Settings["Archive:Management:SignInPermitsPerMinute"] = "1000";

        public async Task InitializeAsync()
        {
            Client = await ReadyClientAsync();
            using var scope = Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            Assert.True((await accounts.CreateApiClientAsync("umbraco-back-office-curator", null, Roles.Curator, Secret, [])).Succeeded);
            Assert.True((await accounts.CreatePersonAsync("dana@example.kz", "Dana", Roles.Viewer, Password, [])).Succeeded);
            Assert.True((await accounts.CreatePersonAsync("locked@example.kz", null, Roles.Viewer, Password, [])).Succeeded);
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private const string Api = "/umbraco/management/api/v1";

    public static async Task<HttpResponseMessage> RequestToken(HttpClient client, string clientId, string secret, string grant = "client_credentials") =>
        await client.PostAsync($"{Api}/security/back-office/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grant,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    [Fact]
    public async Task An_API_client_gets_a_bearer_token_with_client_credentials()
    {
        var response = await RequestToken(host.Client, "umbraco-back-office-curator", Secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.True(token.GetProperty("expires_in").GetInt32() > 0);

        var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/user/current");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        var me = JsonDocument.Parse(await (await host.Client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("umbraco-back-office-curator", me.GetProperty("userName").GetString());
        Assert.Equal("curator", me.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("umbraco-back-office-curator", "wrong-secret-0123456789", "client_credentials", "invalid_client")]
    [InlineData("umbraco-back-office-nobody", Secret, "client_credentials", "invalid_client")]
    [InlineData("umbraco-back-office-curator", Secret, "password", "unsupported_grant_type")]
    public async Task Bad_credentials_or_grants_get_an_OAuth_error(string clientId, string secret, string grant, string error)
    {
        var response = await RequestToken(host.Client, clientId, secret, grant);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode}");
        Assert.Equal(error, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task People_sign_in_with_a_cookie_and_are_locked_out_after_repeated_failures()
    {
        var handler = host.Server.CreateHandler();
        using var browser = new HttpClient(new CookieContainerHandler(handler)) { BaseAddress = new Uri("http://localhost") };
        var login = await browser.PostAsJsonAsync($"{Api}/security/back-office/login", new { username = "dana@example.kz", password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"{Api}/user/current")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync($"{Api}/security/back-office/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"{Api}/user/current")).StatusCode);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync($"{Api}/security/back-office/login", new { username = "locked@example.kz", password = "Wrong-Password-1" })).StatusCode);
        // Locked now: even the right password is refused, with the same answer as a wrong one.
        var locked = await browser.PostAsJsonAsync($"{Api}/security/back-office/login", new { username = "locked@example.kz", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Every_management_endpoint_refuses_anonymous_calls_with_401()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(Api, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(endpoints);
        // Anonymous in Umbraco too: what the back office needs before anyone signs in, and signing in and out.
        var open = new[]
        {
            "/security/back-office/token", "/security/back-office/login", "/security/back-office/authorize", "/security/back-office/signout",
            "/server/status", "/server/configuration", "/manifest/manifest/public", "/security/back-office/graphics/{name}",
        };
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (open.Any(o => route.EndsWith(o, StringComparison.Ordinal)))
                continue;
            var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", Guid.NewGuid().ToString());
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }) });
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task CORS_is_closed_for_the_Management_API()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, $"{Api}/user/current");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await host.Client.SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        var token = JsonDocument.Parse(await (await RequestToken(host.Client, "umbraco-back-office-curator", Secret)).Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        var call = new HttpRequestMessage(HttpMethod.Get, $"{Api}/user/current");
        call.Headers.Add("Origin", "https://elsewhere.example");
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.False((await host.Client.SendAsync(call)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// Keeps the cookies a test server sets, as a browser would.
    private sealed class CookieContainerHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var header = _cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
                request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values)
                    _cookies.SetCookies(request.RequestUri!, value);
            return response;
        }
    }
}

/// Sign-in and token requests are limited per address.
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private ArchiveHostFactory _host = null!;

    public async Task InitializeAsync()
    {
        _host = new ArchiveHostFactory();
        _host.Settings["Archive:Management:SignInPermitsPerMinute"] = "3";
        await _host.ReadyClientAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Guessing_is_slowed_with_429_and_Retry_After()
    {
        var client = _host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await ManagementSecurityTests.RequestToken(client, "umbraco-back-office-x", "guess-0123456789abcdefgh")).StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        var refused = await ManagementSecurityTests.RequestToken(client, "umbraco-back-office-x", "guess-0123456789abcdefgh");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}

/// Accounts are made on the command line, secrets read from standard input and never printed.
public sealed class UserCommandTests
{
    [Fact]
    public async Task The_command_line_creates_accounts_from_standard_input_and_refuses_bad_ones()
    {
        var data = Paths.TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["Archive__DataPath"] = data,
            ["Archive__Media__RootPath"] = Path.Combine(data, "media"),
            ["Archive__USync__Folder"] = Paths.ArchiveUSync,
        };
        var (code, output) = await HostProcess.RunWithInputAsync(environment, Secret, "users", "create-api-client", "--client-id", "umbraco-back-office-semey-kiosk", "--role", "viewer");
        Assert.True(code == 0, output);
        Assert.DoesNotContain(Secret, output);

        (code, output) = await HostProcess.RunWithInputAsync(environment, Secret, "users", "create-api-client", "--client-id", "kiosk", "--role", "viewer");
        Assert.Equal(1, code);
        Assert.Contains("umbraco-back-office-", output);

        (code, output) = await HostProcess.RunWithInputAsync(environment, "short", "users", "create", "--email", "aida@example.kz", "--role", "curator");
        Assert.Equal(1, code);
        Assert.Contains("password", output);

        (code, output) = await HostProcess.RunWithInputAsync(environment, "Long-Enough-Pass-1", "users", "create", "--email", "aida@example.kz", "--role", "editor");
        Assert.Equal(1, code);
        Assert.Contains("collection", output);

        (code, output) = await HostProcess.RunWithInputAsync(environment, "Long-Enough-Pass-1", "users", "create", "--email", "aida@example.kz", "--role", "editor",
            "--collection", Guid.NewGuid().ToString());
        Assert.True(code == 0, output);
    }

    private const string Secret = "semey-kiosk-secret-abcdefghijklmnop";
}
