using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Spreadsheets.Importing;

public sealed partial class SpreadsheetImporter
{
    /// Batches younger than this are left alone: their process may be about to take its lock (it does so at once; a
    /// process slower than this finds its batch given up and writes nothing).
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(30);

    internal static string LockName(Guid batchId) => "import:" + batchId.ToString("N");

    /// Undoes every batch still marked running whose process no longer holds its lock (killed, or its machine lost):
    /// the rows it had committed are taken back, so nothing stays half-imported. Returns how many were undone.
    public async Task<int> UndoAbandonedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Archive.Data.ArchiveDbContext>();
        var before = clock.GetUtcNow().UtcDateTime - StartGrace;
        var running = await db.ImportBatches.AsNoTracking().Where(b => b.State == "running" && b.StartedAt < before)
            .Select(b => new { b.Id, b.CreatedBy }).ToListAsync(ct);
        var undone = 0;
        foreach (var batch in running)
        {
            await using var held = await Archive.Data.Cluster.ClusterLock.TryAcquireAsync(db, LockName(batch.Id), ct);
            if (held is null)
                continue;
            await UndoAsync(batch.Id, batch.CreatedBy, ct);
            await FinishAsync(batch.Id, "failed", "The process running this import stopped before it finished; the rows it had written were taken back.", ct);
            undone++;
        }
        return undone;
    }
}
