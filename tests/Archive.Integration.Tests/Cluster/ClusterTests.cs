using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Integration.Tests.Management;

namespace Archive.Integration.Tests.Cluster;

/// Three identical nodes on PostgreSQL and blob storage behind nginx, and the faults such a deployment meets. Each test
/// leaves every node running and ready for the next.
[Collection(ClusterCollection.Name)]
public sealed partial class ClusterTests(ClusterFixture cluster)
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Delivery = "/umbraco/delivery/api/v2";
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_token_and_a_sign_in_cookie_from_one_node_open_every_other_and_every_answer_names_its_node()
    {
        var token = await cluster.TokenAsync(1);
        for (var node = 1; node <= ClusterFixture.Nodes; node++)
        {
            using var signed = cluster.Signed(node, token);
            var me = await signed.GetAsync($"{Api}/user/current");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal($"node{node}", me.Headers.GetValues("X-Archive-Node").Single());
        }

        var cookies = new CookieContainer();
        using (var first = cluster.Client(2, new HttpClientHandler { CookieContainer = cookies }))
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync($"{Api}/security/back-office/login",
                new { username = ClusterFixture.PersonEmail, password = ClusterFixture.PersonPassword })).StatusCode);
        foreach (var node in new[] { 1, 3 })
        {
            // The cookie was issued for the balancer's host name in practice; here each node has its own port on one host.
            var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            foreach (Cookie cookie in cookies.GetAllCookies())
                handler.CookieContainer.Add(cluster.Node(node), new Cookie(cookie.Name, cookie.Value, "/"));
            using var other = cluster.Client(node, handler);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"{Api}/user/current")).StatusCode);
        }
    }

    [Fact]
    public async Task A_file_staged_on_one_node_becomes_media_on_another_and_is_served_by_the_third()
    {
        var token = await cluster.TokenAsync(1);
        using var one = cluster.Signed(1, token);
        using var two = cluster.Signed(2, token);
        var staged = Guid.NewGuid();
        var bytes = MediaUploadApiTests.Jpeg(77);
        Assert.Equal(HttpStatusCode.Created, (await MediaUploadApiTests.Stage(one, staged, bytes, "Cluster amulet.jpg")).StatusCode);
        var created = await MediaUploadApiTests.Create(two, staged, "Cluster amulet " + staged.ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = created.Headers.GetValues("Umb-Generated-Resource").Single();

        using var three = cluster.Client(3);
        var media = await PollAsync(async () =>
        {
            var response = await three.GetAsync($"{Delivery}/media/item/{key}");
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : (JsonElement?)null;
        });
        Assert.Equal(bytes, await three.GetByteArrayAsync(media.GetProperty("url").GetString()));
        // The staged file was used up, on every node.
        Assert.Equal(HttpStatusCode.NotFound, (await one.GetAsync($"{Api}/temporary-file/{staged}")).StatusCode);
    }

    [Fact]
    public async Task A_publish_on_one_node_is_served_by_every_other_in_the_Delivery_API_search_and_the_site()
    {
        var token = await cluster.TokenAsync(1);
        using var one = cluster.Signed(1, token);
        var word = "Kobyzcluster" + Random.Shared.Next(100_000, 999_999);
        var id = await CreateAndPublishAsync(one, $"CL-{word}", $"{word} fiddle");
        foreach (var node in new[] { 2, 3 })
        {
            using var client = cluster.Client(node);
            var item = await PollAsync(async () =>
            {
                var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/content/item/{id}") { Headers = { { "Accept-Language", "en" } } });
                return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : (JsonElement?)null;
            });
            Assert.Equal($"{word} fiddle", item.GetProperty("name").GetString());
            var hits = await PollAsync(async () =>
            {
                var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/search?q={word}") { Headers = { { "Accept-Language", "en" } } });
                var found = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                return found.GetProperty("total").GetInt32() > 0 ? found.Clone() : (JsonElement?)null;
            });
            Assert.Equal(id, hits.GetProperty("items")[0].GetProperty("id").GetString());
            var page = await client.GetAsync($"/en/item/{id}");
            var address = page.Headers.Location?.OriginalString ?? $"/en/item/{id}";
            Assert.Contains($"{word} fiddle", await PollAsync(async () =>
            {
                var html = await client.GetStringAsync(address);
                return html.Contains(word, StringComparison.Ordinal) ? html : null;
            }));
        }
    }

    [Fact]
    public async Task Exactly_one_node_leads_and_another_takes_over_when_it_is_killed()
    {
        var leaders = await LeadersAsync();
        var leader = Assert.Single(leaders);
        await cluster.KillAsync(leader);
        try
        {
            var next = await PollAsync(async () => (await LeadersAsync(except: leader)) is [var one] ? one : (int?)null);
            Assert.NotEqual(leader, next);
        }
        finally
        {
            await cluster.StartAsync(leader);
        }
        Assert.Single(await LeadersAsync());
    }

    [Fact]
    public async Task A_schema_change_made_on_one_node_survives_the_restart_of_another_started_from_the_older_folder()
    {
        var token = await cluster.TokenAsync(1);
        using var one = cluster.Signed(1, token);
        var type = JsonDocument.Parse(await one.GetStringAsync($"{Api}/document-type/{DocumentApiTests.ArtefactType}")).RootElement;
        var description = "Changed on node 1 at " + DateTime.UtcNow.ToString("O");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(type.GetRawText())!;
        body["description"] = JsonSerializer.SerializeToElement(description);
        Assert.Equal(HttpStatusCode.OK, (await one.PutAsJsonAsync($"{Api}/document-type/{DocumentApiTests.ArtefactType}", body)).StatusCode);

        await cluster.KillAsync(2);
        await cluster.StartAsync(2);
        using var two = cluster.Signed(2, token);
        var after = JsonDocument.Parse(await two.GetStringAsync($"{Api}/document-type/{DocumentApiTests.ArtefactType}")).RootElement;
        Assert.Equal(description, after.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_node_killed_in_a_publish_storm_loses_no_acknowledged_write_and_catches_up_on_restart()
    {
        var token = await cluster.TokenAsync(1);
        using var one = cluster.Signed(1, token);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<(string Id, string Title)>();
        var storm = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var title = $"Storm {worker}-{i} {Guid.NewGuid():N}"[..24];
                try
                {
                    var id = await CreateAndPublishAsync(one, $"ST-{Guid.NewGuid():N}"[..20], title);
                    acknowledged.Add((id, title));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
                {
                    return;
                }
            }
        })).ToList();
        await PollAsync(() => Task.FromResult(acknowledged.Count >= 5 ? true : (bool?)null));
        await cluster.KillAsync(1);
        await Task.WhenAll(storm);
        try
        {
            Assert.NotEmpty(acknowledged);
            using var two = cluster.Signed(2, token);
            using var three = cluster.Client(3);
            foreach (var (id, title) in acknowledged)
            {
                // Kept whole: the curator's view of it opens, and the public sees it published.
                Assert.Equal(HttpStatusCode.OK, (await two.GetAsync($"{Api}/document/{id}")).StatusCode);
                var item = await PollAsync(async () =>
                {
                    var response = await three.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/content/item/{id}") { Headers = { { "Accept-Language", "en" } } });
                    return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : (JsonElement?)null;
                });
                Assert.Equal(title, item.GetProperty("name").GetString());
            }
        }
        finally
        {
            await cluster.StartAsync(1);
        }
        using var restarted = cluster.Client(1);
        var last = acknowledged.First();
        Assert.Equal(HttpStatusCode.OK, (await restarted.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/content/item/{last.Id}") { Headers = { { "Accept-Language", "en" } } })).StatusCode);
    }

    [Fact]
    public async Task While_PostgreSQL_restarts_writes_are_503_with_Retry_After_reads_go_on_and_everything_recovers_without_restarting_nodes()
    {
        var token = await cluster.TokenAsync(1);
        using var one = cluster.Signed(1, token);
        using var reader = cluster.Client(0);
        await cluster.RunAsync("stop-postgres");
        try
        {
            var write = await one.PostAsJsonAsync($"{Api}/document", NewArtefact($"PG-{Guid.NewGuid():N}"[..20], "Written while the database is away"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.True(write.Headers.RetryAfter is not null, "Retry-After is missing");
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
            // The published cache answers without the database.
            var read = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/content/item/{DocumentApiTests.Chest}") { Headers = { { "Accept-Language", "en" } } });
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.NotEqual(200, (await cluster.ReadinessAsync(2)).Status);
        }
        finally
        {
            await cluster.RunAsync("start-postgres");
        }
        var id = await PollAsync(async () =>
        {
            var response = await one.PostAsJsonAsync($"{Api}/document", NewArtefact($"PG-{Guid.NewGuid():N}"[..20], "Written after the database came back"));
            return response.StatusCode == HttpStatusCode.Created ? response.Headers.GetValues("Umb-Generated-Resource").Single() : null;
        });
        Assert.NotNull(id);
        for (var node = 1; node <= ClusterFixture.Nodes; node++)
            await cluster.WaitReadyAsync(node);
    }

    [Fact]
    public async Task While_blob_storage_is_away_derivatives_a_node_served_are_still_served_and_uploads_are_503()
    {
        var token = await cluster.TokenAsync(1);
        using var curator = cluster.Signed(2, token);
        using var anonymous = cluster.Client(2);
        var chest = JsonDocument.Parse(await (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/content/item/{DocumentApiTests.Chest}")
        {
            Headers = { { "Accept-Language", "en" } },
        })).Content.ReadAsStringAsync()).RootElement;
        var derivative = chest.GetProperty("properties").GetProperty("images")[0].GetProperty("url").GetString() + "?width=400&format=webp";
        var before = await anonymous.GetByteArrayAsync(derivative);
        await cluster.RunAsync("stop-azurite");
        try
        {
            Assert.Equal(before, await anonymous.GetByteArrayAsync(derivative));
            var staged = await MediaUploadApiTests.Stage(curator, Guid.NewGuid(), MediaUploadApiTests.Jpeg(99), "During the outage.jpg");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, staged.StatusCode);
            Assert.True(staged.Headers.RetryAfter is not null, "Retry-After is missing");
        }
        finally
        {
            await cluster.RunAsync("start-azurite");
        }
        var again = await PollAsync(async () =>
            (await MediaUploadApiTests.Stage(curator, Guid.NewGuid(), MediaUploadApiTests.Jpeg(98), "After the outage.jpg")).StatusCode == HttpStatusCode.Created ? true : (bool?)null);
        Assert.True(again);
    }

    [Fact]
    public async Task A_node_started_with_an_empty_disk_and_killed_while_building_rebuilds_and_joins()
    {
        await cluster.KillAsync(3);
        await cluster.RunAsync("start-node", "3", "--fresh");
        // Killed while it builds its cache and index, then started again on what it had written.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await cluster.KillAsync(3);
        await cluster.StartAsync(3);
        var (status, body) = await cluster.ReadinessAsync(3);
        Assert.Equal(200, status);
        Assert.Equal(body.GetProperty("changeLog").GetProperty("head").GetInt64(), body.GetProperty("changeLog").GetProperty("position").GetInt64());
        using var three = cluster.Client(3);
        var search = await three.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/search?q=самовар") { Headers = { { "Accept-Language", "ru" } } });
        Assert.True(JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, (await three.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/content/item/{DocumentApiTests.Chest}") { Headers = { { "Accept-Language", "en" } } })).StatusCode);
    }

    private async Task<List<int>> LeadersAsync(int except = 0)
    {
        var leaders = new List<int>();
        for (var node = 1; node <= ClusterFixture.Nodes; node++)
        {
            if (node == except)
                continue;
            var (_, body) = await cluster.ReadinessAsync(node);
            if (body.GetProperty("leader").GetBoolean())
                leaders.Add(node);
        }
        return leaders;
    }

    private static object NewArtefact(string accession, string title) => new
    {
        parent = new { id = DocumentApiTests.KoreanCollection },
        documentType = new { id = DocumentApiTests.ArtefactType },
        template = (object?)null,
        values = new object[]
        {
            new { alias = "accessionNumber", culture = (string?)null, segment = (string?)null, value = accession },
            new { alias = "title", culture = "en", segment = (string?)null, value = title },
        },
        variants = new object[] { new { culture = "en", segment = (string?)null, name = title } },
    };

    /// Creates an artefact in the Korean association's collection and publishes it in English; returns its id.
    private static async Task<string> CreateAndPublishAsync(HttpClient client, string accession, string title)
    {
        var created = await client.PostAsJsonAsync($"{Api}/document", NewArtefact(accession, title));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Headers.GetValues("Umb-Generated-Resource").Single();
        var published = await client.PutAsJsonAsync($"{Api}/document/{id}/publish", new { publishSchedules = new[] { new { culture = "en" } } });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    /// Asks until there is an answer (a reference), within the same ceiling.
    private static async Task<T> PollAsync<T>(Func<Task<T?>> attempt, TimeSpan? within = null) where T : class =>
        (await PollAsync(async () => await attempt() is { } found ? new Found<T>(found) : (Found<T>?)null, within)).Value;

    private readonly record struct Found<T>(T Value);

    /// Asks until there is an answer, within a generous ceiling (a loaded machine runs three nodes on two cores).
    private static async Task<T> PollAsync<T>(Func<Task<T?>> attempt, TimeSpan? within = null) where T : struct
    {
        var ceiling = within ?? Ceiling;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await attempt() is { } found)
                    return found;
            }
            catch (HttpRequestException) when (watch.Elapsed < ceiling)
            {
            }
            if (watch.Elapsed > ceiling)
                throw new TimeoutException($"No answer within {ceiling.TotalSeconds} s.");
            await Task.Delay(200);
        }
    }
}
