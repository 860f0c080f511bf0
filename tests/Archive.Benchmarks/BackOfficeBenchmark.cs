using System.Diagnostics;
using Archive.Catalogues.Synthetic;
using Archive.Data.USync;
using Archive.Engine.USync;
using Microsoft.Playwright;

namespace Archive.Benchmarks;

/// What a curator waits for in Umbraco's back office, in Chromium against the archive in its own process: from
/// pressing Enter on the sign-in page to the content tree drawn (a cold browser: nothing cached), the same after
/// a reload (the bundle cached), and opening the largest branch (its children paged); each with the requests
/// made and the bytes transferred. The baseline, in the same run and browser, is the plain sign-in page itself.
public static class BackOfficeBenchmark
{
    private const string Email = "benchmark-curator@archive.kz";
    private const string Password = "Benchmark-Password-2026";

    /// count 0: the demo catalogue of uSync/; otherwise that many synthetic artefacts.
    public static async Task<int> RunAsync(int count, int runs, string schemaFolder)
    {
        await using var database = await BenchmarkDatabase.CreateAsync("Sqlite", null, schemaFolder);
        var package = count == 0 ? USyncFolderReader.Read(schemaFolder) : new SyntheticCatalogue().Generate(count);
        var label = count == 0 ? "the demo catalogue" : $"{count:N0} synthetic artefacts";
        Console.WriteLine($"Importing {label} ({package.Nodes.Count:N0} items)…");
        await using (var db = database.NewContext())
            await database.Importer(db).ImportAsync(package, new USyncImportOptions { Schema = false }, "benchmark");

        var dataPath = Directory.CreateTempSubdirectory("archive-bench-backoffice").FullName;
        var environment = database.HostEnvironment(dataPath);
        await ArchiveCli.RunAsync(environment, Password, "users", "create", "--email", Email, "--role", "curator");
        var port = DeliveryBenchmark.FreePort();
        using var host = DeliveryBenchmark.StartHost(dataPath, database.ConnectionString, port, outputCache: false, environment);
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            using (var http = new HttpClient())
                await DeliveryBenchmark.WaitAsync(http, $"{baseUrl}/health/ready", TimeSpan.FromMinutes(20));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });

            var signInPage = new List<double>();
            var open = new List<Visit>();
            var cold = new List<Visit>();
            var reload = new List<Visit>();
            var branch = new List<Visit>();
            var pageSizes = new HashSet<string>();
            // The first run warms the host (its caches, the JIT): measured from the second on.
            for (var run = 0; run <= runs; run++)
            {
                await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
                var page = await context.NewPageAsync();
                var traffic = new Traffic(page);

                var timer = Stopwatch.StartNew();
                await page.GotoAsync(baseUrl + "/umbraco/login");
                var plain = timer.Elapsed.TotalMilliseconds;

                var opening = await traffic.MeasureAsync(() => page.GotoAsync(baseUrl + "/umbraco"), () => page.WaitForURLAsync(url => url.Contains("/umbraco/login")));
                await page.FillAsync("#email", Email);
                await page.FillAsync("#password", Password);
                var first = await traffic.MeasureAsync(() => page.PressAsync("#password", "Enter"), () => TreeDrawnAsync(page));
                var again = await traffic.MeasureAsync(() => page.ReloadAsync(), () => TreeDrawnAsync(page));
                // The largest branch: an institution, then its first collection (artefacts, paged by the tree).
                var opened = await traffic.MeasureAsync(async () =>
                {
                    await ExpandAsync(page.Locator("umb-document-tree-item").First);
                    await page.Locator("umb-document-tree-item umb-document-tree-item").First.WaitForAsync(new() { Timeout = 60_000 });
                    await ExpandAsync(page.Locator("umb-document-tree-item umb-document-tree-item").First);
                }, () => page.Locator("umb-document-tree-item umb-document-tree-item umb-document-tree-item").First.WaitForAsync(new() { Timeout = 60_000 }));
                foreach (var url in traffic.Urls.Where(u => u.Contains("/tree/document/children")))
                    pageSizes.Add(System.Text.RegularExpressions.Regex.Match(url, "take=\\d+").Value);
                if (run == 0)
                    continue;
                signInPage.Add(plain);
                open.Add(opening);
                cold.Add(first);
                reload.Add(again);
                branch.Add(opened);
            }

            var baseline = Stats.Percentile(signInPage, 50);
            Console.WriteLine($"Back office on {label}, SQLite, {runs} runs (each a new browser profile: nothing cached), Chromium {browser.Version}:");
            Console.WriteLine($"  baseline: the plain sign-in page loaded, p50 {baseline:F0} ms");
            Report("/umbraco opened with no session → the sign-in page", open, baseline);
            Report("sign-in → content tree drawn (cold: the whole application downloaded)", cold, baseline);
            Report("reload → content tree drawn (bundle cached)", reload, baseline);
            Report("an institution, then a collection opened in the tree", branch, baseline);
            Console.WriteLine($"  the tree asked for children with: {string.Join(", ", pageSizes.Order())} (paged)");
            return 0;
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static Task TreeDrawnAsync(IPage page) => page.Locator("umb-document-tree-item").First.WaitForAsync(new() { Timeout = 120_000 });

    private static Task ExpandAsync(ILocator item) => item.Locator("#caret-button").First.ClickAsync();

    private static void Report(string what, List<Visit> visits, double baseline)
    {
        var p50 = Stats.Percentile(visits.Select(v => v.Milliseconds).ToList(), 50);
        var p99 = Stats.Percentile(visits.Select(v => v.Milliseconds).ToList(), 99);
        Console.WriteLine($"  {what}: p50 {p50:F0} ms, p99 {p99:F0} ms ({p50 / baseline:F1}× the baseline), " +
                          $"{visits.Average(v => v.Requests):F0} requests, {visits.Average(v => v.Bytes) / 1_000_000:F2} MB transferred");
    }

    private sealed record Visit(double Milliseconds, int Requests, long Bytes);

    /// The requests a page makes and the bytes they bring (bodies as sent, compressed; headers included).
    private sealed class Traffic
    {
        private readonly List<Task<long>> _sizes = [];

        public Traffic(IPage page) => page.RequestFinished += (_, request) =>
        {
            lock (_sizes)
            {
                Urls.Add(request.Url);
                _sizes.Add(SizeAsync(request));
            }
        };

        public List<string> Urls { get; } = [];

        public async Task<Visit> MeasureAsync(Func<Task> action, Func<Task> done)
        {
            int before;
            lock (_sizes)
                before = _sizes.Count;
            var timer = Stopwatch.StartNew();
            await action();
            await done();
            var elapsed = timer.Elapsed.TotalMilliseconds;
            Task<long>[] sizes;
            lock (_sizes)
                sizes = _sizes.Skip(before).ToArray();
            return new Visit(elapsed, sizes.Length, (await Task.WhenAll(sizes)).Sum());
        }

        private static async Task<long> SizeAsync(IRequest request)
        {
            var sizes = await request.SizesAsync();
            return sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
    }
}
