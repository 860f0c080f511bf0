using System.Net;
using System.Text;
using System.Text.Json;
using Archive.Integration.Tests.Management;

namespace Archive.Integration.Tests.Delivery;

/// An artefact's current location on the Delivery API comes from the movement ledger: the nearest public place (a
/// store room is never named; its museum is), an exhibition hall while on view, "in transit" on the road; a
/// movement recorded by a registrar shows at once.
public sealed class WhereaboutsTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    private const string Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce", Onegin = "f26aea2c-363d-85e7-c7b5-3b4377a9239c";
    private const string Engraving = "d9d9ced0-b053-6277-7c6f-37aee4bc1b11", Letter = "1d2354a3-71ce-3641-4676-700b34b549c9";
    private const string AstanaHall = "224b8b1c-691d-2b02-a42d-3d8528fd2dbc";

    private async Task<JsonElement> Properties(string key, string culture = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{key}");
        request.Headers.Add("Accept-Language", culture);
        var response = await host.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("shelf", body);
        return JsonDocument.Parse(body).RootElement.GetProperty("properties").Clone();
    }

    private static string? Text(JsonElement properties, string alias) => properties.TryGetProperty(alias, out var value) ? value.GetString() : null;

    private async Task<JsonElement> Eventually(string key, Func<JsonElement, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var properties = await Properties(key);
            if (done(properties) || attempt == 100)
                return properties;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task An_object_on_view_is_at_its_hall_and_one_at_home_at_its_museum_never_its_shelf()
    {
        Assert.Equal("Exhibition hall of the House of Friendship, Almaty (sample)", Text(await Properties(Dutar), "currentLocation"));
        Assert.Equal("Достық үйінің көрме залы, Алматы (үлгі)", Text(await Properties(Dutar, "kk"), "currentLocation"));
        Assert.Contains("Pushkin", Text(await Properties(Onegin), "currentLocation"));
    }

    [Fact]
    public async Task A_recorded_movement_shows_at_once_and_an_object_on_the_road_is_in_transit()
    {
        var curator = await host.As("curator");
        var now = DateTimeOffset.UtcNow;
        StringContent Body(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
        var arrived = await curator.PostAsync("/umbraco/management/api/v1/archive/movement", Body(new
        {
            @object = Engraving, to = AstanaHall, departed = now.AddHours(-3).ToString("yyyy-MM-ddTHH:mmzzz"), arrived = now.AddHours(-1).ToString("yyyy-MM-ddTHH:mmzzz"), reason = "exhibition",
        }));
        Assert.Equal(HttpStatusCode.Created, arrived.StatusCode);
        Assert.StartsWith("Exhibition hall of the House of Friendship, Astana", Text(await Eventually(Engraving, p => Text(p, "currentLocation")?.Contains("Astana") == true), "currentLocation"));

        var onTheRoad = await curator.PostAsync("/umbraco/management/api/v1/archive/movement", Body(new
        {
            @object = Letter, to = AstanaHall, departed = now.AddHours(-1).ToString("yyyy-MM-ddTHH:mmzzz"), arrived = now.AddDays(2).ToString("yyyy-MM-ddTHH:mmzzz"), reason = "exhibition",
        }));
        Assert.Equal(HttpStatusCode.Created, onTheRoad.StatusCode);
        var moving = await Eventually(Letter, p => p.TryGetProperty("inTransit", out _));
        Assert.True(moving.GetProperty("inTransit").GetBoolean());
        Assert.Null(Text(moving, "currentLocation"));
    }
}

/// A stop's own credit line and its wall labels (children of the stop, per object, in every language), and a loan's
/// "no photography" on the objects it lends, as the Delivery API gives them to kiosks and sites.
public sealed class StopLabelTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    private const string AlmatyStop = "1a21842f-8222-e867-fff6-def846d349b0", Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce";
    private const string PaintedBowl = "62b4f327-8b1d-da2d-9768-2799e6592d24", Onegin = "f26aea2c-363d-85e7-c7b5-3b4377a9239c";

    private async Task<JsonElement> Get(string path, string culture)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/umbraco/delivery/api/v2/" + path);
        request.Headers.Add("Accept-Language", culture);
        var response = await host.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_stop_has_its_credit_line_and_labels_in_every_language()
    {
        Assert.Equal("Алматыда Алматы Достық үйімен бірге көрсетіледі (үлгі)", (await Get($"content/item/{AlmatyStop}", "kk")).GetProperty("properties").GetProperty("creditLine").GetString());
        var labels = await Get($"content?fetch=children:{AlmatyStop}&filter=contentType:objectLabel", "ru");
        Assert.Equal(2, labels.GetProperty("total").GetInt32());
        var dutar = labels.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("properties").GetProperty("object")[0].GetProperty("id").GetString() == Dutar);
        Assert.StartsWith("Дутар. В Алматы", dutar.GetProperty("properties").GetProperty("labelText").GetString());
    }

    [Fact]
    public async Task An_object_lent_without_photography_says_so()
    {
        Assert.True((await Get($"content/item/{PaintedBowl}", "en")).GetProperty("properties").GetProperty("noPhotography").GetBoolean());
        Assert.False((await Get($"content/item/{Onegin}", "en")).GetProperty("properties").TryGetProperty("noPhotography", out _));
    }
}
