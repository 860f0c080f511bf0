using System.Net;
using System.Text.Json;
using Archive.Integration.Tests.Web;

namespace Archive.Integration.Tests.Delivery;

/// The touring exhibition's filters over the demo: onView: (a day, at any stop, by each stop's own checklist, the
/// closing day included), onViewAt: (a venue), exhibition: (an exhibition or one of its stops) and place: (a place
/// under any of its names and every place within it).
public sealed class OnViewAndPlaceFilterTests(GeoTests.Host host) : IClassFixture<GeoTests.Host>
{
    private const string Api = "/umbraco/delivery/api/v2";
    private const string Exhibition = "4d2242f4-308d-fd31-2629-f9e9300e1069";
    private const string AstanaStop = "6ee8018d-3427-ed92-607f-448dfa37d97d", AlmatyStop = "1a21842f-8222-e867-fff6-def846d349b0";
    private const string AlmatyHall = "59d05968-2d60-dadb-85da-7a7950eb6706";
    private const string Almaty = "624b8978-0074-be38-0117-4646d239b3ca", Semey = "e7515f80-e255-4940-5648-dea03eef8123";
    private const string AbaiRegion = "db81419e-31a6-5dc7-84b7-b5c2d06ae66e", Kazakhstan = "f9051c0f-a68b-5de3-9aa7-bc1b8bd04e8c";
    private const string Chest = "ee109d7d-f924-0815-7492-041e2894165b"; // made in Almaty
    private const string AtyrauHouse = "b3047128-ea6b-5b6a-8fbb-5ee4950cb503", AbaiHouse = "59c0f39f-5cec-5660-a4ae-e1cd336e146b";

    private async Task<(HttpStatusCode Status, string Body)> Send(string url, string culture = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Language", culture);
        var response = await host.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HashSet<string>> Ids(string query, string culture = "en")
    {
        var (status, body) = await Send($"{Api}/content?{query}&take=1000", culture);
        Assert.True(status == HttpStatusCode.OK, $"{query}: {(int)status} {body}");
        var root = JsonDocument.Parse(body).RootElement;
        var ids = root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(ids.Count, root.GetProperty("total").GetInt32());
        return ids;
    }

    /// The public objects on a stop's checklist, as the stop's own item names them.
    private async Task<HashSet<string>> Checklist(string stop)
    {
        var (_, body) = await Send($"{Api}/content/item/{stop}?expand=properties[objects]");
        return JsonDocument.Parse(body).RootElement.GetProperty("properties").GetProperty("objects").EnumerateArray()
            .Select(o => o.GetProperty("id").GetString()!).ToHashSet();
    }

    [Fact]
    public async Task On_view_a_day_finds_the_checklist_of_the_stop_open_that_day_closing_day_included()
    {
        var astana = await Checklist(AstanaStop);
        var almaty = await Checklist(AlmatyStop);
        Assert.True(astana.Count >= 5 && almaty.Count >= 5);
        Assert.NotEqual(astana, almaty); // the stops show different objects
        Assert.Equal(astana, await Ids("filter=onView:2026-03-01"));
        Assert.Equal(astana, await Ids("filter=onView:2026-05-31", "kk"));
        Assert.Empty(await Ids("filter=onView:2026-06-01"));
        Assert.Equal(almaty, await Ids("filter=onView:2026-09-15", "ru"));
        Assert.Equal(almaty, await Ids($"filter=onViewAt:{AlmatyHall}"));
        // Narrowed further like any filter: what Astana shows that Almaty does not.
        Assert.Equal(astana.Except(almaty).ToHashSet(), await Ids($"filter=onView:2026-04-01&filter=onViewAt:!{AlmatyHall}"));
    }

    [Fact]
    public async Task Exhibition_takes_an_exhibition_with_every_stop_s_objects_or_one_stop()
    {
        var astana = await Checklist(AstanaStop);
        var almaty = await Checklist(AlmatyStop);
        Assert.Equal(astana, await Ids($"filter=exhibition:{AstanaStop}"));
        Assert.Equal(astana.Union(almaty).ToHashSet(), await Ids($"filter=exhibition:{Exhibition}"));
    }

    [Fact]
    public async Task Place_finds_what_is_at_a_place_and_at_every_place_within_it_but_not_the_places()
    {
        var almaty = await Ids($"filter=place:{Almaty}");
        Assert.Contains(Chest, almaty);
        Assert.Contains(AlmatyHall, almaty); // a venue whose locality it is
        var semey = await Ids($"filter=place:{Semey}");
        Assert.Contains(AbaiHouse, semey);
        Assert.Equal(semey, await Ids($"filter=place:{AbaiRegion}"));
        var country = await Ids($"filter=place:{Kazakhstan}", "ru");
        Assert.Superset(almaty.Union(semey).ToHashSet(), country);
        Assert.DoesNotContain(Semey, country); // a place within is not a thing at the place
        Assert.DoesNotContain(Chest, await Ids($"filter=place:!{Almaty}&filter=contentType:artefact"));
        // Search finds a House of Friendship by its city's former name.
        var (_, found) = await Send($"{Api}/search?q={Uri.EscapeDataString("Гурьев")}&take=50", "ru");
        Assert.Contains(AtyrauHouse, found);
    }

    [Fact]
    public async Task An_exhibition_renders_its_itinerary_with_stop_dates_and_venues_in_the_request_culture()
    {
        var (_, body) = await Send($"{Api}/content/item/{Exhibition}", "ru");
        var itinerary = JsonDocument.Parse(body).RootElement.GetProperty("properties").GetProperty("itinerary").EnumerateArray().ToList();
        Assert.Equal([AstanaStop, AlmatyStop], itinerary.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("2026-03-01", itinerary[0].GetProperty("openingDate").GetString());
        Assert.Equal("2026-05-31", itinerary[0].GetProperty("closingDate").GetString());
        Assert.Equal("Выставочный зал Дома дружбы, Алматы (образец)", itinerary[1].GetProperty("venue").GetProperty("name").GetString());
        var (_, narrowed) = await Send($"{Api}/content/item/{Exhibition}?fields=properties[title]", "ru");
        Assert.False(JsonDocument.Parse(narrowed).RootElement.GetProperty("properties").TryGetProperty("itinerary", out _));
    }

    [Theory]
    [InlineData("filter=onView:2026-02-30")]
    [InlineData("filter=onView:tomorrow")]
    [InlineData("filter=onView>:2026-01-01")]
    [InlineData("filter=onViewAt:hall")]
    [InlineData("filter=place:Almaty")]
    [InlineData("filter=place:")]
    public async Task Malformed_filters_are_refused(string query)
    {
        var (status, body) = await Send($"{Api}/content?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("filter", body);
    }
}
