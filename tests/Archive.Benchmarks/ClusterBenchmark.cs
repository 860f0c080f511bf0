using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Archive.Benchmarks;

/// Three nodes on PostgreSQL and Azurite behind nginx (tests/scripts/cluster.sh), on the demo catalogue:
/// - propagation: a publish on node 1 until nodes 2 and 3 serve it (p50/p99);
/// - the load balancer's cost: the same closed-loop load on Delivery items straight to node 1, then through nginx;
/// - the cluster's peak under a realistic mix (Delivery reads, search, site pages, IIIF tiles, 1 % writes), then a soak
///   at 70 % of that peak, open loop: errors, p50/p99 and every node's resident memory, minute by minute.
/// On a 2-core machine the nodes share two cores: throughput per node is the cost of the cluster, not scale-out.
public static class ClusterBenchmark
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Delivery = "/umbraco/delivery/api/v2";
    private const int Base = 58300;
    private const string ClientId = "umbraco-back-office-benchmark";
    private const string Secret = "Cluster-Benchmark-Secret-2026-0123456789";

    public static async Task<int> RunAsync(int seconds, int soakMinutes, int publishes)
    {
        var root = DeliveryBenchmark.RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "archive-cluster-bench");
        var script = Path.Combine(root, "tests", "scripts", "cluster.sh");
        var dll = Path.Combine(root, "src", "Archive.Web", "bin", "Release", "net10.0", "Archive.Web.dll");
        await Script(script, dll, "stop", folder);
        var watch = Stopwatch.StartNew();
        var (code, output) = await Script(script, dll, "start", folder, "3");
        if (code != 0)
            throw new InvalidOperationException("The cluster did not start: " + output);
        Console.WriteLine($"Cluster of 3 nodes on PostgreSQL and Azurite behind nginx, demo catalogue: ready in {watch.Elapsed.TotalSeconds:F0} s");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Archive__Database__Provider"] = "PostgreSQL",
                ["ConnectionStrings__Archive"] = $"Host=127.0.0.1;Port={Base + 20};Username=postgres;Database=archive",
                ["Archive__DataPath"] = Path.Combine(folder, "cli"),
            };
            await ArchiveCli.RunAsync(environment, Secret, "users", "create-api-client", "--client-id", ClientId, "--role", "administrator");
            var token = await TokenAsync(Node(1));
            var items = await ArtefactsAsync(Node(1));
            _writable = items;
            Console.WriteLine($"{items.Count} published artefacts, {items.Sum(i => i.Images.Count)} images");

            await PropagationAsync(token, items, publishes);
            await BalancerOverheadAsync(items, seconds);
            var peak = await PeakAsync(token, items, seconds);
            await SoakAsync(token, items, folder, peak * 0.7, soakMinutes);
        }
        finally
        {
            await Script(script, dll, "stop", folder);
        }
        return 0;
    }

    private static Uri Node(int i) => new($"http://127.0.0.1:{Base + i}");

    private static Uri Balancer => new($"http://127.0.0.1:{Base}");

    private sealed record Artefact(string Id, string Name, List<string> Images);

    private static async Task PropagationAsync(string token, List<Artefact> items, int publishes)
    {
        using var writer = Client(Node(1), token);
        using var two = Client(Node(2));
        using var three = Client(Node(3));
        var delays = new Dictionary<int, List<double>> { [2] = [], [3] = [] };
        var target = items[0];
        for (var i = 0; i < publishes; i++)
        {
            var name = $"{target.Name} · {i}";
            var document = JsonDocument.Parse(await writer.GetStringAsync($"{Api}/document/{target.Id}")).RootElement;
            var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(document.GetRawText())!;
            body["variants"] = JsonSerializer.SerializeToElement(document.GetProperty("variants").EnumerateArray()
                .Select(v => new { culture = v.GetProperty("culture").GetString(), segment = (string?)null, name = v.GetProperty("culture").GetString() == "en" ? name : v.GetProperty("name").GetString() }));
            (await writer.PutAsJsonAsync($"{Api}/document/{target.Id}", body)).EnsureSuccessStatusCode();
            (await writer.PutAsJsonAsync($"{Api}/document/{target.Id}/publish", new { publishSchedules = new[] { new { culture = "en" } } })).EnsureSuccessStatusCode();
            var published = Stopwatch.GetTimestamp();
            await Task.WhenAll(delays.Keys.Select(async node =>
            {
                var client = node == 2 ? two : three;
                while (true)
                {
                    var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/content/item/{target.Id}") { Headers = { { "Accept-Language", "en" } } });
                    if (response.IsSuccessStatusCode && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString() == name)
                        break;
                    await Task.Delay(5);
                }
                lock (delays)
                    delays[node].Add(Stopwatch.GetElapsedTime(published).TotalMilliseconds);
            }));
        }
        foreach (var (node, values) in delays)
            Console.WriteLine($"Publish on node 1 → served by node {node} (Delivery API, {values.Count} publishes): p50 {Stats.Percentile(values, 50):F0} ms, p99 {Stats.Percentile(values, 99):F0} ms, max {values.Max():F0} ms");
    }

    private static async Task BalancerOverheadAsync(List<Artefact> items, int seconds)
    {
        var paths = items.Select(i => $"{Delivery}/content/item/{i.Id}").ToList();
        var direct = await ClosedLoopAsync(Node(1), [.. paths.Select(p => new Request(p, null))], 16, seconds, null);
        var through = await ClosedLoopAsync(Balancer, [.. paths.Select(p => new Request(p, null))], 16, seconds, null);
        Console.WriteLine($"Delivery items, 16 connections, {seconds} s each: straight to node 1 {direct.PerSecond:N0} req/s (p50 {direct.P50:F1} ms, p99 {direct.P99:F1} ms); " +
            $"through nginx to 3 nodes {through.PerSecond:N0} req/s (p50 {through.P50:F1} ms, p99 {through.P99:F1} ms), {through.PerSecond / 3:N0} per node; " +
            $"ratio {through.PerSecond / direct.PerSecond:F2}× the single node's throughput, p50 +{through.P50 - direct.P50:F1} ms");
    }

    private sealed record Request(string Path, string? Write);

    private static List<Request> Mix(List<Artefact> items)
    {
        var words = new[] { "dombra", "chest", "kobyz", "ornament", "Pushkin", "Абай", "ковёр", "Shevchenko", "silver", "tumar" };
        var images = items.SelectMany(i => i.Images).ToList();
        var mix = new List<Request>();
        for (var i = 0; i < 100; i++)
        {
            var item = items[i % items.Count];
            mix.Add(i switch
            {
                < 50 => new Request(i % 5 == 0 ? $"{Delivery}/content?filter=contentType:artefact&skip={i % 40}&take=20" : $"{Delivery}/content/item/{item.Id}", null),
                < 70 => new Request($"{Delivery}/search?q={Uri.EscapeDataString(words[i % words.Length])}", null),
                < 90 => new Request($"/en/item/{item.Id}", null),
                < 99 => new Request(images.Count == 0 ? $"{Delivery}/content/item/{item.Id}" : $"/iiif/3/{images[i % images.Count]}/0,0,256,256/256,/0/default.jpg", null),
                _ => new Request("", "write"),
            });
        }
        return mix;
    }

    /// What failed since the last breakdown, by kind (then forgotten).
    private static string Breakdown()
    {
        var text = Failures.IsEmpty ? "  no failures" : "  failures: " + string.Join(", ", Failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} × {f.Value}"));
        Failures.Clear();
        return text;
    }

    private static async Task<double> PeakAsync(string token, List<Artefact> items, int seconds)
    {
        var run = await ClosedLoopAsync(Balancer, Mix(items), 32, seconds, token);
        Console.WriteLine(Breakdown());
        Console.WriteLine($"Peak through nginx, realistic mix (50 % Delivery, 20 % search, 20 % site pages, 9 % IIIF tiles, 1 % writes), 32 connections: " +
            $"{run.PerSecond:N0} req/s, p50 {run.P50:F1} ms, p99 {run.P99:F1} ms, {run.Errors} errors");
        return run.PerSecond;
    }

    private sealed record LoadRun(double PerSecond, double P50, double P99, int Errors);

    private static async Task<LoadRun> ClosedLoopAsync(Uri target, List<Request> requests, int connections, int seconds, string? token)
    {
        using var client = Client(target, token);
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var i = worker;
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await SendAsync(client, requests[i++ % requests.Count]))
                    Interlocked.Increment(ref errors);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var values = latencies.ToList();
        return new LoadRun(values.Count / stop.Elapsed.TotalSeconds, Stats.Percentile(values, 50), Stats.Percentile(values, 99), errors);
    }

    private static async Task SoakAsync(string token, List<Artefact> items, string folder, double rate, int minutes)
    {
        using var client = Client(Balancer, token);
        var mix = Mix(items);
        Console.WriteLine($"Soak: {minutes} min at {rate:N0} req/s (70 % of the peak), open loop, through nginx");
        Console.WriteLine("minute  requests  errors  p50 ms  p99 ms  node1 MB  node2 MB  node3 MB");
        var interval = TimeSpan.FromSeconds(1 / rate);
        var started = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        long sent = 0;
        var firstMemory = Array.Empty<long>();
        long[] lastMemory = [];
        var totalErrors = 0;
        for (var minute = 1; minute <= minutes; minute++)
        {
            var latencies = new ConcurrentBag<double>();
            var errors = 0;
            var end = TimeSpan.FromMinutes(minute);
            while (started.Elapsed < end)
            {
                // Open loop: requests leave on schedule whether or not earlier ones have come back.
                var due = TimeSpan.FromTicks(interval.Ticks * sent);
                if (due > started.Elapsed)
                    await Task.Delay(due - started.Elapsed > TimeSpan.FromMilliseconds(2) ? due - started.Elapsed : TimeSpan.Zero);
                var request = mix[(int)(sent++ % mix.Count)];
                inFlight.Add(Task.Run(async () =>
                {
                    var at = Stopwatch.GetTimestamp();
                    if (!await SendAsync(client, request))
                        Interlocked.Increment(ref errors);
                    latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                }));
                if (inFlight.Count > 5000)
                    inFlight.RemoveAll(t => t.IsCompleted);
            }
            var memory = Enumerable.Range(1, 3).Select(n => Resident(folder, n)).ToArray();
            if (minute == 2)
                firstMemory = memory;
            lastMemory = memory;
            var values = latencies.ToList();
            totalErrors += errors;
            Console.WriteLine($"{minute,6}  {values.Count,8}  {errors,6}  {Stats.Percentile(values, 50),6:F1}  {Stats.Percentile(values, 99),6:F1}  " +
                string.Join("  ", memory.Select(m => $"{m / 1048576.0,8:F0}")));
        }
        await Task.WhenAll(inFlight);
        Console.WriteLine(Breakdown());
        if (firstMemory.Length == 3)
            Console.WriteLine($"Soak: {totalErrors} errors in {sent:N0} requests; resident memory from minute 2 to the end: " +
                string.Join(", ", Enumerable.Range(0, 3).Select(n => $"node {n + 1} {(lastMemory[n] - firstMemory[n]) * 100.0 / firstMemory[n]:+0.0;-0.0} %")));
    }

    private static List<Artefact> _writable = [];
    private static int _writes;
    private static readonly ConcurrentDictionary<string, int> Failures = new();

    private static bool Fail(string what)
    {
        Failures.AddOrUpdate(what, 1, (_, n) => n + 1);
        return false;
    }

    private static async Task<bool> SendAsync(HttpClient client, Request request)
    {
        try
        {
            if (request.Write is not null)
            {
                // A curator's save and publish of a record, unchanged: a real write through every layer, each time
                // another record (as curators spread over a catalogue), so no two writes meet on one record.
                var id = _writable[Interlocked.Increment(ref _writes) % _writable.Count].Id;
                var path = $"{Api}/document/{id}";
                var document = await client.GetStringAsync(path);
                using var save = await client.PutAsync(path, new StringContent(document, System.Text.Encoding.UTF8, "application/json"));
                if (!save.IsSuccessStatusCode)
                    return Fail($"save {(int)save.StatusCode}");
                using var publish = await client.PutAsJsonAsync($"{path}/publish", new { publishSchedules = new[] { new { culture = "en" } } });
                return publish.IsSuccessStatusCode || Fail($"publish {(int)publish.StatusCode}");
            }
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Path) { Headers = { { "Accept-Language", "en" } } };
            message.Headers.Authorization = null;
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            // A site item address redirects to the item's own address: that is an answer, not an error.
            return (int)response.StatusCode is >= 200 and < 400 || Fail($"{request.Path.Split('?')[0].Split('/').Skip(1).Take(3).Aggregate((a, b) => a + "/" + b)} {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return Fail(ex.GetType().Name);
        }
    }

    private static long Resident(string folder, int node)
    {
        try
        {
            return DeliveryBenchmark.ResidentBytes(int.Parse(File.ReadAllText(Path.Combine(folder, $"node{node}.pid")).Trim()));
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static async Task<List<Artefact>> ArtefactsAsync(Uri node)
    {
        using var client = Client(node);
        var page = JsonDocument.Parse(await client.GetStringAsync($"{Delivery}/content?filter=contentType:artefact&take=100")).RootElement;
        return page.GetProperty("items").EnumerateArray().Select(i => new Artefact(i.GetProperty("id").GetString()!, i.GetProperty("name").GetString()!,
            i.GetProperty("properties").TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array
                ? images.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList() : [])).ToList();
    }

    private static async Task<string> TokenAsync(Uri node)
    {
        using var client = Client(node);
        var response = await client.PostAsync($"{Api}/security/back-office/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["client_secret"] = Secret,
        }));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private static HttpClient Client(Uri target, string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 256 }) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(int Code, string Output)> Script(string script, string dll, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["CLUSTER_PORT"] = Base.ToString();
        start.Environment["ARCHIVE_WEB_DLL"] = dll;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
