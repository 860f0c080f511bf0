using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Integration.Tests.Management;

namespace Archive.Integration.Tests.Cluster;

/// Every node keeps answers (the Delivery API's and the site's output caches, its kept item responses); a change made
/// on one node evicts them on every other as it arrives, well before they would expire.
public sealed partial class ClusterTests
{
    [Fact]
    public async Task A_change_published_on_one_node_replaces_what_every_other_node_had_kept()
    {
        var token = await cluster.TokenAsync(1);
        using var one = cluster.Signed(1, token);
        var word = "Dombracache" + Random.Shared.Next(100_000, 999_999);
        var accession = $"CC-{word}";
        var id = await CreateAndPublishAsync(one, accession, $"{word} first");

        async Task<string?> ItemName(HttpClient client)
        {
            var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/content/item/{id}") { Headers = { { "Accept-Language", "en" } } });
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString() : null;
        }

        // The page by the item's permanent address, which redirects to its current route (the route follows the name).
        async Task<string> PageHtml(HttpClient client)
        {
            var page = await client.GetAsync($"/en/item/{id}");
            return await client.GetStringAsync(page.Headers.Location?.OriginalString ?? $"/en/item/{id}");
        }

        var clients = new[] { cluster.Client(2), cluster.Client(3) };
        foreach (var client in clients)
        {
            // Served, and so kept, by both other nodes (twice: the second answer comes from what was kept).
            Assert.Equal($"{word} first", await PollAsync(async () => await ItemName(client) is var name && name == $"{word} first" ? name : null));
            Assert.Equal($"{word} first", await ItemName(client));
            Assert.Contains($"{word} first", await PageHtml(client));
            Assert.Contains($"{word} first", await PageHtml(client));
        }

        var saved = await one.PutAsJsonAsync($"{Api}/document/{id}", new
        {
            values = new object[]
            {
                new { alias = "accessionNumber", culture = (string?)null, segment = (string?)null, value = accession },
                new { alias = "title", culture = "en", segment = (string?)null, value = $"{word} second" },
            },
            variants = new object[] { new { culture = "en", segment = (string?)null, name = $"{word} second" } },
            template = (object?)null,
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await one.PutAsJsonAsync($"{Api}/document/{id}/publish", new { publishSchedules = new[] { new { culture = "en" } } })).StatusCode);

        // Well within the minute the Delivery API's cached answers may otherwise live.
        foreach (var client in clients)
        {
            Assert.Equal($"{word} second", await PollAsync(async () => await ItemName(client) is var name && name == $"{word} second" ? name : null, TimeSpan.FromSeconds(20)));
            Assert.Contains($"{word} second", await PollAsync(async () =>
            {
                var html = await PageHtml(client);
                return html.Contains($"{word} second", StringComparison.Ordinal) ? html : null;
            }, TimeSpan.FromSeconds(20)));
            client.Dispose();
        }
    }
}
