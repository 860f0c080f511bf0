using System.Diagnostics;
using Npgsql;

namespace Archive.Backups;

/// PostgreSQL's own tools: pg_dump in its custom format, taken inside a snapshot this process exports (so the rows it
/// counts and the media paths it reads are exactly those of the dump), pg_restore --list to check a dump, and
/// pg_restore in one transaction into an empty database to restore it. The tools are found in
/// /usr/lib/postgresql/*/bin (the newest), else on the PATH, or where Archive:Backup:PostgreSqlBin says.
public static class PostgresDump
{
    public const string FileName = "database.pgdump";

    public static async Task<(Dictionary<string, long> Rows, HashSet<string> NamedMedia)> CreateAsync(string connectionString, string target, string? bin, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot);
        var id = (string)(await export.ExecuteScalarAsync(ct))!;
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync(Tool(bin, "pg_dump"), settings, ct, "--format=custom", "--no-owner", "--no-privileges", $"--snapshot={id}", $"--file={target}", $"--dbname={settings.Database}");
        var rows = await DatabaseTables.CountAsync(connection, ct);
        var named = await DatabaseTables.NamedMediaAsync(connection, ct);
        await snapshot.CommitAsync(ct);
        return (rows, named);
    }

    public static async Task<string?> CheckAsync(string file, string? bin, CancellationToken ct)
    {
        try
        {
            await RunAsync(Tool(bin, "pg_restore"), null, ct, "--list", file);
            return null;
        }
        catch (BackupException ex)
        {
            return $"the database dump cannot be read: {ex.Message}";
        }
    }

    /// Restores into the configured database, which must have no tables yet (create it empty, restore, then start).
    public static async Task RestoreAsync(string file, string connectionString, string? bin, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            if ((await DatabaseTables.ListAsync(connection, ct)).Count > 0)
                throw new BackupException("The configured PostgreSQL database has tables already; a backup is restored into an empty database only (create a new one, restore, then start the archive on it).");
        }
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync(Tool(bin, "pg_restore"), settings, ct, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={settings.Database}", file);
    }

    public static async Task<Dictionary<string, long>> CountAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return await DatabaseTables.CountAsync(connection, ct);
    }

    private static string Tool(string? bin, string name)
    {
        if (!string.IsNullOrWhiteSpace(bin))
            return Path.Combine(bin, name);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? name;
    }

    /// Runs a tool with the connection's server and credentials (the password through PGPASSWORD, never the command line).
    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder? settings, CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (settings is not null)
        {
            start.ArgumentList.Add($"--host={settings.Host}");
            start.ArgumentList.Add($"--port={settings.Port}");
            if (!string.IsNullOrEmpty(settings.Username))
                start.ArgumentList.Add($"--username={settings.Username}");
            start.ArgumentList.Add("--no-password");
            if (!string.IsNullOrEmpty(settings.Password))
                start.Environment["PGPASSWORD"] = settings.Password;
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BackupException($"{tool} cannot be run ({ex.Message}): install PostgreSQL's client tools or set Archive:Backup:PostgreSqlBin.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await output;
            if (process.ExitCode != 0)
                throw new BackupException($"{Path.GetFileName(tool)} failed: {(await errors).Trim()}");
        }
    }
}
