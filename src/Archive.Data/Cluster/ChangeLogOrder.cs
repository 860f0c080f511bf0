using System.Runtime.CompilerServices;
using Archive.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Archive.Data.Cluster;

/// PostgreSQL hands out change-log ids from a sequence when a row is inserted, but transactions commit in any order:
/// a follower that read id 11 before the transaction holding id 10 committed would pass 10 by for ever. So every
/// transaction that appends to the change log first takes one transaction-scoped lock, held to its commit: ids become
/// visible in the order they were handed out, on every node. SQLite writes one transaction at a time and needs nothing.
public sealed class ChangeLogOrder : SaveChangesInterceptor
{
    public static readonly ChangeLogOrder Instance = new();

    /// The advisory lock's key is "ArchLog" in ASCII.
    private const string Lock = "SELECT pg_advisory_xact_lock(18421644763361127)";

    /// Transactions this interceptor opened for a SaveChanges that had none, committed when it succeeds.
    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> Opened = new();

    /// Takes the lock inside the current transaction (for writers that insert change-log rows without change tracking).
    public static async Task LockAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.IsPostgres() && db.Database.CurrentTransaction is not null)
            await db.Database.ExecuteSqlRawAsync(Lock, ct);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is { } db && Appends(db))
        {
            if (db.Database.CurrentTransaction is null)
                Opened.AddOrUpdate(db, await db.Database.BeginTransactionAsync(ct));
            await LockAsync(db, ct);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Appends(db))
        {
            if (db.Database.CurrentTransaction is null)
                Opened.AddOrUpdate(db, db.Database.BeginTransaction());
            db.Database.ExecuteSqlRaw(Lock);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is { } db && Opened.TryGetValue(db, out var tx))
        {
            Opened.Remove(db);
            await using (tx)
                await tx.CommitAsync(ct);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && Opened.TryGetValue(db, out var tx))
        {
            Opened.Remove(db);
            using (tx)
                tx.Commit();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is { } db && Opened.TryGetValue(db, out var tx))
        {
            Opened.Remove(db);
            await tx.DisposeAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db && Opened.TryGetValue(db, out var tx))
        {
            Opened.Remove(db);
            tx.Dispose();
        }
    }

    private static bool Appends(DbContext db) =>
        db.Database.IsPostgres() && db.ChangeTracker.Entries<ChangeLogEntity>().Any(e => e.State == EntityState.Added);
}
