using System.Data.Common;
using System.Diagnostics;
using Archive.Catalogues.Synthetic;
using Archive.Data.USync;
using Archive.Engine.USync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Archive.Benchmarks;

/// Bulk import of N synthetic artefacts through the uSync importer (validation, segments, unique
/// accession numbers, versions, audit and change log), beside a baseline that writes the same number
/// of rows with bare ADO.NET into a scratch table in the same database, in the same run.
public static class ImportBenchmark
{
    private const int RowsPerNode = 8; // node, 3 cultures, version, unique value, change log, audit

    public static async Task<int> RunAsync(int count, string provider, string? connection, string schemaFolder)
    {
        Console.WriteLine($"Generating {count:N0} synthetic artefacts (kk/ru/en)…");
        var generation = Stopwatch.StartNew();
        var package = new SyntheticCatalogue().Generate(count);
        Console.WriteLine($"  generated {package.Nodes.Count:N0} nodes in {generation.Elapsed.TotalSeconds:F1} s");

        await using var database = await BenchmarkDatabase.CreateAsync(provider, connection, schemaFolder);

        ImportReport report;
        var timer = Stopwatch.StartNew();
        long peak, start, managed;
        await using (var sampler = new MemorySampler())
        {
            await using var db = database.NewContext();
            report = await database.Importer(db).ImportAsync(package, new USyncImportOptions { Schema = false }, "benchmark",
                new Progress<ImportProgress>(p => { if (p.Done % 20_000 < 2000) Console.Write($"\r  imported {p.Done:N0}/{p.Total:N0}"); }));
            timer.Stop();
            peak = sampler.PeakBytes;
            start = sampler.StartBytes;
            managed = sampler.PeakManagedBytes;
        }
        Console.WriteLine();
        await using (var db = database.NewContext())
            if (await db.Nodes.CountAsync() != package.Nodes.Count)
                throw new InvalidOperationException("Not every node was imported.");

        // The baseline runs after the import, so its payloads do not weigh on the import's memory figure.
        var baseline = await BaselineAsync(database, package);
        Console.WriteLine($"Baseline (bare ADO.NET, {package.Nodes.Count * RowsPerNode:N0} rows in one transaction): {baseline.TotalSeconds:F1} s");

        var seconds = timer.Elapsed.TotalSeconds;
        Console.WriteLine($"Import ({provider}, {package.Nodes.Count:N0} nodes, {count:N0} artefacts × 3 cultures): {seconds:F1} s, " +
                          $"{package.Nodes.Count / seconds:N0} nodes/s ({package.Nodes.Count * RowsPerNode / seconds:N0} rows/s), " +
                          $"peak working set {Stats.Mb(peak)} (the process held {Stats.Mb(start)} before the import, catalogue headers included; " +
                          $"the managed heap's committed peak {Stats.Mb(managed)})");
        Console.WriteLine($"Ratio to baseline: {seconds / baseline.TotalSeconds:F1}× the time of bare inserts of the same row count");
        Console.WriteLine($"Report: {report}");
        return 0;
    }

    private static async Task<TimeSpan> BaselineAsync(BenchmarkDatabase database, USyncPackage package)
    {
        var payloads = package.Nodes.Select(n => NodeSerializer.Write(n.Load()).ToString()).ToList();
        var timer = Stopwatch.StartNew();
        if (database.Provider == "PostgreSQL")
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE baseline_rows (id bigserial primary key, key uuid not null, kind text not null, data text not null)");
            await using var copy = await connection.BeginBinaryImportAsync("COPY baseline_rows (key, kind, data) FROM STDIN (FORMAT BINARY)");
            foreach (var (entry, payload) in package.Nodes.Zip(payloads))
                for (var r = 0; r < RowsPerNode; r++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(entry.Key, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(r == 0 ? "version" : "row", NpgsqlDbType.Text);
                    await copy.WriteAsync(r == 0 ? payload : entry.ContentTypeAlias, NpgsqlDbType.Text);
                }
            await copy.CompleteAsync();
        }
        else
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE baseline_rows (id integer primary key, key text not null, kind text not null, data text not null)");
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO baseline_rows (key, kind, data) VALUES ($key, $kind, $data)";
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var data = insert.Parameters.Add("$data", SqliteType.Text);
            foreach (var (entry, payload) in package.Nodes.Zip(payloads))
                for (var r = 0; r < RowsPerNode; r++)
                {
                    key.Value = entry.Key.ToString();
                    kind.Value = r == 0 ? "version" : "row";
                    data.Value = r == 0 ? payload : entry.ContentTypeAlias;
                    await insert.ExecuteNonQueryAsync();
                }
            await transaction.CommitAsync();
        }
        return timer.Elapsed;
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
