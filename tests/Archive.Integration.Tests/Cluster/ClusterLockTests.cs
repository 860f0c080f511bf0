using Archive.Data;
using Archive.Data.Cluster;
using Archive.Data.Entities;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Archive.Integration.Tests.Cluster;

/// The two things a cluster rests on besides its database: locks every process sees, and change-log ids that become
/// visible in the order they were handed out.
public abstract class ClusterLockTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    protected TDatabase Database => database;

    [Fact]
    public async Task A_lock_has_one_holder_until_it_lets_go()
    {
        await using var one = database.NewContext();
        await using var two = database.NewContext();
        var name = "test:" + Guid.NewGuid();
        var held = await ClusterLock.TryAcquireAsync(one, name, CancellationToken.None);
        Assert.NotNull(held);
        Assert.True(await held!.IsHeldAsync(CancellationToken.None));
        Assert.Null(await ClusterLock.TryAcquireAsync(two, name, CancellationToken.None));
        // Another name is another lock.
        await using (var other = await ClusterLock.TryAcquireAsync(two, name + ":other", CancellationToken.None))
            Assert.NotNull(other);

        var waiting = ClusterLock.AcquireAsync(two, name, CancellationToken.None);
        await Task.Delay(600);
        Assert.False(waiting.IsCompleted, "A second holder got the lock while the first held it.");
        await held.DisposeAsync();
        await using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(await ClusterLock.TryAcquireAsync(one, name, CancellationToken.None));
    }
}

public sealed class SqliteClusterLockTests(SqliteTestDatabase database) : ClusterLockTests<SqliteTestDatabase>(database);

public sealed class PostgresClusterLockTests(PostgresTestDatabase database) : ClusterLockTests<PostgresTestDatabase>(database)
{
    [Fact]
    public async Task A_lock_whose_connection_dies_is_free_for_the_next_holder_and_its_holder_knows()
    {
        await using var one = Database.NewContext();
        var name = "test:" + Guid.NewGuid();
        var held = (await ClusterLock.TryAcquireAsync(one, name, CancellationToken.None))!;
        // What a killed process leaves: its server session ends.
        await using (var admin = new NpgsqlConnection(Database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() " +
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", admin);
            await kill.ExecuteNonQueryAsync();
        }
        await using var two = Database.NewContext();
        await using var next = await ClusterLock.TryAcquireAsync(two, name, CancellationToken.None);
        Assert.NotNull(next);
        Assert.False(await held.IsHeldAsync(CancellationToken.None));
        await held.DisposeAsync();
    }

    [Fact]
    public async Task A_change_logged_after_another_becomes_visible_only_after_it()
    {
        await using var first = Database.NewContext();
        await using var transaction = await first.Database.BeginTransactionAsync();
        var early = new ChangeLogEntity { Timestamp = DateTime.UtcNow, EntityType = "document", Key = Guid.NewGuid(), Change = "saved" };
        first.ChangeLog.Add(early);
        await first.SaveChangesAsync();

        await using var second = Database.NewContext();
        var late = new ChangeLogEntity { Timestamp = DateTime.UtcNow, EntityType = "document", Key = Guid.NewGuid(), Change = "saved" };
        second.ChangeLog.Add(late);
        var saving = second.SaveChangesAsync();
        await Task.Delay(600);
        // Without the order, the later change would be committed and readable now, ahead of the one still open.
        Assert.False(saving.IsCompleted, "A change was committed while an earlier one was still open.");
        await using (var reader = Database.NewContext())
            Assert.False(await reader.ChangeLog.AnyAsync(c => c.Id > early.Id));
        await transaction.CommitAsync();
        await saving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(late.Id > early.Id);
    }
}
