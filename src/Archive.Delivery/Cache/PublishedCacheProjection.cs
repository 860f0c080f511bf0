using Archive.Engine.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Delivery.Cache;

/// Keeps the published cache as the public projection has it: loaded whole at start (and after a schema
/// change), then changed item by item as the change log goes on. With a place on disk (Snapshots), a start reads the
/// cache as it was last kept and catches up from the log, and the cache is kept again now and then and at shutdown.
public sealed class PublishedCacheProjection(PublishedCache cache, IRouteStore routes, PublishedCacheProjection.Snapshots? snapshots = null,
    ILogger<PublishedCacheProjection>? logger = null) : IProjection
{
    /// Where the cache is kept on disk and how often at most (besides at shutdown).
    public sealed record Snapshots(string Path, TimeSpan Every);

    private readonly ILogger _logger = logger ?? NullLogger<PublishedCacheProjection>.Instance;
    private long? _position;
    private long _keptPosition;
    private long _keptAt;
    private Task _keeping = Task.CompletedTask;

    public string Name => "published cache";

    public long? Position => _position;

    /// How the last load was made: "database" or "disk" (what a restart's figures and tests look at).
    public string? LoadedFrom { get; private set; }

    public async Task RebuildAsync(IStoredItemSource source, CancellationToken ct)
    {
        // Only the first load of a process may come from disk: a later one follows a schema change, which the file predates.
        if (!cache.IsLoaded && snapshots is not null && await TryLoadKeptAsync(source, ct))
            return;
        var position = await source.PositionAsync(ct);
        var schema = await source.SchemaAsync(ct);
        var nodes = new List<PublishedNode>();
        DataCodec? codec = null;
        var ancestors = new AncestorArrays();
        await foreach (var (items, _) in source.AllAsync(0, 2000, ct))
        {
            // The first items are held as they are until a window of the catalogue is in; a sample spread over it teaches
            // the codec what this catalogue's items share, and they are packed with it.
            nodes.AddRange(items.Where(i => i.Public is not null).Select(i => PublishedNode.From(i.Public!, codec ?? DataCodec.None, ancestors)));
            if (codec is null && nodes.Count >= DataCodec.TrainingWindow)
                codec = TrainAndPack(nodes);
        }
        codec ??= TrainAndPack(nodes);
        cache.Load(nodes, schema, codec);
        await LoadRoutesAsync(ct);
        _position = position;
        LoadedFrom = "database";
        // Kept on disk soon after a build from the database, so that even a process killed later starts from it.
        _keptAt = 0;
    }

    private static DataCodec TrainAndPack(List<PublishedNode> held)
    {
        var codec = DataCodec.TrainSpread(held.Select(n => n.Data).ToList());
        for (var i = 0; i < held.Count; i++)
            held[i] = held[i].Repacked(codec);
        return codec;
    }

    private async Task<bool> TryLoadKeptAsync(IStoredItemSource source, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var opened = CacheSnapshotFile.Open(snapshots!.Path);
            if (opened is null)
                return false;
            // Made from this database's log (the change it names is still there, as it was) and no schema change since.
            var mark = opened.Mark;
            if (mark.Position > await source.PositionAsync(ct) || await source.ChangeAtAsync(mark.Position, ct) != mark
                || await source.SchemaChangedAfterAsync(mark.Position, ct))
            {
                _logger.LogInformation("The published cache on disk (change {Position}) is not from this database's present log; building it again", mark.Position);
                return false;
            }
            var (nodes, codec) = opened.ReadNodes();
            cache.Load(nodes, await source.SchemaAsync(ct), codec);
            await LoadRoutesAsync(ct);
            _position = _keptPosition = mark.Position;
            _keptAt = Environment.TickCount64;
            LoadedFrom = "disk";
            _logger.LogInformation("Read the published cache from disk: {Count} items at change {Position} in {Milliseconds} ms", nodes.Count, mark.Position, watch.ElapsedMilliseconds);
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "The published cache on disk could not be read; building it from the database");
            return false;
        }
    }

    private async Task LoadRoutesAsync(CancellationToken ct)
    {
        cache.SetDomains(await routes.DomainsAsync(ct));
        cache.AddRedirects(await routes.RedirectsAsync(ct));
    }

    public IEnumerable<Guid> AlsoAffected(IReadOnlyCollection<Guid> changed) => [];

    public async Task ApplyAsync(ProjectedChanges changes, CancellationToken ct)
    {
        var upserts = changes.Items.Where(i => i.Public is not null).Select(i => PublishedNode.From(i.Public!, cache.Codec)).ToList();
        // An item with no public projection leaves the cache, whatever it was before.
        var removed = changes.Removed.Concat(changes.Items.Where(i => i.Public is null).Select(i => i.Stored.Key)).ToList();
        var redirects = cache.Apply(upserts, removed);
        await routes.RememberAsync(redirects, ct);
        _position = changes.Position;
    }

    public bool PersistDue(bool final) =>
        snapshots is not null && _position is { } position && position != _keptPosition && position != 0
        && (final || (_keeping.IsCompleted && (_keptAt == 0 || Environment.TickCount64 - _keptAt >= snapshots.Every.TotalMilliseconds)));

    public async Task PersistAsync(IStoredItemSource source, bool final, CancellationToken ct)
    {
        if (!PersistDue(final) || snapshots is null || _position is not { } position)
            return;
        await _keeping;
        if (await source.ChangeAtAsync(position, ct) is not { } mark)
            return;
        // Taken here, between changes (the follower's thread): the items and the position agree. The items never change
        // in place (a change replaces one), so the list is written while the cache goes on.
        var nodes = cache.All;
        var codec = cache.Codec;
        _keptPosition = position;
        _keptAt = Environment.TickCount64;
        _keeping = Task.Run(() =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                CacheSnapshotFile.Write(snapshots.Path, nodes, codec, mark);
                _logger.LogInformation("Kept the published cache on disk: {Count} items at change {Position} in {Milliseconds} ms", nodes.Count, position, watch.ElapsedMilliseconds);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The next start builds from the database, as without a file; kept again at the next turn.
                _keptPosition = 0;
                _logger.LogWarning(ex, "The published cache could not be kept on disk");
            }
        }, CancellationToken.None);
        if (final)
            await _keeping;
    }
}
