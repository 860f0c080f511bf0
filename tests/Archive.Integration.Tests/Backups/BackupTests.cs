using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Archive.Backups;
using Archive.Identity;
using Archive.Integration.Tests.Infrastructure;
using Archive.Integration.Tests.Management;
using Archive.Integration.Tests.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Archive.Integration.Tests.Backups;

/// `backup create` while the archive runs, `backup verify`, and `backup restore` into an empty installation, proved by
/// comparing every store before and after: every table of the database row by row (items and their versions, accounts
/// and API clients, the key ring, audit trail, change log, redirects, review states, the ledger, kiosks, harvest
/// records, import batches, and whatever later features add), the uSync export, and the hash of every media file.
public abstract class BackupTests
{
    protected const string Secret = "Backup-Client-Secret-2026-0123456789";

    /// The archive's command line against one installation.
    protected static Task<(int Code, string Output)> Cli(IReadOnlyDictionary<string, string> installation, params string[] args) => HostProcess.RunAsync(installation, args);

    /// A running archive with more than the demo: an API client, a published edit, an uploaded image.
    protected static async Task<ArchiveHostFactory> BusyArchiveAsync(Action<ArchiveHostFactory>? configure = null)
    {
        var host = new ArchiveHostFactory();
        configure?.Invoke(host);
        var client = await host.ReadyClientAsync();
        using (var scope = host.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Accounts>().CreateApiClientAsync("umbraco-back-office-backup", "backup", Roles.Administrator, Secret, [])).Succeeded);
        var token = JsonDocument.Parse(await (await ManagementSecurityTests.RequestToken(client, "umbraco-back-office-backup", Secret)).Content.ReadAsStringAsync())
            .RootElement.GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var staged = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await MediaUploadApiTests.Stage(client, staged, MediaUploadApiTests.Jpeg(42), "Backup amulet.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await MediaUploadApiTests.Create(client, staged, "Backup amulet")).StatusCode);
        // Every change applied (the harvest records' position included) before the backup is compared with its restore.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var log = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement.GetProperty("changeLog");
            if (log.GetProperty("position").ValueKind == JsonValueKind.Number && log.GetProperty("position").GetInt64() == log.GetProperty("head").GetInt64() || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(100);
        }
        return host;
    }

    /// Every row of every table, as text, per table.
    protected static async Task<Dictionary<string, List<string>>> ContentsAsync(DbConnection connection)
    {
        await connection.OpenAsync();
        var tables = new Dictionary<string, List<string>>();
        foreach (var table in await DatabaseTables.ListAsync(connection, CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join("\u001f", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToHexString(bytes),
                    DateTime time => time.ToString("O"),
                    DateTimeOffset time => time.ToString("O"),
                    var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                })));
            rows.Sort(StringComparer.Ordinal);
            tables[table] = rows;
        }
        await connection.CloseAsync();
        return tables;
    }

    protected static void AssertSameContents(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after)
    {
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (table, rows) in before)
        {
            Assert.True(rows.Count == after[table].Count, $"{table}: {rows.Count} rows before, {after[table].Count} after");
            Assert.True(rows.SequenceEqual(after[table]), $"{table} differs after the restore");
        }
        // The comparison means something: the tables later features write are there and hold rows.
        foreach (var table in new[] { "Nodes", "NodeVersions", "Audit", "ChangeLog", "AspNetUsers", "OpenIddictApplications", "DataProtectionKeys", "HarvestRecords", "UniqueValues" })
            Assert.True(before.GetValueOrDefault(table)?.Count > 0, $"{table} is empty before the backup");
    }

    /// SHA-256 of every file a media folder keeps (derivatives, tiles and temporary files are made again).
    protected static Dictionary<string, string> MediaHashes(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
        .Where(p => MediaObjects.IsKept(p) && !p.StartsWith('.') && !p.Contains("/."))
        .ToDictionary(p => p, p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, p)))));

    /// Every file of a uSync export with its bytes' hash.
    protected static Dictionary<string, string> ExportHashes(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}

public sealed class SqliteBackupTests : BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_the_archive_runs_restores_an_empty_installation_to_exactly_that_state()
    {
        await using var host = await BusyArchiveAsync();
        var source = new Dictionary<string, string> { ["Archive__DataPath"] = host.DataPath, ["Archive__Media__RootPath"] = host.MediaRoot };
        var backup = Path.Combine(Paths.TempFolder(), "backup");
        var created = await Cli(source, "backup", "create", backup);
        Assert.True(created.Code == 0, created.Output);
        var verified = await Cli(source, "backup", "verify", backup);
        Assert.True(verified.Code == 0, verified.Output);
        Assert.Contains("verifies", verified.Output);

        var empty = Paths.TempFolder();
        var target = new Dictionary<string, string> { ["Archive__DataPath"] = empty, ["Archive__Media__RootPath"] = Path.Combine(empty, "media") };
        var restored = await Cli(target, "backup", "restore", backup);
        Assert.True(restored.Code == 0, restored.Output);

        var before = await ContentsAsync(new SqliteConnection($"Data Source={Path.Combine(host.DataPath, "archive.db")};Mode=ReadOnly;Pooling=False"));
        var after = await ContentsAsync(new SqliteConnection($"Data Source={Path.Combine(empty, "archive.db")};Mode=ReadOnly;Pooling=False"));
        AssertSameContents(before, after);
        Assert.Equal(MediaHashes(host.MediaRoot), MediaHashes(Path.Combine(empty, "media")));
        var exports = new[] { (source, Path.Combine(Paths.TempFolder(), "export")), (target, Path.Combine(Paths.TempFolder(), "export")) };
        foreach (var (installation, folder) in exports)
            Assert.Equal(0, (await Cli(installation, "usync", "export", folder)).Code);
        Assert.Equal(ExportHashes(exports[0].Item2), ExportHashes(exports[1].Item2));

        // The restored installation starts, serves, and its API client signs in with the secret it had.
        await using var again = new ArchiveHostFactory();
        again.Settings["Archive:DataPath"] = empty;
        again.Settings["Archive:Media:RootPath"] = Path.Combine(empty, "media");
        var client = await again.ReadyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await ManagementSecurityTests.RequestToken(client, "umbraco-back-office-backup", Secret)).StatusCode);
        var found = JsonDocument.Parse(await client.GetStringAsync("/umbraco/delivery/api/v2/media?fetch=children:/&take=1000")).RootElement;
        Assert.Contains(found.GetProperty("items").EnumerateArray(), m => m.GetProperty("name").GetString() == "Backup amulet");
    }

    [Fact]
    public async Task Damaged_incomplete_and_misdirected_backups_are_refused_naming_what_is_wrong_and_change_nothing()
    {
        await using var host = await BusyArchiveAsync();
        var source = new Dictionary<string, string> { ["Archive__DataPath"] = host.DataPath, ["Archive__Media__RootPath"] = host.MediaRoot };
        var backup = Path.Combine(Paths.TempFolder(), "backup");
        Assert.Equal(0, (await Cli(source, "backup", "create", backup)).Code);

        // Into a folder that holds something: refused.
        var again = await Cli(source, "backup", "create", backup);
        Assert.Equal(1, again.Code);
        Assert.Contains("not empty", again.Output);
        // Over an installation that holds an archive: refused, and it is left as it was.
        var restoreOver = await Cli(source, "backup", "restore", backup);
        Assert.Equal(1, restoreOver.Code);
        Assert.Contains("holds an archive already", restoreOver.Output);

        // One media object damaged: verify names the file, restore refuses before touching anything.
        var manifest = await BackupManifest.ReadAsync(backup, CancellationToken.None);
        var victim = manifest.Media.First(f => f.Path.EndsWith(".jpg", StringComparison.Ordinal));
        var objectPath = MediaObjects.ObjectPath(backup, victim.Sha256);
        var bytes = File.ReadAllBytes(objectPath);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(objectPath, bytes);
        var verified = await Cli(source, "backup", "verify", backup);
        Assert.Equal(1, verified.Code);
        Assert.Contains(victim.Path, verified.Output);
        var empty = Paths.TempFolder();
        var target = new Dictionary<string, string> { ["Archive__DataPath"] = empty, ["Archive__Media__RootPath"] = Path.Combine(empty, "media") };
        var refused = await Cli(target, "backup", "restore", backup);
        Assert.Equal(1, refused.Code);
        Assert.Contains("does not verify", refused.Output);
        Assert.False(File.Exists(Path.Combine(empty, "archive.db")));

        // A folder cut short (no manifest) is not a backup.
        File.Delete(BackupManifest.PathIn(backup));
        var incomplete = await Cli(target, "backup", "verify", backup);
        Assert.Equal(1, incomplete.Code);
        Assert.Contains("not a complete backup", incomplete.Output);
    }
}

public sealed class PostgresBackupTests : BackupTests
{
    [Fact]
    public async Task A_PostgreSQL_backup_taken_while_the_archive_runs_restores_an_empty_database_to_exactly_that_state()
    {
        var server = PostgresTestDatabase.ServerConnectionString;
        string Database(string name) => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var (from, to) = ($"archive_backup_{Guid.NewGuid():N}"[..30], $"archive_restore_{Guid.NewGuid():N}"[..30]);
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            foreach (var name in new[] { from, to })
                await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
        }
        await using var host = await BusyArchiveAsync(h =>
        {
            h.Settings["Archive:Database:Provider"] = "PostgreSQL";
            h.Settings["ConnectionStrings:Archive"] = Database(from);
        });
        var source = new Dictionary<string, string>
        {
            ["Archive__Database__Provider"] = "PostgreSQL", ["ConnectionStrings__Archive"] = Database(from),
            ["Archive__DataPath"] = host.DataPath, ["Archive__Media__RootPath"] = host.MediaRoot,
        };
        var backup = Path.Combine(Paths.TempFolder(), "backup");
        var created = await Cli(source, "backup", "create", backup);
        Assert.True(created.Code == 0, created.Output);
        Assert.True(File.Exists(Path.Combine(backup, PostgresDump.FileName)));
        var verified = await Cli(source, "backup", "verify", backup);
        Assert.True(verified.Code == 0, verified.Output);

        var empty = Paths.TempFolder();
        var target = new Dictionary<string, string>
        {
            ["Archive__Database__Provider"] = "PostgreSQL", ["ConnectionStrings__Archive"] = Database(to),
            ["Archive__DataPath"] = empty, ["Archive__Media__RootPath"] = Path.Combine(empty, "media"),
        };
        var restored = await Cli(target, "backup", "restore", backup);
        Assert.True(restored.Code == 0, restored.Output);
        AssertSameContents(await ContentsAsync(new NpgsqlConnection(Database(from))), await ContentsAsync(new NpgsqlConnection(Database(to))));
        Assert.Equal(MediaHashes(host.MediaRoot), MediaHashes(Path.Combine(empty, "media")));
        // A second restore meets a database with tables: refused.
        var twice = await Cli(target, "backup", "restore", backup);
        Assert.Equal(1, twice.Code);
        Assert.Contains("has tables already", twice.Output);
    }
}
