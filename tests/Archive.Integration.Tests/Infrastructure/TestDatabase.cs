using Archive.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Archive.Integration.Tests.Infrastructure;

/// A fresh, migrated database for one test class: a temporary SQLite file, or a new database on the
/// PostgreSQL server that the test command starts (ARCHIVE_TEST_POSTGRES).
public abstract class TestDatabase : IAsyncLifetime
{
    public DbContextOptions<ArchiveDbContext> Options { get; protected set; } = null!;

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public ArchiveDbContext NewContext() => new(Options);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    protected async Task MigrateAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"archive-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_file};Pooling=False";

    public override async Task InitializeAsync()
    {
        Options = new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite(ConnectionString, x => x.MigrationsAssembly("Archive.Data.Sqlite"))
            .UseArchiveDefaults()
            .Options;
        await MigrateAsync();
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
        return Task.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _database = $"archive_test_{Guid.NewGuid():N}";
    private string _server = "";

    public override string Provider => "PostgreSQL";

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    public static string ServerConnectionString =>
        TestServices.Setting("ARCHIVE_TEST_POSTGRES", "PostgreSQL");

    public override async Task InitializeAsync()
    {
        _server = ServerConnectionString;
        Options = new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseNpgsql(ConnectionString, x => x.MigrationsAssembly("Archive.Data.PostgreSql"))
            .UseArchiveDefaults()
            .Options;
        await MigrateAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_server.Length == 0)
            return; // never started: the server was not there
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
