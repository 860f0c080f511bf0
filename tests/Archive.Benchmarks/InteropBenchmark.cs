using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Archive.Catalogues.Synthetic;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Data.USync;
using Archive.Engine.Editors;
using Archive.Engine.USync;
using Archive.Spreadsheets.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Benchmarks;

/// Openness at scale, each beside a baseline from the same run: a spreadsheet of N synthetic records (kk/ru/en names,
/// titles, descriptions, dimensions, dating, tags) imported into one collection — dry run and batch — beside the uSync
/// import of the same N records; then a full OAI-PMH harvest of them in LIDO, pages of 100, beside the same records
/// paged out of the Delivery API (JSON, pages of 100) from the same host.
public static class InteropBenchmark
{
    private static readonly string[] Cultures = ["kk", "ru", "en"];

    public static async Task<int> RunAsync(int count, string schemaFolder, bool harvestOnly = false)
    {
        var package = new SyntheticCatalogue().Generate(count);
        var artefacts = package.Nodes.Where(n => n.ContentTypeAlias == "artefact").ToList();
        Console.WriteLine($"{artefacts.Count:N0} synthetic artefacts × 3 cultures");

        // Baseline: the uSync import of the same records into a fresh database (which the harvest then reads).
        var uSyncPath = Directory.CreateTempSubdirectory("archive-bench-interop-usync").FullName;
        var uSyncConnection = $"Data Source={Path.Combine(uSyncPath, "archive.db")}";
        TimeSpan uSyncTime;
        long uSyncPeak, uSyncStart;
        await using (var sampler = new MemorySampler())
        {
            var watch = Stopwatch.StartNew();
            await using var db = new ArchiveDbContext(Options(uSyncConnection));
            await db.Database.MigrateAsync();
            var importer = Importer(db, uSyncPath);
            await importer.ImportAsync(USyncFolderReader.Read(schemaFolder), new USyncImportOptions { Content = false }, "benchmark");
            await importer.ImportAsync(package, new USyncImportOptions { Schema = false }, "benchmark");
            uSyncTime = watch.Elapsed;
            (uSyncPeak, uSyncStart) = (sampler.PeakBytes, sampler.StartBytes);
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"uSync import: {uSyncTime.TotalSeconds:F1} s, {count / uSyncTime.TotalSeconds:N0} records/s, peak working set {Stats.Mb(uSyncPeak)} ({Stats.Mb(uSyncStart)} before)");

        if (harvestOnly)
        {
            await HarvestAsync(uSyncPath, uSyncConnection, count);
            return 0;
        }

        // The spreadsheet: the same records as rows, into one collection of a database holding the schema, the
        // institution and that collection.
        var sheetPath = Directory.CreateTempSubdirectory("archive-bench-interop-sheet").FullName;
        var csv = Path.Combine(sheetPath, "records.csv");
        var collection = package.Nodes.First(n => n.ContentTypeAlias == "collection");
        await WriteCsvAsync(csv, artefacts);
        Console.WriteLine($"Spreadsheet: {new FileInfo(csv).Length / 1048576.0:F0} MB of CSV");
        var connection = $"Data Source={Path.Combine(sheetPath, "archive.db")}";
        await using (var db = new ArchiveDbContext(Options(connection)))
        {
            await db.Database.MigrateAsync();
            var importer = Importer(db, sheetPath);
            await importer.ImportAsync(USyncFolderReader.Read(schemaFolder), new USyncImportOptions { Content = false }, "benchmark");
            var shell = new USyncPackage();
            foreach (var node in package.Nodes.Where(n => n.ContentTypeAlias != "artefact"))
                shell.Nodes.Add(node);
            await importer.ImportAsync(shell, new USyncImportOptions { Schema = false }, "benchmark");
        }
        var services = new ServiceCollection()
            .AddScoped(_ => new ArchiveDbContext(Options(connection)))
            .AddSingleton<SchemaStore>().AddSingleton(PropertyEditors.Default).AddSingleton(new ContentOptions()).AddSingleton(TimeProvider.System)
            .AddScoped<ContentService>().AddSingleton<SpreadsheetImporter>().BuildServiceProvider();
        var sheets = services.GetRequiredService<SpreadsheetImporter>();
        var request = new ImportRequest(csv, "records.csv", collection.Key, null, null, "benchmark", 1L << 30);
        TimeSpan planTime, runTime;
        long peak, start;
        await using (var sampler = new MemorySampler())
        {
            var watch = Stopwatch.StartNew();
            var report = await sheets.DryRunAsync(request, allRows: false, CancellationToken.None);
            planTime = watch.Elapsed;
            if (!report.CanImport || report.Create != count)
                throw new InvalidOperationException($"The sheet does not import: {report.Errors} errors, first {report.Problems.FirstOrDefault()}");
            watch.Restart();
            var batch = await sheets.BeginAsync(request, report, CancellationToken.None);
            await sheets.RunAsync(batch, request, new Progress<int>(done => { if (done % 10_000 == 0) Console.Write($"\r  imported {done:N0}/{count:N0}"); }), CancellationToken.None);
            runTime = watch.Elapsed;
            (peak, start) = (sampler.PeakBytes, sampler.StartBytes);
        }
        Console.WriteLine();
        var total = planTime + runTime;
        Console.WriteLine($"Spreadsheet import of {count:N0} rows: dry run {planTime.TotalSeconds:F1} s ({count / planTime.TotalSeconds:N0} rows/s), import {runTime.TotalSeconds:F1} s " +
            $"({count / runTime.TotalSeconds:N0} rows/s), together {total.TotalSeconds:F1} s; peak working set {Stats.Mb(peak)} ({Stats.Mb(start)} before)");
        Console.WriteLine($"Ratio to the uSync import of the same records: {total.TotalSeconds / uSyncTime.TotalSeconds:F1}× its time, {(double)peak / uSyncPeak:P0} of its peak memory");
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();

        await HarvestAsync(uSyncPath, uSyncConnection, count);
        return 0;
    }

    private static async Task HarvestAsync(string dataPath, string connection, int count)
    {
        var port = DeliveryBenchmark.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var host = DeliveryBenchmark.StartHost(dataPath, connection, port, outputCache: false);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var ready = await DeliveryBenchmark.WaitAsync(http, $"{baseUrl}/health/ready", TimeSpan.FromMinutes(30));
            Console.WriteLine($"Host ready (harvest records reconciled) after {ready.TotalSeconds:F1} s; resident {Stats.Mb(Resident(host.Id))}");
            var peakBefore = Resident(host.Id);

            // Baseline: the same records from the Delivery API, pages of 100.
            var watch = Stopwatch.StartNew();
            var delivered = 0;
            for (var skip = 0; ; skip += 100)
            {
                var page = await http.GetStringAsync($"{baseUrl}/umbraco/delivery/api/v2/content?filter=contentType:artefact&sort=createDate:asc&skip={skip}&take=100");
                var items = System.Text.Json.JsonDocument.Parse(page).RootElement.GetProperty("items").GetArrayLength();
                delivered += items;
                if (items < 100)
                    break;
            }
            var deliveryTime = watch.Elapsed;

            long highest = peakBefore;
            watch.Restart();
            var harvested = 0;
            var pages = 0;
            var query = "verb=ListRecords&metadataPrefix=lido";
            XNamespace oai = "http://www.openarchives.org/OAI/2.0/";
            while (true)
            {
                var page = XDocument.Parse(await http.GetStringAsync($"{baseUrl}/oai?{query}"));
                pages++;
                harvested += page.Descendants(oai + "record").Count();
                highest = Math.Max(highest, Resident(host.Id));
                var token = page.Descendants(oai + "resumptionToken").SingleOrDefault()?.Value;
                if (string.IsNullOrEmpty(token))
                    break;
                query = $"verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}";
            }
            var harvestTime = watch.Elapsed;
            if (harvested < count)
                throw new InvalidOperationException($"The harvest returned {harvested} of {count} records.");
            Console.WriteLine($"OAI-PMH harvest in LIDO: {harvested:N0} records in {pages:N0} pages of 100, {harvestTime.TotalSeconds:F1} s, {harvested / harvestTime.TotalSeconds:N0} records/s; " +
                $"host resident {Stats.Mb(peakBefore)} before, highest {Stats.Mb(highest)} during, peak since start {Stats.Mb(PeakResident(host.Id))}");
            Console.WriteLine($"Baseline, the Delivery API paged the same way: {delivered:N0} items in {deliveryTime.TotalSeconds:F1} s, {delivered / deliveryTime.TotalSeconds:N0} items/s; " +
                $"the harvest takes {harvestTime.TotalSeconds / deliveryTime.TotalSeconds:F1}× its time");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
        }
    }

    private static long Resident(int pid) => Status(pid, "VmRSS:");

    private static long PeakResident(int pid) => Status(pid, "VmHWM:");

    private static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static DbContextOptions<ArchiveDbContext> Options(string connection) =>
        new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connection, x => x.MigrationsAssembly("Archive.Data.Sqlite")).UseArchiveDefaults().Options;

    private static USyncImporter Importer(ArchiveDbContext db, string folder) => new(db, new SchemaStore(), PropertyEditors.Default,
        new Archive.Media.Storage.MediaImportTarget(new Archive.Media.Storage.FileSystemMediaStore(Path.Combine(folder, "media"))), new ContentOptions(), TimeProvider.System);

    /// The records as a cataloguer's sheet: the values a spreadsheet holds, read from each synthetic node.
    private static async Task WriteCsvAsync(string path, IReadOnlyList<USyncNodeEntry> artefacts)
    {
        string[] columns = ["accessionNumber", .. Cultures.Select(c => $"name_{c}"), .. Cultures.Select(c => $"title_{c}"), .. Cultures.Select(c => $"description_{c}"),
            .. Cultures.Select(c => $"dimensions_{c}"), "dating", "tags"];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync(string.Join(',', columns));
        foreach (var entry in artefacts)
        {
            var node = entry.Load();
            string Value(string alias, string? culture) => node.Values.GetValueOrDefault(alias)?.FirstOrDefault(v => v.Key == (culture ?? "")).Value ?? "";
            var cells = new List<string> { Value("accessionNumber", null) };
            cells.AddRange(Cultures.Select(c => node.CultureNames.GetValueOrDefault(c) ?? ""));
            cells.AddRange(Cultures.Select(c => Value("title", c)));
            cells.AddRange(Cultures.Select(c => RichTextCells.ToText(Value("description", c))));
            cells.AddRange(Cultures.Select(c => Value("dimensions", c)));
            cells.Add(HistoricalDatingEditor.Read(Value("dating", null))?.Text ?? "");
            cells.Add(string.Join("; ", (System.Text.Json.Nodes.JsonNode.Parse(Value("tags", null) is { Length: > 0 } t ? t : "[]") as System.Text.Json.Nodes.JsonArray ?? []).Select(x => x?.ToString())));
            await writer.WriteLineAsync(string.Join(',', cells.Select(Quote)));
        }
    }

    private static string Quote(string cell) => cell.Contains(',') || cell.Contains('"') || cell.Contains('\n') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
