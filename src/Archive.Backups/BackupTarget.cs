using Archive.Media.Storage;

namespace Archive.Backups;

/// The installation a backup is taken from or restored into: its database (provider and connection) and media store.
public sealed record BackupTarget(string Provider, string ConnectionString, IMediaStore Media, string? PostgreSqlBin = null)
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    public bool IsPostgres => Provider == PostgreSql;

    public string DatabaseFile => IsPostgres ? PostgresDump.FileName : SqliteSnapshot.FileName;

    public Task<Dictionary<string, long>> CountAsync(CancellationToken ct) =>
        IsPostgres ? PostgresDump.CountAsync(ConnectionString, ct) : SqliteSnapshot.CountAsync(ConnectionString, ct);
}

/// How far a backup, check or restore has come: a stage and its count of files.
public sealed record BackupProgress(string Stage, int Done, int Total);
