using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Archive.Identity;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Web;

/// Behind a TLS-terminating proxy: the scheme and client address are believed from the configured proxy
/// only, and cookies are Secure when the visitor's connection was. The key ring is encrypted at rest with
/// a configured certificate.
public sealed class ProxyAndKeyTests : IAsyncLifetime
{
    private const string Proxy = "10.9.8.7";
    private const string Password = "Proxied-Person-2026";
    private readonly Host _host = new();

    /// The test server has no network peer: a test-only header plays the address a request comes from.
    private sealed class Host : ArchiveHostFactory
    {
        public string CertificateFile { get; } = Path.Combine(Paths.TempFolder(), "keys.pfx");

        public Host()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Archive key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(CertificateFile, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
            Settings["Archive:DataProtection:CertificatePath"] = CertificateFile;
            Settings["Archive:DataProtection:CertificatePassword"] = "pfx-password";
            Settings["Archive:ForwardedHeaders:KnownProxies:0"] = Proxy;
            Settings["Archive:Management:SignInPermitsPerMinute"] = "1000";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            PeerFromHeader.AddTo(builder);
        }
    }


    public async Task InitializeAsync()
    {
        await _host.ReadyClientAsync();
        using var scope = _host.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<Accounts>().CreatePersonAsync("proxied@example.kz", "Proxied", Roles.Viewer, Password, [])).Succeeded);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> SignIn(HttpClient client, string peer, string? scheme)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/umbraco/management/api/v1/security/back-office/login")
        {
            Content = JsonContent.Create(new { username = "proxied@example.kz", password = Password }),
        };
        request.Headers.Add("X-Test-Peer", peer);
        if (scheme is not null)
            request.Headers.Add("X-Forwarded-Proto", scheme);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_cookie_is_Secure_when_the_configured_proxy_says_the_visitor_came_over_https_and_only_then()
    {
        var proxied = await SignIn(_host.CreateClient(), Proxy, "https");
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Contains(proxied.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Anyone else saying so is not believed.
        var other = await SignIn(_host.CreateClient(), "10.1.1.1", "https");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.DoesNotContain(other.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_key_ring_is_encrypted_with_the_configured_certificate_and_still_opens_cookies()
    {
        using var browser = _host.CreateDefaultClient(new CookieContainerHandler());
        Assert.Equal(HttpStatusCode.OK, (await SignIn(browser, "10.1.1.1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/umbraco/management/api/v1/user/current")).StatusCode);

        // Kept in the database, where every node of a cluster reads them, and encrypted there.
        using var scope = _host.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<IdentityDb>().DataProtectionKeys.Select(k => k.Xml).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<value>", xml);
        });
    }
}
