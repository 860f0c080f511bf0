using System.Net;
using System.Text.RegularExpressions;

namespace Archive.Integration.Tests.Web;

/// How the back office's files travel: the host page with the package's import map for every URL the
/// application navigates to, its modules compressed, content-hashed chunks cached for good, the rest
/// revalidated.
public sealed class BackOfficeFilesTests : IAsyncLifetime
{
    private readonly ArchiveHostFactory _host = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _host.ReadyClientAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/umbraco")]
    [InlineData("/umbraco/section/content/workspace/document/edit/ee109d7d-f924-0815-7492-041e2894165b/ru")]
    [InlineData("/umbraco/oauth_complete")]
    public async Task Every_application_url_answers_with_the_host_page_and_its_import_map(string url)
    {
        var page = await _client.GetStringAsync(url);
        Assert.Contains("<umb-app", page);
        Assert.Contains("\"@umbraco-cms/backoffice/external/lit\":\"/umbraco/backoffice/external/lit/index.js\"", page);
    }

    [Fact]
    public async Task Modules_are_compressed_chunks_are_immutable_and_the_rest_revalidated()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/umbraco/backoffice/apps/app/app.element.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var module = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        Assert.Contains("br", module.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", module.Content.Headers.ContentType!.MediaType);
        Assert.True(module.Headers.CacheControl!.NoCache);

        var lit = await _client.GetStringAsync("/umbraco/backoffice/external/lit/index.js");
        var chunk = Regex.Match(lit, @"\./chunks/[A-Za-z0-9_-]+\.js|\.\./\.\./chunks/[A-Za-z0-9_-]+\.js").Value;
        Assert.NotEmpty(chunk);
        var cached = await _client.GetAsync("/umbraco/backoffice/chunks/" + chunk.Split('/').Last());
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.True(cached.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365) && cached.Headers.CacheControl.Extensions.Any(e => e.Name == "immutable"));
    }
}
