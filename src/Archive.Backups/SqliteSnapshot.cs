using Microsoft.Data.Sqlite;

namespace Archive.Backups;

/// SQLite's online backup: a consistent copy of the whole database taken while the archive runs (writers wait for the
/// moment it takes; readers never do), checked with integrity_check, and restored by putting the copy in place.
public static class SqliteSnapshot
{
    public const string FileName = "database.sqlite";

    public static async Task<(Dictionary<string, long> Rows, HashSet<string> NamedMedia)> CreateAsync(string connectionString, string target, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(connectionString))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ConnectionString))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }
        // Counted in the copy itself: exactly what was taken.
        await using var taken = Open(target, readOnly: true);
        await taken.OpenAsync(ct);
        return (await DatabaseTables.CountAsync(taken, ct), await DatabaseTables.NamedMediaAsync(taken, ct));
    }

    public static async Task<string?> CheckAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var connection = Open(file, readOnly: true);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var result = (string?)await command.ExecuteScalarAsync(ct);
            return result == "ok" ? null : $"the database copy is damaged: {result}";
        }
        catch (SqliteException ex)
        {
            return $"the database copy cannot be opened: {ex.Message}";
        }
    }

    /// Puts the copy in place of an installation's database, which must hold nothing yet (no file, or one without
    /// items and accounts, as a first start without content leaves it).
    public static async Task RestoreAsync(string file, string connectionString, CancellationToken ct)
    {
        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(target) || target == ":memory:")
            throw new BackupException("The configured SQLite database is not a file.");
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            await using (var existing = Open(target, readOnly: true))
            {
                await existing.OpenAsync(ct);
                var rows = await DatabaseTables.CountAsync(existing, ct);
                if (rows.GetValueOrDefault("Nodes") > 0 || rows.GetValueOrDefault("AspNetUsers") > 0)
                    throw new BackupException($"{target} holds an archive already; a backup is restored into an empty installation only (move that file away first).");
            }
            SqliteConnection.ClearAllPools();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var part = target + ".restoring";
        File.Copy(file, part, overwrite: true);
        foreach (var stale in new[] { target + "-wal", target + "-shm" })
            File.Delete(stale);
        File.Move(part, target, overwrite: true);
    }

    public static async Task<Dictionary<string, long>> CountAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return await DatabaseTables.CountAsync(connection, ct);
    }

    private static SqliteConnection Open(string file, bool readOnly) => new(new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ConnectionString);
}
