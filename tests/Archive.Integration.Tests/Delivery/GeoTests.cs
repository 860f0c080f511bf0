using System.Net;
using System.Text.Json;
using Archive.Data.Content;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Delivery;

/// `/geo`: the demo's public places as GeoJSON (RFC 7946) — Houses of Friendship in every region, museums, venues,
/// the touring exhibition's stops with their dates and two tourist routes — narrowed by kind, exhibition and day,
/// named in the request culture, refusing bad parameters with the parameter named, and following what is published.
public sealed class GeoTests(GeoTests.Host host) : IClassFixture<GeoTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync() => Client = await ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private const string Geo = "/umbraco/delivery/api/v2/geo";
    private const string Exhibition = "4d2242f4-308d-fd31-2629-f9e9300e1069";
    private const string AstanaStop = "6ee8018d-3427-ed92-607f-448dfa37d97d", AlmatyStop = "1a21842f-8222-e867-fff6-def846d349b0";
    private const string AstanaHall = "224b8b1c-691d-2b02-a42d-3d8528fd2dbc";
    private const string KoreanAssociation = "d721f340-ca32-84a9-45d3-f93e4425821e";
    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Send(string url, string culture = "en", HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Language", culture);
        var response = await (client ?? host.Client).SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<List<JsonElement>> Features(string query = "", string culture = "en", HttpClient? client = null)
    {
        var (status, body, response) = await Send(Geo + query, culture, client);
        Assert.True(status == HttpStatusCode.OK, $"{query}: {(int)status} {body}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        return root.GetProperty("features").EnumerateArray().ToList();
    }

    private static string Kind(JsonElement feature) => feature.GetProperty("properties").GetProperty("kind").GetString()!;
    private static string Id(JsonElement feature) => feature.GetProperty("id").GetString()!;
    private static string Name(JsonElement feature) => feature.GetProperty("properties").GetProperty("name").GetString()!;

    private static IEnumerable<(double Longitude, double Latitude)> Positions(JsonElement geometry) => geometry.GetProperty("type").GetString() switch
    {
        "Point" => [Position(geometry.GetProperty("coordinates"))],
        "LineString" => geometry.GetProperty("coordinates").EnumerateArray().Select(Position).ToList(),
        var other => throw new Xunit.Sdk.XunitException($"unexpected geometry {other}"),
    };

    private static (double, double) Position(JsonElement position)
    {
        Assert.Equal(2, position.GetArrayLength());
        return (position[0].GetDouble(), position[1].GetDouble());
    }

    [Fact]
    public async Task Every_public_place_is_a_feature_with_longitude_first_and_one_House_of_Friendship_per_region_and_city_of_republican_significance()
    {
        var features = await Features();
        Assert.All(features, f =>
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            Assert.True(Guid.TryParse(Id(f), out _));
            Assert.All(Positions(f.GetProperty("geometry")), p => Assert.True(p.Longitude is >= -180 and <= 180 && p.Latitude is >= -90 and <= 90));
        });
        Assert.Equal(["houseOfFriendship", "museum", "route", "stop", "venue"], features.Select(Kind).Distinct().Order());
        // Astana lies at about 51° north, 71° east: longitude comes first.
        var astana = Positions(features.Single(f => Id(f) == AstanaHall).GetProperty("geometry")).Single();
        Assert.InRange(astana.Longitude, 71, 72);
        Assert.InRange(astana.Latitude, 51, 52);

        var friendship = features.Where(f => Kind(f) == "houseOfFriendship").ToList();
        Assert.Equal(20, friendship.Count);
        Assert.Equal(17, friendship.Count(f => Name(f).EndsWith(" Region", StringComparison.Ordinal)));
        foreach (var city in new[] { "Astana", "Almaty", "Shymkent" })
            Assert.Contains(friendship, f => Name(f) == $"House of Friendship, {city}");
        Assert.All(friendship, f => Assert.True(f.GetProperty("properties").TryGetProperty("place", out _), Name(f)));
        Assert.All(await Features("?kind=houseOfFriendship", "kk"), f => Assert.EndsWith("Достық үйі", Name(f)));
        Assert.All(await Features("?kind=houseOfFriendship", "ru"), f => Assert.StartsWith("Дом дружбы", Name(f)));
        // An association's private collection is no place on the public map.
        Assert.DoesNotContain(features, f => Id(f) == KoreanAssociation);
    }

    [Fact]
    public async Task Routes_are_line_strings_through_their_stops_in_order_and_stops_carry_their_exhibition_venue_and_dates()
    {
        var routes = await Features("?kind=route");
        Assert.Equal(2, routes.Count);
        foreach (var route in routes)
        {
            var stops = route.GetProperty("properties").GetProperty("stops").EnumerateArray().ToList();
            Assert.Equal(stops.Count, Positions(route.GetProperty("geometry")).Count());
            Assert.True(stops.Count >= 2);
            Assert.All(stops, s => Assert.Contains(s.GetProperty("kind").GetString(), new[] { "museum", "houseOfFriendship", "venue" }));
        }
        var silkRoad = routes.Single(r => Name(r).StartsWith("Houses of Friendship on the Silk Road", StringComparison.Ordinal));
        Assert.Equal(["House of Friendship, Turkistan Region", "House of Friendship, Shymkent", "House of Friendship, Jambyl Region", "House of Friendship, Almaty", "House of Friendship, Jetisu Region"],
            silkRoad.GetProperty("properties").GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var stops2 = await Features("?kind=stop", "ru");
        var astana = stops2.Single(f => Id(f) == AstanaStop).GetProperty("properties");
        Assert.Equal("2026-03-01", astana.GetProperty("openingDate").GetString());
        Assert.Equal("2026-05-31", astana.GetProperty("closingDate").GetString());
        Assert.Equal(Exhibition, astana.GetProperty("exhibition").GetProperty("id").GetString());
        Assert.Equal(AstanaHall, astana.GetProperty("venue").GetProperty("id").GetString());
        Assert.Equal("Выставочный зал Дома дружбы, Астана (образец)", astana.GetProperty("venue").GetProperty("name").GetString());
        Assert.StartsWith("Вторник — воскресенье, 10:00–18:00", astana.GetProperty("openingHours").GetString());
        Assert.Equal(["museum", "venue"], (await Features("?kind=museum,venue")).Select(Kind).Distinct().Order());
    }

    [Theory]
    [InlineData("2026-04-01", AstanaStop)]
    [InlineData("2026-05-31", AstanaStop)] // the closing day is a day on view
    [InlineData("2026-09-15", AlmatyStop)]
    [InlineData("2026-06-01", null)]
    public async Task On_view_narrows_to_the_stops_open_that_day_and_the_places_they_are_at(string day, string? stop)
    {
        var features = await Features($"?onView={day}");
        Assert.Equal(stop is null ? [] : [stop], features.Where(f => Kind(f) == "stop").Select(Id));
        Assert.DoesNotContain(features, f => Kind(f) == "route");
        Assert.Equal(stop is null ? 0 : 1, features.Count(f => Kind(f) == "venue"));
        Assert.Equal(features.Count(f => Kind(f) == "stop"), features.Count(f => Kind(f) != "stop"));
    }

    [Fact]
    public async Task An_exhibition_narrows_to_its_stops_and_an_unknown_one_to_nothing()
    {
        Assert.Equal([AstanaStop, AlmatyStop], (await Features($"?exhibition={Exhibition}&kind=stop")).Select(Id));
        Assert.Empty(await Features($"?exhibition={Guid.NewGuid()}"));
    }

    [Theory]
    [InlineData("?kind=castle", "kind")]
    [InlineData("?kind=stop,", null)]
    [InlineData("?exhibition=astana", "exhibition")]
    [InlineData("?onView=2026-13-01", "onView")]
    [InlineData("?onView=01.04.2026", "onView")]
    [InlineData("?onView=2026-4-1", "onView")]
    public async Task Bad_parameters_are_refused_naming_the_parameter(string query, string? parameter)
    {
        var (status, body, _) = await Send(Geo + query);
        if (parameter is null)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(parameter, JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString());
        var (unknown, _, _) = await Send(Geo, "xx");
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
    }

    [Fact]
    public async Task A_place_taken_off_the_public_site_leaves_the_map_and_the_routes_through_it()
    {
        // A host of its own: the shared one's catalogue stays as the demo has it.
        await using var own = new ArchiveHostFactory();
        var client = await own.ReadyClientAsync();
        var silkRoad = (await Features("?kind=route", client: client)).Single(r => Name(r).StartsWith("Houses of Friendship on the Silk Road", StringComparison.Ordinal));
        var taraz = silkRoad.GetProperty("properties").GetProperty("stops")[2].GetProperty("id").GetGuid();
        using (var scope = own.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentService>().UnpublishAsync(taraz, null, "curator")).Succeeded);

        var deadline = DateTime.UtcNow.AddSeconds(45);
        List<JsonElement> features;
        while ((features = await Features(client: client)).Any(f => Id(f) == taraz.ToString()))
        {
            Assert.True(DateTime.UtcNow < deadline, "the unpublished House of Friendship is still on the map");
            await Task.Delay(200);
        }
        var route = features.Single(f => Id(f) == Id(silkRoad));
        Assert.Equal(4, route.GetProperty("properties").GetProperty("stops").GetArrayLength());
        Assert.Equal(4, Positions(route.GetProperty("geometry")).Count());
        Assert.DoesNotContain(taraz.ToString(), route.GetRawText());

        // A stop taken off leaves the map and its exhibition's itinerary.
        using (var scope = own.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentService>().UnpublishAsync(Guid.Parse(AlmatyStop), null, "curator")).Succeeded);
        while ((await Features("?kind=stop", client: client)).Any(f => Id(f) == AlmatyStop))
        {
            Assert.True(DateTime.UtcNow < deadline.AddSeconds(45), "the unpublished stop is still on the map");
            await Task.Delay(200);
        }
        var (_, exhibition, _) = await Send($"/umbraco/delivery/api/v2/content/item/{Exhibition}", "en", client);
        Assert.Equal([AstanaStop], JsonDocument.Parse(exhibition).RootElement.GetProperty("properties").GetProperty("itinerary").EnumerateArray()
            .Select(s => s.GetProperty("id").GetString()));
    }
}
