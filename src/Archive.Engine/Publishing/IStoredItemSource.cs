using Archive.Engine.Schema;

namespace Archive.Engine.Publishing;

/// Where projections read stored items from, already projected (the data library reads the database).
public interface IStoredItemSource
{
    /// The newest change in the log.
    Task<long> PositionAsync(CancellationToken ct);

    /// The change at a position (null when the log has none there): what a projection kept on disk names, to show it
    /// was made from this database's log and not another's.
    Task<ChangeMark?> ChangeAtAsync(long position, CancellationToken ct);

    /// Whether the schema changed after a position (every projection made before it is out of date).
    Task<bool> SchemaChangedAfterAsync(long position, CancellationToken ct);

    Task<SchemaSnapshot> SchemaAsync(CancellationToken ct);

    /// Items not in the recycle bin after the given cursor.
    Task<int> CountAsync(long afterId, CancellationToken ct);

    /// Every item not in the recycle bin after the cursor, in batches, each with its last cursor.
    IAsyncEnumerable<(IReadOnlyList<ProjectedItem> Items, long LastId)> AllAsync(long afterId, int batchSize, CancellationToken ct);

    /// The given items and everything beneath them as they are now; keys gone or in the bin come back as removed.
    Task<ProjectedChanges> ChangedAsync(long position, IReadOnlyCollection<Guid> keys, CancellationToken ct);

    /// Which public exhibitions show each object.
    Task<ILookup<Guid, Guid>> ExhibitionsByObjectAsync(CancellationToken ct);

    /// One item as stored, for preview.
    Task<ProjectedItem?> FindAsync(Guid key, CancellationToken ct);
}

/// One change of the log, as a projection kept on disk remembers the last it applied.
public sealed record ChangeMark(long Position, Guid Key, DateTime Timestamp);

