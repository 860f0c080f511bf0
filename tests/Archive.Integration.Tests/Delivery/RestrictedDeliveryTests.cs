using System.Net;
using System.Text.Json;
using Archive.Integration.Tests.Infrastructure;
using Archive.Integration.Tests.Web;

namespace Archive.Integration.Tests.Delivery;

/// The Delivery API with `PublicAccess` off, media endpoints off and rich text as an element tree.
public sealed class RestrictedDeliveryTests(RestrictedDeliveryTests.Host host) : IClassFixture<RestrictedDeliveryTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public const string ApiKey = "restricted-key";

        public HttpClient Client { get; private set; } = null!;

        public Host()
        {
            Settings["Archive:USync:Folder"] = Path.Combine(Paths.CleanSite, "uSync", "v17");
            Settings["Archive:USync:MediaFolder"] = Path.Combine(Paths.CleanSite, "wwwroot", "media");
            Settings["Umbraco:CMS:DeliveryApi:PublicAccess"] = "false";
            Settings["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey;
            Settings["Umbraco:CMS:DeliveryApi:Media:Enabled"] = "false";
            Settings["Umbraco:CMS:DeliveryApi:RichTextOutputAsJson"] = "true";
        }

        public async Task InitializeAsync() => Client = await ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private async Task<HttpResponseMessage> Send(string url, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
            request.Headers.Add("Api-Key", key);
        return await host.Client.SendAsync(request);
    }

    [Fact] // 24, 39
    public async Task Without_public_access_the_key_is_needed_and_disabled_media_is_unauthorized()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("/umbraco/delivery/api/v2/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("/umbraco/delivery/api/v2/content", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send("/umbraco/delivery/api/v2/content", Host.ApiKey)).StatusCode);
        foreach (var media in new[] { "/umbraco/delivery/api/v2/media?fetch=children:/", $"/umbraco/delivery/api/v2/media/item/{Guid.NewGuid()}", "/umbraco/delivery/api/v2/media/items?id=" + Guid.NewGuid() })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(media, Host.ApiKey)).StatusCode);
    }

    [Fact]
    public async Task What_an_API_key_opened_is_never_kept_by_a_shared_cache()
    {
        var response = await Send("/umbraco/delivery/api/v2/content?take=1", Host.ApiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Private, response.Headers.CacheControl.ToString());
        Assert.False(response.Headers.CacheControl.Public);
        Assert.Contains("Api-Key", response.Headers.Vary);
        // A key that differs in its last character, or in length, opens nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("/umbraco/delivery/api/v2/content", Host.ApiKey[..^1] + "X")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("/umbraco/delivery/api/v2/content", Host.ApiKey + "-")).StatusCode);
    }

    [Fact] // 31
    public async Task Rich_text_is_an_element_tree_when_configured()
    {
        var response = await Send("/umbraco/delivery/api/v2/content?filter=contentType:article&take=1", Host.ApiKey);
        var article = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0];
        var text = article.GetProperty("properties").GetProperty("contentRows").GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("content").GetProperty("contentType").GetString() == "richTextRow").GetProperty("content").GetProperty("properties").GetProperty("content");
        Assert.Equal("#root", text.GetProperty("tag").GetString());
        var first = text.GetProperty("elements")[0];
        Assert.Equal("p", first.GetProperty("tag").GetString());
        Assert.Equal("#text", first.GetProperty("elements")[0].GetProperty("tag").GetString());
        Assert.Equal(JsonValueKind.Array, text.GetProperty("blocks").ValueKind);
    }
}
