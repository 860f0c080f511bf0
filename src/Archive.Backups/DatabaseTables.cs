using System.Data.Common;

namespace Archive.Backups;

/// The tables of a database as its own catalogue lists them (the archive's, the accounts', the key ring, migration
/// histories, and whatever later migrations add), and their rows.
public static class DatabaseTables
{
    public static async Task<List<string>> ListAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = IsPostgres(connection)
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            tables.Add(reader.GetString(0));
        return tables;
    }

    public static async Task<Dictionary<string, long>> CountAsync(DbConnection connection, CancellationToken ct)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await ListAsync(connection, ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
            rows[table] = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        }
        return rows;
    }

    /// The media paths ("/media/…") every version of every item names: the files a restore must bring back.
    public static async Task<HashSet<string>> NamedMediaAsync(DbConnection connection, CancellationToken ct)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Data\" FROM \"NodeVersions\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            foreach (var path in Archive.Media.Library.MediaOrphans.NamedPaths(reader.GetString(0)))
                named.Add(path);
        return named;
    }

    public static bool IsPostgres(DbConnection connection) => connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal);
}
