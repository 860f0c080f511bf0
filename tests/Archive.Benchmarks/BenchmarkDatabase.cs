using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Data.USync;
using Archive.Engine.Editors;
using Archive.Engine.USync;
using Archive.Media.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Archive.Benchmarks;

/// A fresh, migrated database for one benchmark run: a temporary SQLite file, or a new database on a
/// PostgreSQL server (--connection, else ARCHIVE_BENCH_POSTGRES or ARCHIVE_TEST_POSTGRES).
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _server;
    private readonly string _database = $"archive_bench_{Guid.NewGuid():N}";

    public string Provider { get; }
    public string ConnectionString { get; }
    public DbContextOptions<ArchiveDbContext> Options { get; }
    public SchemaStore Schemas { get; } = new();
    public string MediaRoot { get; } = Directory.CreateTempSubdirectory("archive-bench-media").FullName;

    private BenchmarkDatabase(string provider, string? server)
    {
        Provider = provider;
        if (provider == "PostgreSQL")
        {
            _server = server ?? Environment.GetEnvironmentVariable("ARCHIVE_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("ARCHIVE_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Give --connection or set ARCHIVE_BENCH_POSTGRES to a PostgreSQL server (e.g. one started by tests/scripts/postgres.sh).");
            ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
            Options = new DbContextOptionsBuilder<ArchiveDbContext>().UseNpgsql(ConnectionString, x => x.MigrationsAssembly("Archive.Data.PostgreSql")).UseArchiveDefaults().Options;
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"archive-bench-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_sqliteFile}";
            Options = new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(ConnectionString, x => x.MigrationsAssembly("Archive.Data.Sqlite")).UseArchiveDefaults().Options;
        }
    }

    public static async Task<BenchmarkDatabase> CreateAsync(string provider, string? server, string schemaFolder)
    {
        var database = new BenchmarkDatabase(provider, server);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        await database.Importer(db).ImportAsync(USyncFolderReader.Read(schemaFolder), new USyncImportOptions { Content = false }, "benchmark");
        return database;
    }

    public ArchiveDbContext NewContext() => new(Options);

    /// The settings of a host (and of its command line) on this database, with its data in dataPath: the content is
    /// the benchmark's own, not the demo; sign-ins are not rate-limited as a crowd of people would be.
    public Dictionary<string, string> HostEnvironment(string dataPath) => new()
    {
        ["Archive__DataPath"] = dataPath,
        ["ConnectionStrings__Archive"] = ConnectionString,
        ["Archive__Database__Provider"] = Provider,
        ["Archive__USync__ImportContent"] = "false",
        ["Archive__Media__RootPath"] = MediaRoot,
        ["Archive__Management__SignInPermitsPerMinute"] = "1000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public USyncImporter Importer(ArchiveDbContext db) => new(db, Schemas, PropertyEditors.Default,
        new MediaImportTarget(new FileSystemMediaStore(MediaRoot)), new ContentOptions(), TimeProvider.System);

    public ContentService Content(ArchiveDbContext db) => new(db, Schemas, PropertyEditors.Default, new ContentOptions(), TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        Directory.Delete(MediaRoot, recursive: true);
    }
}
