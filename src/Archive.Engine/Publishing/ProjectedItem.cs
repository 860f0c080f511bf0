namespace Archive.Engine.Publishing;

/// A stored item beside its public projection (null when the public may see nothing of it). Public
/// channels read Public; only preview, which is not public, reads the stored draft.
public sealed record ProjectedItem(StoredItem Stored, PublicItem? Public);

/// Changes read once from the change log and handed to every projection: the items they touch (the
/// changed ones, everything beneath them and what depends on them), the keys gone from the tree, and
/// which public exhibitions show each object.
public sealed record ProjectedChanges(
    long Position,
    IReadOnlyList<ProjectedItem> Items,
    IReadOnlyCollection<Guid> Removed,
    Schema.SchemaSnapshot Schema,
    ILookup<Guid, Guid> ExhibitionsByObject);
