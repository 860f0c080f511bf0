using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Archive.Data.Publishing;

/// The one follower of the change log. Every projection (the published cache, the search index, and
/// what later channels add) keeps its own position; each round reads the changes after the lowest of
/// them once, reads and projects the items they touch once, and hands the result to every projection
/// still behind. Changes made by this process, another process or another server on the same database
/// reach every projection within a poll interval.
public sealed class ChangeLogFollower(IServiceScopeFactory scopes, IEnumerable<IProjection> projections, StartupState startup,
    ILogger<ChangeLogFollower> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// Changes read in one round.
    public const int BatchSize = 5000;

    private readonly IReadOnlyList<IProjection> _projections = projections.ToList();

    public IReadOnlyList<IProjection> Projections => _projections;

    /// The newest change in the log at the last round; null before the first round or while the log is empty.
    public long? Head { get; private set; }

    /// When the oldest change not yet applied to every projection was written; null when all are caught up.
    public DateTime? BehindSince { get; private set; }

    /// Every projection has reached the head of the log at least once since this process started.
    public bool HasCaughtUp { get; private set; }

    /// The position of the projection furthest behind.
    public long? Position => _projections.Count == 0 || _projections.Any(p => p.Position is null) ? null : _projections.Min(p => p.Position!.Value);

    /// How far behind the log this node is: how long ago the oldest change it has not applied was written.
    public TimeSpan LagAt(DateTime utcNow) => BehindSince is { } since && utcNow > since ? utcNow - since : TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.WaitAsync(stoppingToken))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Following the change log failed; retrying");
            }
            await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// One round: builds the projections not built yet, then applies what the log holds beyond each one's position.
    public async Task FollowAsync(CancellationToken ct)
    {
        // In the order registered: the published cache first, so items are served while an index is built from nothing.
        foreach (var projection in _projections)
        {
            projection.Refresh();
            if (projection.Position is null)
                await RebuildAsync(projection, ct);
        }
        await CatchUpAsync(ct);
        await PersistAsync(final: false, ct);
    }

    /// Lets each projection keep what it built on disk (those that do): when due after a round, and at once on stopping.
    private async Task PersistAsync(bool final, CancellationToken ct)
    {
        // Most rounds nothing is due: no scope nor database context is made for them.
        var due = _projections.Where(p => p.PersistDue(final)).ToList();
        if (due.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<IStoredItemSource>();
        foreach (var projection in due)
        {
            try
            {
                await projection.PersistAsync(source, final, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Keeping the {Projection} on disk failed", projection.Name);
            }
        }
    }

    private int _stopped;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The rounds have stopped: what each projection holds now is what the next start catches up from. Once: a host
        // can be stopped again while it is let go, when its services are gone.
        if (Interlocked.Exchange(ref _stopped, 1) != 0 || !startup.IsReady)
            return;
        try
        {
            await PersistAsync(final: true, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // Stopped only as it was disposed: nothing left to keep the projections with; the next start catches up further.
        }
    }

    private async Task RebuildAsync(IProjection projection, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await projection.RebuildAsync(scope.ServiceProvider.GetRequiredService<IStoredItemSource>(), ct);
            logger.LogInformation("Built the {Projection} at change {Position} in {Milliseconds} ms", projection.Name, projection.Position, watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Others go on; this one is tried again next round.
            logger.LogError(ex, "Building the {Projection} failed; retrying", projection.Name);
        }
    }

    private async Task CatchUpAsync(CancellationToken ct)
    {
        var built = _projections.Where(p => p.Position is not null).ToList();
        if (built.Count == 0)
            return;
        var from = built.Min(p => p.Position!.Value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var changes = await db.ChangeLog.AsNoTracking().Where(c => c.Id > from).OrderBy(c => c.Id).Take(BatchSize)
            .Select(c => new { c.Id, c.EntityType, c.Key, c.Timestamp }).ToListAsync(ct);
        Head = changes.Count < BatchSize ? (changes.Count > 0 ? changes[^1].Id : Math.Max(from, Head ?? 0)) : await db.ChangeLog.MaxAsync(c => (long?)c.Id, ct);
        try
        {
            await ApplyAsync(scope, built, changes.Select(c => (c.Id, c.EntityType, c.Key)).ToList(), ct);
        }
        finally
        {
            // What is still to do after this round, measured from the changes read (or their successors, next round).
            var position = Position;
            var pending = position is null ? changes.FirstOrDefault() : changes.FirstOrDefault(c => c.Id > position);
            BehindSince = position >= Head ? null : pending?.Timestamp ?? BehindSince ?? DateTime.UtcNow;
            if (position >= Head && _projections.Count == built.Count)
                HasCaughtUp = true;
        }
    }

    private async Task ApplyAsync(AsyncServiceScope scope, List<IProjection> built, List<(long Id, string EntityType, Guid Key)> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
            return;
        var source = scope.ServiceProvider.GetRequiredService<IStoredItemSource>();
        // A schema change can change every projection: those it concerns are built again.
        if (changes.FindIndex(c => c.EntityType == ChangeTypes.Schema) is var schemaChange and >= 0)
        {
            foreach (var projection in built.Where(p => p.Position < changes[schemaChange].Id))
                await RebuildAsync(projection, ct);
            return;
        }
        var keys = changes.Select(c => c.Key).ToHashSet();
        foreach (var projection in built)
            keys.UnionWith(projection.AlsoAffected(keys).ToList());
        var batch = await source.ChangedAsync(changes[^1].Id, keys, ct);
        foreach (var projection in built.Where(p => p.Position < batch.Position))
        {
            try
            {
                await projection.ApplyAsync(batch, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Its position stays: the next round reads these changes again for it.
                logger.LogError(ex, "Applying changes to the {Projection} failed; retrying", projection.Name);
            }
        }
    }
}
