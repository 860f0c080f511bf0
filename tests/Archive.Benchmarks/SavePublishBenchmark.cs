using System.Data.Common;
using System.Diagnostics;
using Archive.Catalogues.Synthetic;
using Archive.Data.USync;
using Archive.Engine.Content;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Archive.Benchmarks;

/// Save-and-publish of one artefact through the content service (a new draft version, rules,
/// segments, unique values, a published snapshot, audit and change log), with N artefacts stored;
/// the baseline is the bare SQL such a change needs at least (update the node, insert a version).
public static class SavePublishBenchmark
{
    public static async Task<int> RunAsync(int count, int runs, string provider, string? connection, string schemaFolder)
    {
        var package = new SyntheticCatalogue().Generate(count);
        await using var database = await BenchmarkDatabase.CreateAsync(provider, connection, schemaFolder);
        await using (var db = database.NewContext())
            await database.Importer(db).ImportAsync(package, new USyncImportOptions { Schema = false }, "benchmark");
        var artefacts = package.Nodes.Where(n => n.ContentTypeAlias == "artefact").Select(n => n.Key).ToList();
        var random = new Random(7);

        var baseline = await BaselineAsync(database, runs, random);
        var save = new List<double>();
        var publish = new List<double>();
        for (var i = 0; i < runs + 20; i++)
        {
            var key = artefacts[random.Next(artefacts.Count)];
            await using var db = database.NewContext();
            var content = database.Content(db);
            var timer = Stopwatch.StartNew();
            var saved = await content.SaveAsync(key, new ContentEdit { Values = [new ValueEdit("dimensions", "en", $"{i} × {i} cm")] }, "benchmark");
            var saveMs = timer.Elapsed.TotalMilliseconds;
            var published = await content.PublishAsync(key, ["en"], "benchmark");
            var publishMs = timer.Elapsed.TotalMilliseconds - saveMs;
            if (!saved.Succeeded || !published.Succeeded)
                throw new InvalidOperationException($"{saved} / {published}");
            if (i < 20)
                continue; // warm-up
            save.Add(saveMs);
            publish.Add(publishMs);
        }
        var both = save.Zip(publish, (s, p) => s + p).ToList();
        Console.WriteLine($"Save-and-publish ({provider}, {count:N0} artefacts stored, {runs} runs):");
        Console.WriteLine($"  save     median {Stats.Percentile(save, 50):F2} ms, p99 {Stats.Percentile(save, 99):F2} ms");
        Console.WriteLine($"  publish  median {Stats.Percentile(publish, 50):F2} ms, p99 {Stats.Percentile(publish, 99):F2} ms");
        Console.WriteLine($"  both     median {Stats.Percentile(both, 50):F2} ms, p99 {Stats.Percentile(both, 99):F2} ms");
        Console.WriteLine($"  baseline median {Stats.Percentile(baseline, 50):F2} ms, p99 {Stats.Percentile(baseline, 99):F2} ms (bare update + version insert)");
        Console.WriteLine($"  ratio    median {Stats.Percentile(both, 50) / Stats.Percentile(baseline, 50):F1}×, p99 {Stats.Percentile(both, 99) / Stats.Percentile(baseline, 99):F1}×");
        return 0;
    }

    private static async Task<List<double>> BaselineAsync(BenchmarkDatabase database, int runs, Random random)
    {
        await using var db = database.NewContext();
        var ids = await db.Nodes.Where(n => n.ContentTypeAlias == "artefact").Select(n => n.Id).ToListAsync();
        var data = await db.NodeVersions.Select(v => v.Data).FirstAsync();
        await using DbConnection connection = database.Provider == "PostgreSQL" ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var samples = new List<double>();
        for (var i = 0; i < runs + 20; i++)
        {
            var id = ids[random.Next(ids.Count)];
            var timer = Stopwatch.StartNew();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var update = connection.CreateCommand())
            {
                update.Transaction = transaction;
                update.CommandText = $"UPDATE \"Nodes\" SET \"Revision\" = \"Revision\" + 1 WHERE \"Id\" = {id}";
                await update.ExecuteNonQueryAsync();
            }
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = database.Provider == "PostgreSQL"
                    ? $"INSERT INTO \"NodeVersions\" (\"NodeId\", \"Number\", \"CreatedAt\", \"CreatedBy\", \"Data\", \"IsDraft\", \"IsPublished\", \"IsPublishedSnapshot\") VALUES ({id}, {1000 + i}, now(), 'b', @data::jsonb, false, false, false)"
                    : $"INSERT INTO \"NodeVersions\" (\"NodeId\", \"Number\", \"CreatedAt\", \"CreatedBy\", \"Data\", \"IsDraft\", \"IsPublished\", \"IsPublishedSnapshot\") VALUES ({id}, {1000 + i}, datetime('now'), 'b', @data, 0, 0, 0)";
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "data";
                parameter.Value = data;
                insert.Parameters.Add(parameter);
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            if (i >= 20)
                samples.Add(timer.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
