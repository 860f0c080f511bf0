using System.Net;
using System.Text.Json;
using Archive.Data.Kiosks;
using Archive.Web.Protection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Web;

/// Public channels behind per-client token buckets (Archive:RateLimits): 429 with Retry-After beyond a client's
/// burst (503 on OAI-PMH, as the protocol asks harvesters to wait), a bucket per channel and per client, the client
/// believed from X-Forwarded-For only when a trusted proxy sent it, and the Management API, health probes, API-key
/// callers, exempt networks and paired kiosks never limited.
public sealed class RateLimitTests(RateLimitTests.Host host) : IClassFixture<RateLimitTests.Host>
{
    private const string Proxy = "10.9.8.7";
    private const string ApiKey = "rate-limit-tests-key-0123456789";
    private const string Items = "/umbraco/delivery/api/v2/content?take=1";

    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public Host()
        {
            Settings["Archive:RateLimits:Enabled"] = "true";
            Settings["Archive:RateLimits:PermitsPerSecond"] = "1";
            Settings["Archive:RateLimits:Burst"] = "5";
            Settings["Archive:RateLimits:Channels:iiif:Burst"] = "8";
            Settings["Archive:RateLimits:ExemptNetworks:0"] = "192.0.2.0/24";
            Settings["Archive:ForwardedHeaders:KnownProxies:0"] = Proxy;
            Settings["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey;
        }

        public async Task InitializeAsync() => await ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            PeerFromHeader.AddTo(builder);
        }
    }


    /// A request from a client behind the trusted proxy.
    private async Task<HttpResponseMessage> Via(string client, string path, string? peer = Proxy, Action<HttpRequestMessage>? more = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (peer is not null)
            request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", client);
        more?.Invoke(request);
        return await host.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
    }

    private async Task<List<HttpStatusCode>> Burst(int count, string client, string path, string? peer = Proxy, Action<HttpRequestMessage>? more = null)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
            statuses.Add((await Via(client, path, peer, more)).StatusCode);
        return statuses;
    }

    /// Requests as fast as one client makes them until one is refused: how many went through first, and the refusal.
    /// Buckets refill (one token a second here) while a slow machine sends, so a burst lets at least its size through.
    private async Task<(int Allowed, HttpResponseMessage Refused)> UntilRefused(string client, string path, string? peer = Proxy, Action<HttpRequestMessage>? more = null)
    {
        for (var allowed = 0; allowed < 60; allowed++)
        {
            var response = await Via(client, path, peer, more);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                return (allowed, response);
        }
        throw new Xunit.Sdk.XunitException($"{client} was never refused on {path}.");
    }

    [Fact]
    public async Task A_client_past_its_burst_gets_429_with_Retry_After_on_that_channel_only_and_other_clients_go_on()
    {
        const string client = "203.0.113.5";
        var (allowed, refused) = await UntilRefused(client, Items);
        Assert.InRange(allowed, 5, 14);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 5);
        Assert.Contains("no-store", refused.Headers.CacheControl?.ToString());
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("delivery", problem.GetProperty("detail").GetString());

        // Its other channels have their own buckets; another client is not touched; nor are health probes.
        Assert.Equal(HttpStatusCode.OK, (await Via(client, "/umbraco/delivery/api/v2/search?q=chest")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Via("203.0.113.6", Items)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Via(client, "/health/ready")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Via(client, "/umbraco/management/api/v1/document/root")).StatusCode);

        // Once the bucket has filled again, the client goes on.
        await Task.Delay(refused.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(300));
        Assert.Equal(HttpStatusCode.OK, (await Via(client, Items)).StatusCode);
    }

    [Fact]
    public async Task The_client_is_the_forwarded_address_only_when_a_trusted_proxy_sent_it()
    {
        // A peer that is no proxy cannot pose as a new client with each request.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
            statuses.Add((await Via($"198.51.100.{i + 10}", Items, peer: "198.51.100.200")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        // IPv6 clients are counted by their /64.
        Assert.Equal(PublicRateLimits.ClientOf(IPAddress.Parse("2001:db8:1:2:aaaa::1")), PublicRateLimits.ClientOf(IPAddress.Parse("2001:db8:1:2:bbbb::9")));
        Assert.NotEqual(PublicRateLimits.ClientOf(IPAddress.Parse("2001:db8:1:2::1")), PublicRateLimits.ClientOf(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("203.0.113.9", PublicRateLimits.ClientOf(IPAddress.Parse("::ffff:203.0.113.9")));
    }

    [Fact]
    public async Task OAI_harvesters_are_asked_to_wait_with_503_and_Retry_After_as_the_protocol_says()
    {
        const string client = "203.0.113.20";
        var (allowed, refused) = await UntilRefused(client, "/oai?verb=Identify");
        Assert.InRange(allowed, 5, 14);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Channels_can_have_their_own_figures_and_the_site_is_limited_too()
    {
        var (iiif, iiifRefused) = await UntilRefused("203.0.113.30", "/iiif/3/00000000-0000-0000-0000-000000000000/info.json");
        Assert.InRange(iiif, 8, 17);
        Assert.Equal(HttpStatusCode.TooManyRequests, iiifRefused.StatusCode);
        var (site, siteRefused) = await UntilRefused("203.0.113.31", "/robots.txt");
        Assert.InRange(site, 5, 14);
        Assert.Equal(HttpStatusCode.TooManyRequests, siteRefused.StatusCode);
    }

    [Fact]
    public async Task API_key_callers_exempt_networks_and_paired_kiosks_are_never_limited()
    {
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, await Burst(12, "203.0.113.40", Items, more: r => r.Headers.Add("Api-Key", ApiKey)));
        // A wrong key is just another anonymous request.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await UntilRefused("203.0.113.41", Items, more: r => r.Headers.Add("Api-Key", "wrong"))).Refused.StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, await Burst(12, "192.0.2.77", Items));

        string token;
        using (var scope = host.Services.CreateScope())
        {
            var devices = scope.ServiceProvider.GetRequiredService<KioskDevices>();
            var (pairing, secret) = (await devices.StartPairingAsync(CancellationToken.None))!.Value;
            var (device, _, problem) = await devices.PairAsync(pairing.Code, Guid.Parse(Kiosk.KioskHost.DemoKiosk), "Hall screen", "tests", CancellationToken.None);
            Assert.True(device is not null, problem);
            token = Assert.IsType<PairingState.Paired>(await devices.CollectAsync(secret, CancellationToken.None)).Token;
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, await Burst(12, "203.0.113.42", Items, more: r => r.Headers.Add("Cookie", $"archive-kiosk={token}")));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await UntilRefused("203.0.113.43", Items, more: r => r.Headers.Add("Cookie", "archive-kiosk=kiosk_forged"))).Refused.StatusCode);
    }
}
