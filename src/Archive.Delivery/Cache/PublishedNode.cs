using System.Collections.Concurrent;

namespace Archive.Delivery.Cache;

/// A published name and URL segment of one culture ("" for invariant items).
public sealed record PublishedCulture(string Name, string Segment);

/// One published item as the Delivery API serves it: its place in the tree, its published cultures,
/// its published values as compact UTF-8 JSON, and responses rendered from them on first use.
public sealed class PublishedNode
{
    public required Guid Key { get; init; }
    public required bool IsMedia { get; init; }
    public required string ContentTypeAlias { get; init; }
    /// Guid.Empty at the root.
    public required Guid ParentKey { get; init; }
    /// Root first, the parent last.
    public required IReadOnlyList<Guid> AncestorKeys { get; init; }
    public required int Level { get; init; }
    public required int SortOrder { get; init; }
    public required DateTime CreateDate { get; init; }
    public required DateTime UpdateDate { get; init; }
    /// Whether the content type varies by culture.
    public required bool IsVariant { get; init; }
    public required IReadOnlyDictionary<string, PublishedCulture> Cultures { get; init; }
    /// The published version's ContentData, UTF-8 JSON.
    public required byte[] Data { get; init; }
    /// Keys of the items and media its values reference (pickers, links, blocks).
    public IReadOnlyCollection<Guid> References { get; init; } = [];

    /// Rendered responses by culture (the default shape: nothing expanded, every field).
    public ConcurrentDictionary<string, byte[]> Rendered { get; } = new(StringComparer.Ordinal);

    public PublishedCulture? CultureOf(string culture) =>
        IsVariant ? Cultures.GetValueOrDefault(culture) : Cultures.GetValueOrDefault("");
}
