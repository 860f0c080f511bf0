using System.Net;
using System.Text.RegularExpressions;

namespace Archive.Integration.Tests.Web;

/// How the back office's files travel: the host page with the package's import map for every URL the
/// application navigates to, its modules compressed, bundled per package and kept by browsers for good under
/// the build's fingerprint; the stylesheets Umbraco names by their plain address revalidated.
public sealed class BackOfficeFilesTests : IAsyncLifetime
{
    private readonly ArchiveHostFactory _host = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _host.ReadyClientAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static readonly Regex VersionedLit = new("\"@umbraco-cms/backoffice/external/lit\":\"(/umbraco/backoffice/[0-9a-f]{12})/external/lit/index.js\"");

    /// The host page as someone with a session opens it (the cookie's presence decides; its worth is checked by
    /// the API the application then calls).
    private async Task<string> HostPageAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", "umbRefreshToken=[redacted]");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/umbraco")]
    [InlineData("/umbraco/section/content/workspace/document/edit/ee109d7d-f924-0815-7492-041e2894165b/ru")]
    [InlineData("/umbraco/oauth_complete")]
    public async Task Every_application_url_answers_with_the_host_page_and_its_import_map(string url)
    {
        var page = await HostPageAsync(url);
        Assert.Contains("<umb-app", page);
        var base_ = VersionedLit.Match(page).Groups[1].Value;
        Assert.NotEmpty(base_);
        Assert.Contains($"src=\"{base_}/apps/app/app.element.js\"", page);
    }

    [Theory]
    [InlineData("/umbraco")]
    [InlineData("/umbraco/section/content/workspace/document/edit/ee109d7d-f924-0815-7492-041e2894165b/ru?x=1")]
    public async Task Someone_with_no_session_goes_straight_to_the_sign_in_page_returning_to_the_address_opened(string url)
    {
        using var client = _host.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/umbraco/login?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.OriginalString);
        Assert.True(response.Headers.CacheControl!.NoStore);
        // The steps of signing in and out load the application as they are.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/umbraco/oauth_complete")).StatusCode);
    }

    [Fact]
    public async Task Modules_are_bundled_per_package_compressed_and_immutable_under_the_build_s_fingerprint()
    {
        var base_ = VersionedLit.Match(await HostPageAsync("/umbraco")).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Get, base_ + "/apps/app/app.element.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var module = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        Assert.Contains("br", module.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", module.Content.Headers.ContentType!.MediaType);
        AssertImmutable(module);

        // The core package is one bundle with shared chunks (Umbraco's Vite build), not its thousands of modules:
        // its tree entry imports chunks of its own folder and other packages by their served address.
        var tree = await _client.GetStringAsync(base_ + "/packages/core/tree/index.js");
        var chunks = Regex.Matches(tree, @"\.\./chunks/[A-Za-z0-9_-]+\.js").Select(m => m.Value.Split('/').Last()).ToList();
        Assert.NotEmpty(chunks);
        var texts = new List<string>();
        foreach (var chunk in chunks)
        {
            var response = await _client.GetAsync(base_ + "/packages/core/chunks/" + chunk);
            AssertImmutable(response);
            texts.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.Contains(texts, t => t.Contains(base_ + "/external/lit/index.js"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(base_ + "/packages/core/tree/tree-item/tree-item.element.js")).StatusCode);

        // Umbraco's code names its stylesheets by their plain address: served too, revalidated.
        var css = await _client.GetAsync("/umbraco/backoffice/css/rte-content.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.True(css.Headers.CacheControl!.NoCache);
    }

    private static void AssertImmutable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365) && response.Headers.CacheControl.Extensions.Any(e => e.Name == "immutable"));
    }
}
