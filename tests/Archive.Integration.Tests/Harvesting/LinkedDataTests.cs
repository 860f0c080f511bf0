using System.Net;
using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Harvesting.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Harvesting;

/// `/id/{key}`: one stable identifier per artefact, person, place and term, negotiating to the page, the Delivery API
/// item or the Linked Art description; nothing the public may not see.
public sealed class LinkedDataTests(HarvestHost host) : IClassFixture<HarvestHost>
{
    private async Task<HttpResponseMessage> Ask(string key, string? accept, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/id/{key}");
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        if (language is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return await host.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData(null, "text/html")]
    [InlineData("*/*", "text/html")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/ld+json", "application/ld+json")]
    [InlineData("application/ld+json;profile=\"https://linked.art/ns/v1/linked-art.json\"", "application/ld+json")]
    [InlineData("application/json;q=0.5, application/ld+json", "application/ld+json")]
    [InlineData("text/html;q=0.1, application/json", "application/json")]
    [InlineData("image/png", "text/html")]
    public void Accept_headers_choose_the_representation(string? accept, string chosen) =>
        Assert.Equal(chosen, IdentifierEndpoint.Negotiate(accept ?? ""));

    [Fact]
    public async Task A_browser_goes_to_the_page_in_its_language_and_a_json_client_to_the_delivery_item()
    {
        var page = await Ask(HarvestHost.Chest, "text/html", "ru-RU,ru;q=0.9,en;q=0.5");
        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.Equal($"http://localhost/ru/item/{HarvestHost.Chest}", page.Headers.Location!.ToString());
        Assert.Contains("Accept", page.Headers.Vary);
        var followed = await host.Client.GetAsync(page.Headers.Location.PathAndQuery);
        Assert.True(followed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.MovedPermanently, $"{followed.StatusCode}");

        var json = await Ask(HarvestHost.Chest, "application/json");
        Assert.Equal(HttpStatusCode.SeeOther, json.StatusCode);
        Assert.Equal($"http://localhost/umbraco/delivery/api/v2/content/item/{HarvestHost.Chest}", json.Headers.Location!.ToString());
        var item = await host.Client.GetAsync(json.Headers.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
    }

    [Fact]
    public async Task An_artefact_is_a_linked_art_human_made_object()
    {
        var response = await Ask(HarvestHost.Chest, "application/ld+json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://linked.art/ns/v1/linked-art.json", body.GetProperty("@context").GetString());
        Assert.Equal($"http://localhost/id/{HarvestHost.Chest}", body.GetProperty("id").GetString());
        Assert.Equal("HumanMadeObject", body.GetProperty("type").GetString());
        var names = body.GetProperty("identified_by").EnumerateArray().Where(n => n.GetProperty("type").GetString() == "Name").ToList();
        Assert.Contains(names, n => n.GetProperty("content").GetString() == "Wooden chest"
            && n.GetProperty("language")[0].GetProperty("id").GetString() == "http://id.loc.gov/vocabulary/iso639-1/en");
        Assert.Contains(names, n => n.GetProperty("content").GetString() == "Деревянный сундук");
        Assert.Contains(body.GetProperty("identified_by").EnumerateArray(), n => n.GetProperty("type").GetString() == "Identifier"
            && n.GetProperty("content").GetString() == "KOR-PC-006"
            && n.GetProperty("classified_as")[0].GetProperty("id").GetString() == "http://vocab.getty.edu/aat/300312355");
        Assert.Equal("Type", body.GetProperty("classified_as")[0].GetProperty("type").GetString());
        Assert.StartsWith("http://localhost/id/", body.GetProperty("made_of")[0].GetProperty("id").GetString());
        var production = body.GetProperty("produced_by");
        Assert.Equal("1930-01-01T00:00:00Z", production.GetProperty("timespan").GetProperty("begin_of_the_begin").GetString());
        Assert.Equal("1939-12-31T23:59:59Z", production.GetProperty("timespan").GetProperty("end_of_the_end").GetString());
        Assert.Equal("Place", production.GetProperty("took_place_at")[0].GetProperty("type").GetString());
        Assert.Equal("Group", body.GetProperty("current_owner")[0].GetProperty("type").GetString());
        Assert.Equal(3, body.GetProperty("dimension").GetArrayLength());
        Assert.Contains("/iiif/3/", body.GetProperty("representation")[0].ToString());
        Assert.Contains(body.GetProperty("subject_of").EnumerateArray(), s => s.ToString().Contains($"/iiif/3/manifest/{HarvestHost.Chest}"));
    }

    [Fact]
    public async Task People_places_and_terms_have_identifiers_too_and_their_links_resolve()
    {
        var response = await Ask(HarvestHost.Chest, "application/ld+json");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var place = body.GetProperty("produced_by").GetProperty("took_place_at")[0].GetProperty("id").GetString()!;
        var placeBody = JsonDocument.Parse(await (await Ask(place.Split('/')[^1], "application/ld+json")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Place", placeBody.GetProperty("type").GetString());
        Assert.StartsWith("POINT(", placeBody.GetProperty("defined_by").GetString());
        var material = body.GetProperty("made_of")[0].GetProperty("id").GetString()!;
        Assert.Equal("Material", JsonDocument.Parse(await (await Ask(material.Split('/')[^1], "application/ld+json")).Content.ReadAsStringAsync()).RootElement
            .GetProperty("type").GetString());
        var cache = host.Services.GetRequiredService<PublishedCache>();
        var person = cache.OfType("person").First(n => !n.IsMedia);
        var personBody = JsonDocument.Parse(await (await Ask(person.Key.ToString(), "application/ld+json")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Person", personBody.GetProperty("type").GetString());
        Assert.NotEmpty(personBody.GetProperty("identified_by").EnumerateArray());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("c8353e9a-ff30-54a7-8ea9-ede5d90e0aa2")] // the demo kiosk: content, but no identifier of its own
    public async Task Unknown_or_unidentified_items_are_not_found(string key)
    {
        foreach (var accept in new[] { "text/html", "application/json", "application/ld+json" })
            Assert.Equal(HttpStatusCode.NotFound, (await Ask(key, accept)).StatusCode);
    }
}
