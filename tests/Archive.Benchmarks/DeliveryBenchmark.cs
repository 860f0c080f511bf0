using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Archive.Catalogues.Synthetic;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Data.USync;
using Archive.Engine.Editors;
using Archive.Engine.USync;
using Archive.Media.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Archive.Benchmarks;

/// The Delivery API under load (wrk, loopback, 2 connections) beside a minimal Kestrel endpoint that
/// returns a fixed JSON body of the same size, measured in the same run: item by id, a page-of-20
/// query, start-up time to the first 200 and resident memory, with N synthetic artefacts × 3 cultures.
public static partial class DeliveryBenchmark
{
    public static async Task<int> RunAsync(int count, string schemaFolder, int seconds, bool outputCache, int keptMegabytes = 256, string? keep = null)
    {
        if (!File.Exists("/usr/bin/wrk"))
            throw new InvalidOperationException("wrk is needed (apt-get install -y wrk).");
        // A kept folder is imported into once and reused (with its index and cache file) by the next run of the same count.
        var dataPath = keep is not null ? Directory.CreateDirectory(keep).FullName : Directory.CreateTempSubdirectory("archive-bench-delivery").FullName;
        var imported = Path.Combine(dataPath, $"imported-{count}");
        var package = new SyntheticCatalogue().Generate(count);
        var connection = $"Data Source={Path.Combine(dataPath, "archive.db")}";
        var options = new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connection, x => x.MigrationsAssembly("Archive.Data.Sqlite")).UseArchiveDefaults().Options;
        if (File.Exists(imported))
            Console.WriteLine($"Reusing the {package.Nodes.Count:N0} items imported into {dataPath}");
        else
        {
            if (File.Exists(Path.Combine(dataPath, "archive.db")))
                throw new InvalidOperationException($"{dataPath} holds an unfinished or different import: empty it first.");
            Console.WriteLine($"Importing {package.Nodes.Count:N0} items into SQLite…");
            await using var db = new ArchiveDbContext(options);
            await db.Database.MigrateAsync();
            var importer = new USyncImporter(db, new SchemaStore(), PropertyEditors.Default, new MediaImportTarget(new FileSystemMediaStore(Path.Combine(dataPath, "media"))),
                new ContentOptions(), TimeProvider.System);
            await importer.ImportAsync(USyncFolderReader.Read(schemaFolder), new USyncImportOptions { Content = false }, "benchmark");
            await importer.ImportAsync(package, new USyncImportOptions { Schema = false }, "benchmark");
            await File.WriteAllTextAsync(imported, DateTime.UtcNow.ToString("O"));
        }
        SqliteConnection.ClearAllPools();

        var artefacts = package.Nodes.Where(n => n.ContentTypeAlias == "artefact").Select(n => n.Key).ToList();
        var collections = package.Nodes.Where(n => n.ContentTypeAlias == "collection").Select(n => n.Key).ToList();
        var random = new Random(7);
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var metricsPort = FreePort();
        var host = StartHost(dataPath, connection, port, outputCache, new Dictionary<string, string>
        {
            ["Archive__Delivery__Cache__MaxMegabytes"] = keptMegabytes.ToString(CultureInfo.InvariantCulture),
            ["Archive__Telemetry__PrometheusUrl"] = $"http://127.0.0.1:{metricsPort}/metrics",
        });
        try
        {
            var started = Stopwatch.StartNew();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var probe = $"{baseUrl}/umbraco/delivery/api/v2/content/item/{artefacts[0]}";
            var firstItem = await WaitAsync(http, probe, TimeSpan.FromMinutes(30));
            // Both from the host's start: ready is waited for once the first item answered.
            // At 1M the first start builds the search index from the database: about half an hour here.
            var ready = firstItem + await WaitAsync(http, $"{baseUrl}/health/ready", TimeSpan.FromMinutes(90));
            Console.WriteLine($"Start-up ({package.Nodes.Count:N0} items): first 200 for an item after {firstItem.TotalSeconds:F1} s, ready (search index built) after {ready.TotalSeconds:F1} s");

            var itemPaths = Enumerable.Range(0, 2000).Select(_ => $"/umbraco/delivery/api/v2/content/item/{artefacts[random.Next(artefacts.Count)]}").ToList();
            var queryPaths = Enumerable.Range(0, 500).Select(_ =>
                $"/umbraco/delivery/api/v2/content?fetch=children:{collections[random.Next(collections.Count)]}&filter=contentType:artefact&sort=name:asc&take=20&skip={random.Next(5) * 20}").ToList();
            var itemBody = await http.GetByteArrayAsync(probe);
            var queryBody = await http.GetByteArrayAsync(baseUrl + queryPaths[0]);
            await using var itemBaseline = await MinimalEndpoint.StartAsync(itemBody);
            await using var queryBaseline = await MinimalEndpoint.StartAsync(queryBody);
            // Warm every path once, then measure each beside its own baseline.
            await Wrk(itemBaseline.Url, ["/fixed"], 3);
            await Wrk(baseUrl, itemPaths, 3);
            await Wrk(baseUrl, queryPaths, 3);
            var itemFixed = await Wrk(itemBaseline.Url, ["/fixed"], seconds);
            var itemRun = await Wrk(baseUrl, itemPaths, seconds);
            var queryFixed = await Wrk(queryBaseline.Url, ["/fixed"], seconds);
            var queryRun = await Wrk(baseUrl, queryPaths, seconds);
            var rss = ResidentBytes(host.Id);

            Console.WriteLine($"Item by id ({itemPaths.Count:N0} random artefacts, Accept-Language en, {itemBody.Length:N0} bytes): {itemRun.RequestsPerSecond:N0} req/s, p50 {itemRun.P50:F2} ms, p99 {itemRun.P99:F2} ms; " +
                              $"minimal endpoint with the same body {itemFixed.RequestsPerSecond:N0} req/s (p99 {itemFixed.P99:F2} ms) → {itemRun.RequestsPerSecond / itemFixed.RequestsPerSecond:P0} (targets ≥ 60 %, p99 < 10 ms)");
            Console.WriteLine($"Query, page of 20 ({queryPaths.Count} random collection pages, contentType:artefact, name:asc, {queryBody.Length:N0} bytes): {queryRun.RequestsPerSecond:N0} req/s, " +
                              $"p50 {queryRun.P50:F2} ms, p99 {queryRun.P99:F2} ms; minimal endpoint with the same body {queryFixed.RequestsPerSecond:N0} req/s (p99 {queryFixed.P99:F2} ms) → " +
                              $"{queryRun.RequestsPerSecond / queryFixed.RequestsPerSecond:P0} (targets ≥ 30 %, p99 < 25 ms)");
            Console.WriteLine($"Resident memory of the archive after the runs: {rss / 1024.0 / 1024.0:N0} MB (target < 1.5 GB); output cache {(outputCache ? "on" : "off")}");

            // Reads as visitors make them: a few items often, most rarely (Zipf, s = 1, over every artefact in a random
            // order), against the kept responses' size; the hit ratio is read from the host's own counters.
            var zipf = Zipf(artefacts.Count, 1.0, 100_000, random).Select(rank => $"/umbraco/delivery/api/v2/content/item/{artefacts[rank]}").ToList();
            var (hitsBefore, missesBefore) = await KeptLookupsAsync(http, metricsPort);
            var zipfRun = await Wrk(baseUrl, zipf, seconds);
            var (hitsAfter, missesAfter) = await KeptLookupsAsync(http, metricsPort);
            var (hits, misses) = (hitsAfter - hitsBefore, missesAfter - missesBefore);
            Console.WriteLine($"Zipf-distributed item reads (s = 1 over {artefacts.Count:N0} artefacts, {zipf.Distinct().Count():N0} distinct in a cycle of {zipf.Count:N0}; " +
                              $"kept responses at most {keptMegabytes} MB): {zipfRun.RequestsPerSecond:N0} req/s, p99 {zipfRun.P99:F2} ms; hit ratio {(double)hits / Math.Max(1, hits + misses):P1} " +
                              $"({hits:N0} hits, {misses:N0} misses); resident {ResidentBytes(host.Id) / 1024.0 / 1024.0:N0} MB");
            Console.WriteLine($"Managed heap after the last collection: {await HeapBytesAsync(http, metricsPort) / 1024.0 / 1024.0:N0} MB (the rest of resident memory: the runtime, the index's mapped files)");

            // A node killed and started again on its data: the index is there, and the published cache is read from the file
            // kept after its first build; then the same without that file (the cache read from the database), the baseline.
            foreach (var keepOnDisk in new[] { true, false })
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
                host = StartHost(dataPath, connection, port, outputCache, new Dictionary<string, string>
                {
                    ["Archive__Delivery__Cache__MaxMegabytes"] = keptMegabytes.ToString(CultureInfo.InvariantCulture),
                    ["Archive__Delivery__Cache__KeepOnDisk"] = keepOnDisk ? "true" : "false",
                    // The cache's own account of its load (items, change, milliseconds) in the host's log.
                    ["Logging__LogLevel__Archive.Delivery.Cache.PublishedCacheProjection"] = "Information",
                    ["Logging__LogLevel__Archive.Data.Publishing.ChangeLogFollower"] = "Information",
                    ["Archive__Telemetry__PrometheusUrl"] = $"http://127.0.0.1:{metricsPort}/metrics",
                });
                var restartFirst = await WaitAsync(http, probe, TimeSpan.FromMinutes(10));
                var restartReady = restartFirst + await WaitAsync(http, $"{baseUrl}/health/ready", TimeSpan.FromMinutes(20));
                var file = new FileInfo(Path.Combine(dataPath, "published-cache.bin"));
                Console.WriteLine($"Restart with the index in place, published cache {(keepOnDisk ? $"from its file on disk ({file.Length / 1024.0 / 1024.0:N0} MB)" : "from the database")}: " +
                                  $"first 200 for an item after {restartFirst.TotalSeconds:F1} s, ready after {restartReady.TotalSeconds:F1} s; " +
                                  $"resident {ResidentBytes(host.Id) / 1024.0 / 1024.0:N0} MB, managed heap {await HeapBytesAsync(http, metricsPort) / 1024.0 / 1024.0:N0} MB");
                foreach (var line in HostLogLines(dataPath).Where(l => l.Contains("published cache", StringComparison.Ordinal)).TakeLast(2))
                    Console.WriteLine("  host: " + line.Trim());
            }
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            if (keep is null)
                Directory.Delete(dataPath, recursive: true);
        }
        return 0;
    }

    /// The managed heap's size after the last collection, every generation (dotnet_gc_last_collection_heap_size_bytes).
    private static async Task<long> HeapBytesAsync(HttpClient http, int metricsPort)
    {
        var text = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
        return text.Split('\n').Where(l => l.StartsWith("dotnet_gc_last_collection_heap_size_bytes{", StringComparison.Ordinal))
            .Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    /// Ranks 0…n-1 drawn with probability ∝ 1/(rank+1)^s, each rank standing for a random item (a shuffled order).
    private static List<int> Zipf(int n, double s, int draws, Random random)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
            cumulative[k] = sum += 1 / Math.Pow(k + 1, s);
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        return Enumerable.Range(0, draws).Select(_ =>
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            return order[Math.Min(index < 0 ? ~index : index, n - 1)];
        }).ToList();
    }

    /// The host's counts of item responses found among those kept, and not (archive_delivery_cache_lookups_total).
    private static async Task<(long Hits, long Misses)> KeptLookupsAsync(HttpClient http, int metricsPort)
    {
        var text = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
        long Read(string result) => text.Split('\n').Where(l => l.StartsWith("archive_delivery_cache_lookups_total{", StringComparison.Ordinal) && l.Contains($"result=\"{result}\""))
            .Select(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).FirstOrDefault();
        return (Read("hit"), Read("miss"));
    }

    internal static Process StartHost(string dataPath, string connection, int port, bool outputCache, IReadOnlyDictionary<string, string>? extra = null)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Archive.Web", "bin", "Release", "net10.0", "Archive.Web.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build the benchmarks in Release (dotnet run -c Release --project tests/Archive.Benchmarks).");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Archive__DataPath"] = dataPath;
        start.Environment["ConnectionStrings__Archive"] = connection;
        start.Environment["Archive__USync__ImportContent"] = "false";
        start.Environment["Archive__Media__RootPath"] = Path.Combine(dataPath, "media");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Umbraco__CMS__DeliveryApi__OutputCache__Enabled"] = outputCache ? "true" : "false";
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        // The host's log beside its data: a host that never gets ready says why there.
        var log = new StreamWriter(Path.Combine(dataPath, "host.log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// The host's log so far (written beside its data by StartHost), read while the host still appends to it.
    private static IEnumerable<string> HostLogLines(string dataPath)
    {
        using var stream = new FileStream(Path.Combine(dataPath, "host.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    internal static async Task<TimeSpan> WaitAsync(HttpClient http, string url, TimeSpan limit)
    {
        var timer = Stopwatch.StartNew();
        while (timer.Elapsed < limit)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                    return timer.Elapsed;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{url} did not answer 200 within {limit}.");
    }

    public sealed record WrkRun(double RequestsPerSecond, double P50, double P99);

    /// wrk with 2 threads and 2 connections, cycling through the paths.
    internal static async Task<WrkRun> Wrk(string baseUrl, IReadOnlyList<string> paths, int seconds)
    {
        var script = Path.GetTempFileName() + ".lua";
        var lua = new StringBuilder("local paths = {\n");
        foreach (var path in paths)
            lua.Append("  \"").Append(path).Append("\",\n");
        lua.Append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1], { [\"Accept-Language\"] = \"en\" })\nend\n");
        await File.WriteAllTextAsync(script, lua.ToString());
        var start = new ProcessStartInfo("wrk", ["-t2", "-c2", $"-d{seconds}s", "--latency", "-s", script, baseUrl]) { RedirectStandardOutput = true };
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        File.Delete(script);
        if (output.Contains("Non-2xx"))
            throw new InvalidOperationException("Some responses were not 200:\n" + output);
        return new WrkRun(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "99%"));
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"\s{Regex.Escape(percentile)}\s+([0-9.]+)(us|ms|s)");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    internal static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Archive.sln not found.");
    }
}

/// The baseline: a minimal Kestrel app that answers one fixed JSON body.
public sealed class MinimalEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MinimalEndpoint(WebApplication app, string url) => (_app, Url) = (app, url);

    public string Url { get; }

    public static async Task<MinimalEndpoint> StartAsync(byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/fixed", () => Results.Bytes(body, "application/json; charset=utf-8"));
        await app.StartAsync();
        return new MinimalEndpoint(app, app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
