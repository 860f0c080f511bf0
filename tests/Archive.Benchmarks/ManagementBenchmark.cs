using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Catalogues.Synthetic;
using Archive.Data.USync;
using Archive.Engine.Content;

namespace Archive.Benchmarks;

/// The Management API with N artefacts stored, the archive in its own process: save-draft and
/// publish latency through HTTP beside the same operations through the content service in process
/// (same database, same run); then editors updating different artefacts at once for a while, every
/// write read back at the end to count lost updates.
public static class ManagementBenchmark
{
    private const string Api = "/umbraco/management/api/v1";
    private const string ClientId = "umbraco-back-office-benchmark";
    private const string Secret = "benchmark-secret-0123456789abcdef";

    public static async Task<int> RunAsync(int count, int runs, string provider, string? connection, string schemaFolder, int seconds, int editors)
    {
        var package = new SyntheticCatalogue().Generate(count);
        await using var database = await BenchmarkDatabase.CreateAsync(provider, connection, schemaFolder);
        Console.WriteLine($"Importing {package.Nodes.Count:N0} items ({provider})…");
        await using (var db = database.NewContext())
            await database.Importer(db).ImportAsync(package, new USyncImportOptions { Schema = false }, "benchmark");
        var artefacts = package.Nodes.Where(n => n.ContentTypeAlias == "artefact").Select(n => n.Key).ToList();
        var random = new Random(11);

        var dataPath = Directory.CreateTempSubdirectory("archive-bench-management").FullName;
        var environment = database.HostEnvironment(dataPath);
        await ArchiveCli.RunAsync(environment, Secret, "users", "create-api-client", "--client-id", ClientId, "--role", "curator");
        var port = DeliveryBenchmark.FreePort();
        using var host = DeliveryBenchmark.StartHost(dataPath, database.ConnectionString, port, outputCache: false, environment);
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(1) };
            // Measured once the archive is ready (search index built): start-up work would be counted otherwise.
            await DeliveryBenchmark.WaitAsync(http, $"{baseUrl}/health/ready", TimeSpan.FromMinutes(20));
            var token = await TokenAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // In process, through the content service: the engine's own cost, the baseline.
            var engineSave = new List<double>();
            var enginePublish = new List<double>();
            for (var i = 0; i < runs + 20; i++)
            {
                var key = artefacts[random.Next(artefacts.Count)];
                await using var db = database.NewContext();
                var content = database.Content(db);
                var timer = Stopwatch.StartNew();
                var saved = await content.SaveAsync(key, new ContentEdit { Values = [new ValueEdit("note", "en", $"engine {i}")] }, "benchmark");
                var saveMs = timer.Elapsed.TotalMilliseconds;
                var published = await content.PublishAsync(key, ["en"], "benchmark");
                if (!saved.Succeeded || !published.Succeeded)
                    throw new InvalidOperationException($"{saved} / {published}");
                if (i >= 20)
                {
                    engineSave.Add(saveMs);
                    enginePublish.Add(timer.Elapsed.TotalMilliseconds - saveMs);
                }
            }

            var apiSave = new List<double>();
            var apiPublish = new List<double>();
            for (var i = 0; i < runs + 20; i++)
            {
                var key = artefacts[random.Next(artefacts.Count)];
                var timer = Stopwatch.StartNew();
                var saved = await http.PutAsJsonAsync($"{Api}/document/{key}", new { values = new[] { new { alias = "note", culture = "en", value = $"api {i}" } }, variants = Array.Empty<object>() });
                var saveMs = timer.Elapsed.TotalMilliseconds;
                var published = await http.PutAsJsonAsync($"{Api}/document/{key}/publish", new { publishSchedules = new[] { new { culture = "en" } } });
                if (!saved.IsSuccessStatusCode || !published.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()} / {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
                if (i >= 20)
                {
                    apiSave.Add(saveMs);
                    apiPublish.Add(timer.Elapsed.TotalMilliseconds - saveMs);
                }
            }
            Console.WriteLine($"Save draft and publish through the Management API ({provider}, {count:N0} artefacts stored, {runs} runs each, after 20 warm-up):");
            Report("save draft", apiSave, engineSave);
            Report("publish", apiPublish, enginePublish);
            await PublishToDeliveryAsync(http, artefacts, random, runs, apiPublish);

            await ConcurrentEditorsAsync(http, artefacts, editors, seconds);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            Directory.Delete(dataPath, recursive: true);
        }
        return 0;
    }

    /// What a curator waits for after Save and publish in the back office (the same PUT …/publish): the
    /// time from the publish answer to the Delivery API serving the new value, polled every 5 ms.
    private static async Task PublishToDeliveryAsync(HttpClient http, List<Guid> artefacts, Random random, int runs, List<double> publishLatency)
    {
        var lag = new List<double>();
        for (var i = 0; i < runs + 5; i++)
        {
            var key = artefacts[random.Next(artefacts.Count)];
            var marker = $"served {i} {Guid.NewGuid():N}";
            await http.PutAsJsonAsync($"{Api}/document/{key}", new { values = new[] { new { alias = "note", culture = "en", value = marker } }, variants = Array.Empty<object>() });
            var published = await http.PutAsJsonAsync($"{Api}/document/{key}/publish", new { publishSchedules = new[] { new { culture = "en" } } });
            published.EnsureSuccessStatusCode();
            var timer = Stopwatch.StartNew();
            while (true)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{key}");
                request.Headers.Add("Accept-Language", "en");
                if ((await (await http.SendAsync(request)).Content.ReadAsStringAsync()).Contains(marker))
                    break;
                if (timer.Elapsed > TimeSpan.FromSeconds(30))
                    throw new TimeoutException($"The Delivery API did not serve {key}'s published value within 30 s.");
                await Task.Delay(5);
            }
            if (i >= 5)
                lag.Add(timer.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"  publish → served by the Delivery API: p50 {Stats.Percentile(lag, 50):F0} ms, p99 {Stats.Percentile(lag, 99):F0} ms " +
                          $"({Stats.Percentile(lag, 50) / Stats.Percentile(publishLatency, 50):F1}× the publish call's own p50)");
    }

    private static void Report(string what, List<double> api, List<double> engine) =>
        Console.WriteLine($"  {what,-10} API p50 {Stats.Percentile(api, 50):F2} ms, p99 {Stats.Percentile(api, 99):F2} ms; content service in process p50 {Stats.Percentile(engine, 50):F2} ms, " +
                          $"p99 {Stats.Percentile(engine, 99):F2} ms → API/engine {Stats.Percentile(api, 50) / Stats.Percentile(engine, 50):F2}× at p50");

    /// Each editor updates artefacts of its own (read, then PUT with If-Match) for the given time;
    /// afterwards every artefact is read back and must hold the last value written to it.
    private static async Task ConcurrentEditorsAsync(HttpClient http, List<Guid> artefacts, int editors, int seconds)
    {
        var expected = new ConcurrentDictionary<Guid, string>();
        var errors = new ConcurrentBag<string>();
        var writes = 0;
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, editors).Select(editor => Task.Run(async () =>
        {
            var own = artefacts.Skip(editor * 40).Take(40).ToList();
            for (var n = 0; DateTime.UtcNow < stop; n++)
            {
                var key = own[n % own.Count];
                var read = await http.GetAsync($"{Api}/document/{key}");
                var marker = $"editor {editor} write {n}";
                var put = new HttpRequestMessage(HttpMethod.Put, $"{Api}/document/{key}")
                {
                    Content = JsonContent.Create(new { values = new[] { new { alias = "note", culture = "en", value = marker } }, variants = Array.Empty<object>() }),
                };
                put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag?.Tag);
                var response = await http.SendAsync(put);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }
                expected[key] = marker;
                Interlocked.Increment(ref writes);
            }
        })));
        var elapsed = timer.Elapsed.TotalSeconds;
        var lost = 0;
        foreach (var (key, marker) in expected)
        {
            var document = JsonDocument.Parse(await http.GetStringAsync($"{Api}/document/{key}")).RootElement;
            var note = document.GetProperty("values").EnumerateArray().FirstOrDefault(v => v.GetProperty("alias").GetString() == "note" && v.GetProperty("culture").GetString() == "en");
            if (note.ValueKind == JsonValueKind.Undefined || note.GetProperty("value").GetString() != marker)
                lost++;
        }
        Console.WriteLine($"{editors} editors, each on 40 artefacts of their own, read then PUT with If-Match for {elapsed:F0} s: {writes:N0} saves, {writes / elapsed:N1} saves/s, " +
                          $"{errors.Count} errors, {lost} lost updates of {expected.Count} artefacts read back");
        foreach (var error in errors.Take(3))
            Console.WriteLine($"  error: {error}");
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        var response = await http.PostAsync($"{Api}/security/back-office/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = Secret,
        }));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }
}
