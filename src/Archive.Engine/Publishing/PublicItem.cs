using Archive.Engine.Content;

namespace Archive.Engine.Publishing;

/// A name and URL segment the public sees in one culture ("" for invariant items).
public sealed record PublicCulture(string Name, string Segment);

/// What the public may see of an item: only the cultures it is visible in (published there, and every
/// ancestor too), and values with every sensitive property removed, wherever it sits. Every public
/// channel is built from this and nothing else.
public sealed record PublicItem
{
    public required Guid Key { get; init; }
    public required bool IsMedia { get; init; }
    public required string ContentTypeAlias { get; init; }
    public required int Level { get; init; }
    public required int SortOrder { get; init; }
    public required DateTime CreateDate { get; init; }
    public required DateTime UpdateDate { get; init; }
    /// Root first, the parent last.
    public required IReadOnlyList<StoredAncestor> Ancestors { get; init; }
    /// Whether the content type varies by culture.
    public required bool IsVariant { get; init; }
    public required IReadOnlyDictionary<string, PublicCulture> Cultures { get; init; }
    /// The public values (published, or a media item's current ones) of the visible cultures and the invariant ones.
    public required ContentData Data { get; init; }
    /// Artefacts only: their whereabouts from the ledger (public places only).
    public StoredWhereabouts? Whereabouts { get; init; }
}
