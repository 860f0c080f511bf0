using System.Net;
using System.Text.Json;

namespace Archive.Integration.Tests.Harvesting;

/// IIIF Change Discovery 1.0: the stream is an OrderedCollection of pages, newest last; publishing, withdrawing and
/// renaming add Update and Delete activities at its end, for manifests and for the collections holding them.
public sealed class ChangeDiscoveryTests(HarvestHost host) : IClassFixture<HarvestHost>
{
    private async Task<JsonElement> Json(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://aggregator.example");
        var response = await host.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<List<JsonElement>> AllActivities()
    {
        var collection = await Json("/iiif/discovery/changes");
        var activities = new List<JsonElement>();
        var next = collection.GetProperty("first").GetProperty("id").GetString();
        while (next is not null)
        {
            var page = await Json(next.Replace("http://localhost", ""));
            Assert.Equal("OrderedCollectionPage", page.GetProperty("type").GetString());
            Assert.Equal(activities.Count, page.GetProperty("startIndex").GetInt32());
            activities.AddRange(page.GetProperty("orderedItems").EnumerateArray());
            next = page.TryGetProperty("next", out var link) ? link.GetProperty("id").GetString() : null;
        }
        Assert.Equal(collection.GetProperty("totalItems").GetInt32(), activities.Count);
        return activities;
    }

    [Fact]
    public async Task The_stream_creates_every_public_manifest_and_collection_and_names_its_pages()
    {
        var collection = await Json("/iiif/discovery/changes");
        Assert.Equal("http://iiif.io/api/discovery/1/context.json", collection.GetProperty("@context").GetString());
        Assert.Equal("OrderedCollection", collection.GetProperty("type").GetString());
        Assert.Equal("http://localhost/iiif/discovery/changes", collection.GetProperty("id").GetString());
        var activities = await AllActivities();
        var created = activities.Where(a => a.GetProperty("type").GetString() == "Create").Select(a => a.GetProperty("object").GetProperty("id").GetString()).ToHashSet();
        foreach (var key in host.PublicArtefacts())
            Assert.Contains($"http://localhost/iiif/3/manifest/{key}", created);
        Assert.Contains($"http://localhost/iiif/3/collection/{HarvestHost.KoreanCollection}", created);
        Assert.All(activities, a => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", a.GetProperty("endTime").GetString()!));
        var last = await Json(collection.GetProperty("last").GetProperty("id").GetString()!.Replace("http://localhost", ""));
        Assert.False(last.TryGetProperty("next", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/iiif/discovery/changes/page/99999")).StatusCode);
    }

    [Fact]
    public async Task A_change_is_an_update_at_the_end_and_a_withdrawal_a_delete()
    {
        var before = (await AllActivities()).Count;
        var keys = host.PublicArtefacts().Select(k => k.ToString()).Where(k => k != HarvestHost.Chest).Take(2).ToList();
        await host.RenameAsync(keys[0], "en", "Renamed for the aggregators");
        await host.MakePrivateAsync(keys[1]);
        var activities = await AllActivities();
        var added = activities.Skip(before).ToList();
        Assert.Contains(added, a => a.GetProperty("type").GetString() == "Update" && a.GetProperty("object").GetProperty("id").GetString() == $"http://localhost/iiif/3/manifest/{keys[0]}");
        var delete = added.Single(a => a.GetProperty("object").GetProperty("id").GetString() == $"http://localhost/iiif/3/manifest/{keys[1]}");
        Assert.Equal("Delete", delete.GetProperty("type").GetString());
        Assert.Equal("Manifest", delete.GetProperty("object").GetProperty("type").GetString());
        // Its collection lost a member: the collection changed too.
        Assert.Contains(added, a => a.GetProperty("type").GetString() == "Update" && a.GetProperty("object").GetProperty("type").GetString() == "Collection");
        // The manifest itself is gone.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/iiif/3/manifest/{keys[1]}")).StatusCode);
        var activity = await Json(delete.GetProperty("id").GetString()!.Replace("http://localhost", ""));
        Assert.Equal("Delete", activity.GetProperty("type").GetString());
    }
}
