using System.CommandLine;
using Archive.Benchmarks;

var root = new RootCommand("Archive benchmarks. Each prints its figures beside a baseline measured in the same run.");
var count = new Option<int>("--count") { Description = "Synthetic artefacts to generate.", DefaultValueFactory = _ => 100_000 };
var provider = new Option<string>("--provider") { Description = "Sqlite or PostgreSQL.", DefaultValueFactory = _ => "Sqlite" };
var connection = new Option<string?>("--connection") { Description = "PostgreSQL server connection string (its database is not used; a fresh one is made)." };
var schema = new Option<string>("--schema") { Description = "The uSync folder with the archive schema.", DefaultValueFactory = _ => FindSchema() };
var runs = new Option<int>("--runs") { Description = "Measured operations.", DefaultValueFactory = _ => 500 };

var import = new Command("import", "Bulk import of synthetic artefacts (time, rows/s, peak memory).") { count, provider, connection, schema };
import.SetAction((parse, _) => ImportBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(provider)!, parse.GetValue(connection), parse.GetValue(schema)!));
root.Subcommands.Add(import);

var savePublish = new Command("save-publish", "Save-and-publish latency of one artefact (median, p99).") { count, runs, provider, connection, schema };
savePublish.SetAction((parse, _) => SavePublishBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(runs), parse.GetValue(provider)!, parse.GetValue(connection), parse.GetValue(schema)!));
root.Subcommands.Add(savePublish);

var ledger = new Command("ledger", "Movement ledger: where every object is today and what is at a hall on a date, beside the plain content query (N artefacts, N × 10 movements).") { count, runs, provider, connection, schema };
ledger.SetAction((parse, _) => LedgerBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(runs), parse.GetValue(provider)!, parse.GetValue(connection), parse.GetValue(schema)!));
root.Subcommands.Add(ledger);

var keep = new Option<string?>("--keep") { Description = "Build into this folder, resumably, and keep it (for 1M runs): an interrupted build resumes, a finished one is reused." };
var searchRuns = new Option<int>("--queries") { Description = "Measured queries per kind.", DefaultValueFactory = _ => 500 };
var search = new Command("search", "Index build beside a bare Lucene loop; query and autocomplete latency.") { count, searchRuns, keep };
search.SetAction((parse, _) => SearchBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(searchRuns), parse.GetValue(keep)));
root.Subcommands.Add(search);

var seconds = new Option<int>("--seconds") { Description = "Seconds per wrk run.", DefaultValueFactory = _ => 15 };
var outputCache = new Option<bool>("--output-cache") { Description = "Keep the Delivery API's output cache on (off by default: the figures are the cache-less path)." };
var keptMegabytes = new Option<int>("--cache-megabytes") { Description = "Archive:Delivery:Cache:MaxMegabytes of the host (the item responses it keeps).", DefaultValueFactory = _ => 256 };
var delivery = new Command("delivery", "Delivery API under wrk beside a minimal Kestrel endpoint; start-up time, memory, the item cache's hit ratio under Zipf-distributed reads.") { count, schema, seconds, outputCache, keptMegabytes, keep };
delivery.SetAction((parse, _) => DeliveryBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(schema)!, parse.GetValue(seconds), parse.GetValue(outputCache), parse.GetValue(keptMegabytes), parse.GetValue(keep)));
root.Subcommands.Add(delivery);

var cacheFile = new Argument<string>("file") { Description = "A published-cache.bin a host kept (in a delivery run's --keep folder)." };
var cacheMemory = new Command("cache-memory", "The published cache's managed heap per item, loaded from a kept cache file without a host.") { cacheFile };
cacheMemory.SetAction(parse => CacheMemoryBenchmark.Run(parse.GetValue(cacheFile)!));
root.Subcommands.Add(cacheMemory);

var siteCount = new Option<int>("--count") { Description = "Synthetic artefacts to generate.", DefaultValueFactory = _ => 10_000 };
var site = new Command("site", "The public site under wrk beside the Delivery API's item endpoint (kept and rendered each time); bytes per page type; publish → page.") { siteCount, schema, seconds };
site.SetAction((parse, _) => SiteBenchmark.RunAsync(parse.GetValue(siteCount), parse.GetValue(schema)!, parse.GetValue(seconds)));
root.Subcommands.Add(site);

var editors = new Option<int>("--editors") { Description = "Concurrent editors.", DefaultValueFactory = _ => 8 };
var managementSeconds = new Option<int>("--seconds") { Description = "Seconds of concurrent editing.", DefaultValueFactory = _ => 60 };
var management = new Command("management", "Management API save-draft and publish latency beside the content service; concurrent editors with lost-update check.") { count, runs, provider, connection, schema, managementSeconds, editors };
management.SetAction((parse, _) => ManagementBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(runs), parse.GetValue(provider)!, parse.GetValue(connection),
    parse.GetValue(schema)!, parse.GetValue(managementSeconds), parse.GetValue(editors)));
root.Subcommands.Add(management);

var visits = new Option<int>("--runs") { Description = "Measured visits (each in a new browser profile).", DefaultValueFactory = _ => 10 };
var demoOrCount = new Option<int>("--count") { Description = "Synthetic artefacts; 0 for the demo catalogue of uSync/.", DefaultValueFactory = _ => 0 };
var backOffice = new Command("backoffice", "Umbraco's back office in Chromium: sign-in to content tree, reload, a large branch opened; requests and bytes.") { demoOrCount, visits, schema };
backOffice.SetAction((parse, _) => BackOfficeBenchmark.RunAsync(parse.GetValue(demoOrCount), parse.GetValue(visits), parse.GetValue(schema)!));
root.Subcommands.Add(backOffice);

var harvestOnly = new Option<bool>("--harvest-only") { Description = "Skip the spreadsheet import: the uSync import, then the harvest." };
var interop = new Command("interop", "Spreadsheet import of N rows beside the uSync import of the same records; a full OAI-PMH harvest of them in LIDO beside the Delivery API paged the same way.") { count, schema, harvestOnly };
interop.SetAction((parse, _) => InteropBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(schema)!, parse.GetValue(harvestOnly)));
root.Subcommands.Add(interop);

var clusterSeconds = new Option<int>("--seconds") { Description = "Seconds of each closed-loop load.", DefaultValueFactory = _ => 20 };
var soakMinutes = new Option<int>("--soak-minutes") { Description = "Minutes of the soak at 70 % of the peak.", DefaultValueFactory = _ => 10 };
var publishes = new Option<int>("--publishes") { Description = "Publishes timed until the other nodes serve them.", DefaultValueFactory = _ => 100 };
var cluster = new Command("cluster", "Three nodes on PostgreSQL and Azurite behind nginx: propagation delay, the load balancer's cost, peak, and a soak at 70 % of it.") { clusterSeconds, soakMinutes, publishes };
cluster.SetAction((parse, _) => ClusterBenchmark.RunAsync(parse.GetValue(clusterSeconds), parse.GetValue(soakMinutes), parse.GetValue(publishes)));
root.Subcommands.Add(cluster);

var backupCommand = new Command("backup", "backup create, verify and restore of N synthetic artefacts with the demo's images, beside a plain copy of the same files.") { count, schema };
backupCommand.SetAction((parse, _) => BackupBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(schema)!));
root.Subcommands.Add(backupCommand);

var kioskVisits = new Option<int>("--visits") { Description = "Scripted visits for the memory figure.", DefaultValueFactory = _ => 1000 };
var kiosk = new Command("kiosk", "A kiosk screen in Chromium on the demo catalogue: bundle size and first sync, touch → object offline, publish → update ready, heap after many visits.") { schema, kioskVisits };
kiosk.SetAction((parse, _) => KioskBenchmark.RunAsync(parse.GetValue(schema)!, parse.GetValue(kioskVisits)));
root.Subcommands.Add(kiosk);

var mediaRuns = new Option<int>("--runs") { Description = "Conversions measured per tool.", DefaultValueFactory = _ => 5 };
var media = new Command("media", "24-MP JPEG to 1200-px WebP beside vips; cached derivative beside Kestrel static files; 100-MP TIFF pyramid peak memory.") { mediaRuns, seconds };
media.SetAction((parse, _) => MediaBenchmark.RunAsync(parse.GetValue(mediaRuns), parse.GetValue(seconds)));
root.Subcommands.Add(media);
// Child steps of the media benchmark, run in processes of their own for clean peak-memory figures.
var input = new Argument<string>("input");
var output = new Argument<string>("output");
var thumbnail = new Command("media-thumbnail") { Hidden = true };
thumbnail.Arguments.Add(input);
thumbnail.Arguments.Add(output);
thumbnail.SetAction((parse, _) => MediaBenchmark.ThumbnailOnceAsync(parse.GetValue(input)!, parse.GetValue(output)!));
root.Subcommands.Add(thumbnail);
var pyramid = new Command("media-pyramid") { Hidden = true };
pyramid.Arguments.Add(input);
pyramid.Arguments.Add(output);
pyramid.SetAction((parse, _) => MediaBenchmark.PyramidOnceAsync(parse.GetValue(input)!, parse.GetValue(output)!));
root.Subcommands.Add(pyramid);

return await root.Parse(args).InvokeAsync();

static string FindSchema()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
            return Path.Combine(dir.FullName, "uSync", "v17");
    return "uSync/v17";
}
