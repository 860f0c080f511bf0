using System.Net;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Site;

/// The front page on a day the touring exhibition is open in Astana: what is on view there now, by city, with the
/// objects shown (the organiser's own and those a signed loan covers).
public sealed class SiteOnViewTests : IAsyncLifetime
{
    private readonly ArchiveHostOnADay _host = new(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(5)));
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _host.ReadyClientAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_front_page_shows_what_is_on_view_now_by_city_and_the_exhibition_page_says_which_stop_is_open()
    {
        var response = await _client.GetAsync("/en/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var onView = html[html.IndexOf("id=\"on-view\"", StringComparison.Ordinal)..html.IndexOf("id=\"collections\"", StringComparison.Ordinal)];
        Assert.Contains("Astana", onView);
        Assert.Contains("Unity in diversity", onView);
        Assert.Matches("class=\"card\"", onView);
        Assert.DoesNotContain("No exhibition is open today.", onView);
        // Almaty opens in June: it is coming.
        Assert.Contains("Coming exhibitions", html);

        var exhibition = (await _client.GetAsync("/en/item/4d2242f4-308d-fd31-2629-f9e9300e1069")).Headers.Location!.OriginalString;
        var page = await (await _client.GetAsync(exhibition)).Content.ReadAsStringAsync();
        Assert.Contains("open now", page);
        Assert.Contains("coming", page);
    }
}
