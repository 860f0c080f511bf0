using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Cluster;

/// A lock every node of a cluster sees: a PostgreSQL session advisory lock held on a connection of its own, outside
/// the pool, so it ends when the holder lets go, its connection breaks or its process dies (the server notices the
/// closed socket). On SQLite, one machine's database, it is an exclusive lock on a file beside the database, which the
/// operating system lets go of with the process that held it.
public sealed class ClusterLock : IAsyncDisposable
{
    private readonly DbConnection? _connection;
    private readonly FileStream? _file;
    private readonly long _key;

    private ClusterLock(DbConnection? connection, FileStream? file, long key)
    {
        _connection = connection;
        _file = file;
        _key = key;
    }

    public string Name { get; private init; } = "";

    /// Waits until the lock is free and takes it.
    public static async Task<ClusterLock> AcquireAsync(DbContext db, string name, CancellationToken ct) =>
        (await TakeAsync(db, name, wait: true, ct))!;

    /// Takes the lock when it is free; null when another holds it.
    public static Task<ClusterLock?> TryAcquireAsync(DbContext db, string name, CancellationToken ct) => TakeAsync(db, name, wait: false, ct);

    /// Whether the lock is still held: its connection answers.
    public async Task<bool> IsHeldAsync(CancellationToken ct)
    {
        if (_connection is null)
            return true;
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT 1";
            command.CommandTimeout = 5;
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
            await _file.DisposeAsync();
        if (_connection is null)
            return;
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                await using var command = _connection.CreateCommand();
                command.CommandText = $"SELECT pg_advisory_unlock({_key})";
                await command.ExecuteScalarAsync();
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            // A broken connection has let go already.
        }
        await _connection.DisposeAsync();
    }

    private static async Task<ClusterLock?> TakeAsync(DbContext db, string name, bool wait, CancellationToken ct)
    {
        var key = KeyOf(name);
        if (!db.Database.IsPostgres())
            return await FileLockAsync(db, name, key, wait, ct);
        var template = db.Database.GetDbConnection();
        var connection = DbProviderFactories.GetFactory(template)!.CreateConnection()!;
        var settings = new DbConnectionStringBuilder { ConnectionString = db.Database.GetConnectionString() };
        // Outside the pool: a pooled connection returned with the lock would keep it for whoever opens it next.
        settings["Pooling"] = false;
        // A dead peer is noticed within seconds, not at the operating system's TCP timeout.
        settings["Keepalive"] = 5;
        connection.ConnectionString = settings.ConnectionString;
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = wait ? $"SELECT pg_advisory_lock({key}), true" : $"SELECT pg_try_advisory_lock({key})";
            command.CommandTimeout = 0;
            if (wait)
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
            }
            else if (await command.ExecuteScalarAsync(ct) is not true)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new ClusterLock(connection, null, key) { Name = name };
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<ClusterLock?> FileLockAsync(DbContext db, string name, long key, bool wait, CancellationToken ct)
    {
        var settings = new DbConnectionStringBuilder { ConnectionString = db.Database.GetConnectionString() };
        var source = settings.TryGetValue("Data Source", out var value) ? value as string : null;
        // A database in memory belongs to one process, which holds every lock of it at once.
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase))
            return new ClusterLock(null, null, key) { Name = name };
        var path = $"{Path.GetFullPath(source)}.{(ulong)key:x16}.lock";
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: both end with the process.
                return new ClusterLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), key) { Name = name };
            }
            catch (IOException) when (wait)
            {
                await Task.Delay(200, ct);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// A stable 64-bit key for a lock's name.
    private static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("archive:" + name)), 0);
}
