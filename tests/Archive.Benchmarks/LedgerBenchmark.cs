using System.Diagnostics;
using Archive.Catalogues.Synthetic;
using Archive.Data;
using Archive.Data.Entities;
using Archive.Data.Movements;
using Archive.Data.USync;
using Archive.Engine.Movements;
using Microsoft.EntityFrameworkCore;

namespace Archive.Benchmarks;

/// The registrar's questions at scale: N artefacts with ten ledger entries each (N × 10 movements) and a home each.
/// "Where is every object today" (a page of 20 with each one's whereabouts and home) and "what is at the Almaty hall on
/// a date" (the objects there that day), beside the plain content query of the same page size (20 artefacts with
/// their current drafts), measured in the same run on the same database.
public static class LedgerBenchmark
{
    public static async Task<int> RunAsync(int count, int runs, string provider, string? connection, string schemaFolder)
    {
        var package = new SyntheticCatalogue().Generate(count);
        await using var database = await BenchmarkDatabase.CreateAsync(provider, connection, schemaFolder);
        await using (var db = database.NewContext())
            await database.Importer(db).ImportAsync(package, new USyncImportOptions { Schema = false }, "benchmark");
        var places = package.Nodes.Where(n => n.ContentTypeAlias is "institution" or "collection").Select(n => n.Key).ToList();
        var artefacts = package.Nodes.Where(n => n.ContentTypeAlias == "artefact").Select(n => n.Key).ToList();
        var hall = places[^1];
        var timer = Stopwatch.StartNew();
        var movements = await FillLedgerAsync(database, artefacts, places, hall);
        Console.WriteLine($"Ledger ({provider}): {artefacts.Count:N0} artefacts, {movements:N0} movements written in {timer.Elapsed.TotalSeconds:F0} s");

        var random = new Random(11);
        var pages = Math.Max(1, artefacts.Count / 20);
        var today = DateTime.UtcNow;
        // Within the seventh leg, when a twentieth of the objects are at the hall.
        var day = Ledger.EndOfDay(new DateOnly(2026, 4, 10));
        var plain = await MeasureAsync(runs, async db =>
        {
            var skip = random.Next(pages) * 20;
            var ids = await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == "artefact" && !n.Trashed).OrderBy(n => n.Id).Skip(skip).Take(20).Select(n => n.Id).ToListAsync();
            return (await db.NodeVersions.AsNoTracking().Where(v => ids.Contains(v.NodeId) && v.IsDraft).Select(v => v.Data).ToListAsync()).Count;
        }, database);
        var every = await MeasureAsync(runs, async db => (await new LedgerReader(db).EveryObjectAsync(today, random.Next(pages) * 20, 20, default)).Items.Count, database);
        var at = await MeasureAsync(Math.Max(20, runs / 10), async db => (await new LedgerReader(db).AtAsync(hall, day, default)).Count, database);

        void Line(string name, List<double> samples, string note) => Console.WriteLine(
            $"  {name,-34} p50 {Stats.Percentile(samples, 50),7:F2} ms  p99 {Stats.Percentile(samples, 99),7:F2} ms  " +
            $"({Stats.Percentile(samples, 50) / Stats.Percentile(plain, 50):F1}× / {Stats.Percentile(samples, 99) / Stats.Percentile(plain, 99):F1}× the plain query) {note}");
        Console.WriteLine($"  {"plain content query, page of 20",-34} p50 {Stats.Percentile(plain, 50),7:F2} ms  p99 {Stats.Percentile(plain, 99),7:F2} ms  (baseline)");
        Line("where is every object today, 20", every, "");
        Line("what is at the hall on 2026-04-10", at, $"({(await AtCountAsync(database, hall, day)):N0} objects there)");
        return 0;
    }

    /// Ten entries per artefact over two years (into store, out to a hall and back …), a twentieth of the objects at the
    /// hall on 1 July 2026; written in bulk, in time order per object as the rules append them.
    private static async Task<int> FillLedgerAsync(BenchmarkDatabase database, List<Guid> artefacts, List<Guid> places, Guid hall)
    {
        var start = new DateTime(2025, 1, 1, 6, 0, 0, DateTimeKind.Utc);
        var written = 0;
        foreach (var batch in artefacts.Chunk(5_000))
        {
            var rows = new List<MovementEntity>(batch.Length * 10);
            var homes = new List<HomeLocationEntity>(batch.Length);
            foreach (var (obj, index) in batch.Select((o, i) => (o, i)))
            {
                var home = places[(obj.GetHashCode() & 0x7fffffff) % (places.Count - 1)];
                homes.Add(new HomeLocationEntity { Object = obj, Location = home, Since = start, Recorded = start, RecordedBy = "benchmark" });
                Guid? from = null;
                var atHall = (obj.GetHashCode() & 0x7fffffff) % 20 == 0;
                for (var leg = 0; leg < 10; leg++)
                {
                    var to = leg % 2 == 0 ? home : atHall && leg == 7 ? hall : places[(index + leg) % places.Count];
                    if (to == from)
                        to = places[(index + leg + 1) % places.Count];
                    var departed = start.AddDays(leg * 60 + index % 30);
                    rows.Add(new MovementEntity
                    {
                        Key = Guid.NewGuid(), Subject = obj, From = from, To = to, Departed = departed, Arrived = departed.AddDays(1), Reason = leg % 2 == 0 ? "storage" : "exhibition",
                        AuthorisedBy = "Registrar (benchmark)", MovedBy = "Art transport (benchmark)", Recorded = departed, RecordedBy = "benchmark",
                    });
                    from = to;
                }
            }
            await using var db = database.NewContext();
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInserter.InsertAsync(db, rows, default);
            await BulkInserter.InsertAsync(db, homes, default);
            await tx.CommitAsync();
            written += rows.Count;
        }
        return written;
    }

    private static async Task<int> AtCountAsync(BenchmarkDatabase database, Guid hall, DateTime day)
    {
        await using var db = database.NewContext();
        return (await new LedgerReader(db).AtAsync(hall, day, default)).Count;
    }

    private static async Task<List<double>> MeasureAsync(int runs, Func<ArchiveDbContext, Task<int>> query, BenchmarkDatabase database)
    {
        var samples = new List<double>();
        for (var i = 0; i < runs + 20; i++)
        {
            await using var db = database.NewContext();
            var timer = Stopwatch.StartNew();
            await query(db);
            if (i >= 20)
                samples.Add(timer.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
