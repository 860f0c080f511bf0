using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Catalogues.Synthetic;
using Archive.Data.USync;

namespace Archive.Benchmarks;

/// The public site under wrk (loopback, 2 connections) beside the Delivery API's item endpoint in the same run, with N
/// synthetic artefacts × 3 cultures: artefact pages, the search page (one word, with facets) and the front page, kept
/// (output cache, as served) and rendered for every request; bytes per page type before images; publish → page.
public static class SiteBenchmark
{
    private const string Api = "/umbraco/management/api/v1";
    private const string ClientId = "umbraco-back-office-site-benchmark";
    private const string Secret = "benchmark-secret-0123456789abcdef";

    public static async Task<int> RunAsync(int count, string schemaFolder, int seconds)
    {
        if (!File.Exists("/usr/bin/wrk"))
            throw new InvalidOperationException("wrk is needed (apt-get install -y wrk).");
        var package = new SyntheticCatalogue().Generate(count);
        await using var database = await BenchmarkDatabase.CreateAsync("Sqlite", null, schemaFolder);
        Console.WriteLine($"Importing {package.Nodes.Count:N0} items…");
        await using (var db = database.NewContext())
            await database.Importer(db).ImportAsync(package, new USyncImportOptions { Schema = false }, "benchmark");
        var artefacts = package.Nodes.Where(n => n.ContentTypeAlias == "artefact").Select(n => n.Key).ToList();
        var dataPath = Directory.CreateTempSubdirectory("archive-bench-site").FullName;
        var environment = database.HostEnvironment(dataPath);
        await ArchiveCli.RunAsync(environment, Secret, "users", "create-api-client", "--client-id", ClientId, "--role", "curator");
        string[] words = ["самовар", "ковёр", "письмо", "manuscript", "silver", "rare", "wedding", "carpet"];

        foreach (var kept in new[] { true, false })
        {
            var port = DeliveryBenchmark.FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            using var host = DeliveryBenchmark.StartHost(dataPath, database.ConnectionString, port, outputCache: kept,
                new Dictionary<string, string>(environment) { ["Archive__Site__OutputCache"] = kept ? "true" : "false" });
            try
            {
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(1) };
                await DeliveryBenchmark.WaitAsync(http, $"{baseUrl}/health/ready", TimeSpan.FromMinutes(20));
                var random = new Random(5);
                var sample = Enumerable.Range(0, 300).Select(_ => artefacts[random.Next(artefacts.Count)]).Distinct().ToList();
                var itemPaths = sample.Select(k => $"/umbraco/delivery/api/v2/content/item/{k}").ToList();
                var pagePaths = new List<string>();
                foreach (var key in sample)
                    pagePaths.Add((await http.GetAsync($"/en/item/{key}")).Headers.Location!.OriginalString);
                var searchPaths = words.Select(w => $"/en/search?q={Uri.EscapeDataString(w)}").ToList();
                foreach (var path in itemPaths.Concat(pagePaths).Concat(searchPaths).Append("/en/"))
                    (await http.GetAsync(path)).EnsureSuccessStatusCode();
                await DeliveryBenchmark.Wrk(baseUrl, itemPaths, 3);
                await DeliveryBenchmark.Wrk(baseUrl, pagePaths, 3);
                var item = await DeliveryBenchmark.Wrk(baseUrl, itemPaths, seconds);
                var artefact = await DeliveryBenchmark.Wrk(baseUrl, pagePaths, seconds);
                var search = await DeliveryBenchmark.Wrk(baseUrl, searchPaths, seconds);
                var home = await DeliveryBenchmark.Wrk(baseUrl, ["/en/"], seconds);
                Console.WriteLine($"{(kept ? "Kept (output cache on, as served)" : "Rendered for every request (output caches off)")}, {count:N0} artefacts × 3 cultures:");
                Console.WriteLine($"  Delivery API item by id (baseline): {item.RequestsPerSecond:N0} req/s, p99 {item.P99:F2} ms");
                Report("artefact page", artefact, item, "goal ≥ 50 %");
                Report("search page, one word, 10 facets", search, item, null);
                Report("front page", home, item, null);
                if (kept)
                {
                    await BytesAsync(http, pagePaths[0], searchPaths[0]);
                    await LighthouseAsync(baseUrl, [("artefact page", pagePaths[0]), ("search page", searchPaths[0])]);
                    await PublishToPageAsync(http, sample, pagePaths);
                }
            }
            finally
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
        Directory.Delete(dataPath, recursive: true);
        return 0;
    }

    private static void Report(string what, DeliveryBenchmark.WrkRun run, DeliveryBenchmark.WrkRun baseline, string? goal) =>
        Console.WriteLine($"  {what}: {run.RequestsPerSecond:N0} req/s, p50 {run.P50:F2} ms, p99 {run.P99:F2} ms → {run.RequestsPerSecond / baseline.RequestsPerSecond:P0} of the item endpoint" +
                          (goal is null ? "" : $" ({goal})"));

    /// What a phone downloads before any image: the page (Brotli, as a CDN would send it), the stylesheet and the script
    /// it names (as served, Brotli), and for maps and deep zoom the parts fetched when they are used.
    private static async Task BytesAsync(HttpClient http, string artefactPage, string searchPage)
    {
        var assets = new Dictionary<string, long>();
        async Task<long> Brotli(string path)
        {
            var body = await http.GetByteArrayAsync(path);
            using var buffer = new MemoryStream();
            await using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
                await brotli.WriteAsync(body);
            return buffer.Length;
        }
        async Task<long> Asset(string path)
        {
            if (assets.TryGetValue(path, out var known))
                return known;
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            var response = await http.SendAsync(request);
            return assets[path] = (await response.Content.ReadAsByteArrayAsync()).LongLength;
        }
        Console.WriteLine("  Bytes before images (HTML Brotli-compressed; CSS and JS as served, Brotli):");
        foreach (var (name, path) in new[] { ("front page", "/en/"), ("artefact page", artefactPage), ("search page", searchPage), ("map page", "/en/map") })
        {
            var html = await http.GetStringAsync(path);
            var raw = System.Text.Encoding.UTF8.GetByteCount(html);
            long total = await Brotli(path);
            var parts = new List<string>();
            foreach (var match in System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/site/[^\"]+\\.(?:css|js))\"").Select(m => m.Groups[1].Value).Distinct())
            {
                var size = await Asset(match);
                total += size;
                parts.Add($"{Path.GetFileName(match)} {size:N0}");
            }
            Console.WriteLine($"    {name}: HTML {raw:N0} bytes ({await Brotli(path):N0} compressed) + {string.Join(" + ", parts)} = {total:N0} bytes");
        }
    }

    /// Lighthouse (npm, tests/tools/lighthouse through its lock file) in Debian's Chromium, mobile emulation (its default):
    /// the four category scores of each page.
    private static async Task LighthouseAsync(string baseUrl, IReadOnlyList<(string Name, string Path)> pages)
    {
        var tool = Path.Combine(DeliveryBenchmark.RepositoryRoot(), "tests", "tools", "lighthouse");
        if (!File.Exists(Path.Combine(tool, "node_modules", "lighthouse", "cli", "index.js")))
            await Run("npm", tool, "ci", "--no-audit", "--no-fund");
        Console.WriteLine("  Lighthouse 12.2.3 (Chromium, mobile emulation, throttled as Lighthouse does by default):");
        foreach (var (name, path) in pages)
        {
            var json = await Run("node", tool, "node_modules/lighthouse/cli/index.js", baseUrl + path, "--chrome-path=/usr/bin/chromium",
                "--chrome-flags=--headless --no-sandbox --disable-gpu", "--output=json", "--output-path=stdout", "--quiet",
                "--only-categories=performance,accessibility,best-practices,seo");
            var categories = JsonDocument.Parse(json).RootElement.GetProperty("categories");
            string Score(string category) => categories.GetProperty(category).GetProperty("score") is { ValueKind: JsonValueKind.Number } score ? $"{score.GetDouble() * 100:F0}" : "n/a";
            Console.WriteLine($"    {name}: performance {Score("performance")}, accessibility {Score("accessibility")}, best practices {Score("best-practices")}, SEO {Score("seo")}");
        }
    }

    private static async Task<string> Run(string file, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await errors}");
        return await output;
    }

    /// A curator's Save and publish (the back office's own two calls) until the artefact's page shows the new text.
    private static async Task PublishToPageAsync(HttpClient http, IReadOnlyList<Guid> sample, IReadOnlyList<string> pages)
    {
        var token = await http.PostAsync($"{Api}/security/back-office/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["client_secret"] = Secret,
        }));
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString());
        var lag = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            var key = sample[i];
            var marker = $"shown {i} {Guid.NewGuid():N}";
            (await http.PutAsJsonAsync($"{Api}/document/{key}", new { values = new[] { new { alias = "note", culture = "en", value = marker } }, variants = Array.Empty<object>() })).EnsureSuccessStatusCode();
            (await http.PutAsJsonAsync($"{Api}/document/{key}/publish", new { publishSchedules = new[] { new { culture = "en" } } })).EnsureSuccessStatusCode();
            var timer = Stopwatch.StartNew();
            while (!(await http.GetStringAsync(pages[i])).Contains(marker))
            {
                if (timer.Elapsed > TimeSpan.FromSeconds(30))
                    throw new TimeoutException($"{pages[i]} did not show the published text within 30 s.");
                await Task.Delay(5);
            }
            if (i >= 5)
                lag.Add(timer.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"  Publish → artefact page showing it (20 runs after 5 warm-up, polled every 5 ms): p50 {Stats.Percentile(lag, 50):F0} ms, p99 {Stats.Percentile(lag, 99):F0} ms (goal < 1 s)");
    }
}
