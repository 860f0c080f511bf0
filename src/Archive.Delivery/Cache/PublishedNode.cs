using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Archive.Engine.Content;
using Archive.Engine.Publishing;

namespace Archive.Delivery.Cache;

/// A published name and URL segment of one culture ("" for invariant items).
public sealed record PublishedCulture(string Name, string Segment);

/// One published item as the Delivery API serves it: its place in the tree, its published cultures,
/// its published values as compact UTF-8 JSON, and responses rendered from them on first use.
public sealed partial class PublishedNode
{
    public required Guid Key { get; init; }
    public required bool IsMedia { get; init; }
    public required string ContentTypeAlias { get; init; }
    /// Guid.Empty at the root.
    public required Guid ParentKey { get; init; }
    /// Root first, the parent last. Siblings share one array (AncestorArrays), kept as given otherwise.
    public required IReadOnlyList<Guid> AncestorKeys { get; init; }
    public required int Level { get; init; }
    public required int SortOrder { get; init; }
    public required DateTime CreateDate { get; init; }
    public required DateTime UpdateDate { get; init; }
    /// Whether the content type varies by culture.
    public required bool IsVariant { get; init; }
    /// By culture code in any case; kept compact (CultureMap) whatever dictionary is given.
    public required IReadOnlyDictionary<string, PublishedCulture> Cultures
    {
        get => _cultures;
        init => _cultures = CultureMap.Of(value);
    }

    private readonly CultureMap _cultures = CultureMap.Empty;
    /// The published version's ContentData, UTF-8 JSON: kept compressed (DataCodec), given back whole on each read.
    public required byte[] Data
    {
        get => Codec.Unpack(_packed);
        init => _packed = Codec.Pack(value);
    }

    private readonly byte[] _packed = [];

    public PublishedNode()
    {
    }

    /// An item read back from the cache on disk, its values as the codec packed them (Data reads them; the reader sets
    /// the other members).
#pragma warning disable CS8618 // Data is computed from _packed, set here
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal PublishedNode(byte[] packed, DataCodec codec)
#pragma warning restore CS8618
    {
        _packed = packed;
        Codec = codec;
        Key = Guid.Empty;
        ContentTypeAlias = "";
        AncestorKeys = [];
    }

    /// The same item with its values packed by another codec (a load's items held as they were until its codec was trained).
    internal PublishedNode Repacked(DataCodec codec) => new(codec.Pack(Data), codec)
    {
        Key = Key,
        IsMedia = IsMedia,
        ContentTypeAlias = ContentTypeAlias,
        ParentKey = ParentKey,
        AncestorKeys = AncestorKeys,
        Level = Level,
        SortOrder = SortOrder,
        CreateDate = CreateDate,
        UpdateDate = UpdateDate,
        IsVariant = IsVariant,
        Cultures = Cultures,
        References = References,
        FilePath = FilePath,
        Whereabouts = Whereabouts,
    };

    /// The values as kept (what the cache on disk writes).
    internal byte[] Packed => _packed;

    /// How Data is kept; set before Data (object initialisers run in order), the plain codec when not given.
    public DataCodec Codec { get; init; } = DataCodec.Plain;

    /// The bytes this item's values take in memory.
    public int PackedSize => _packed.Length;
    /// Keys of the items and media its values reference (pickers, links, blocks).
    public IReadOnlyCollection<Guid> References { get; init; } = [];
    /// A media item's file in the store ("<folder>/<file>"): the only files /media serves.
    public string? FilePath { get; init; }
    /// An artefact's whereabouts from the movement ledger, public places only.
    public StoredWhereabouts? Whereabouts { get; init; }

    /// The cache's form of a public projection (the only thing the cache is ever given).
    public static PublishedNode From(PublicItem item, DataCodec codec, AncestorArrays? ancestors = null)
    {
        var json = item.Data.ToJson();
        return new PublishedNode
        {
            Key = item.Key,
            IsMedia = item.IsMedia,
            // Aliases and culture codes are a handful of words repeated by every item: one copy of each.
            ContentTypeAlias = string.Intern(item.ContentTypeAlias),
            ParentKey = item.Ancestors.Count > 0 ? item.Ancestors[^1].Key : Guid.Empty,
            AncestorKeys = ancestors is null ? item.Ancestors.Select(a => a.Key).ToArray() : ancestors.Share(item.Ancestors.Select(a => a.Key)),
            Level = item.Level,
            SortOrder = item.SortOrder,
            CreateDate = item.CreateDate,
            UpdateDate = item.UpdateDate,
            IsVariant = item.IsVariant,
            Cultures = CultureMap.Of(item.Cultures.Select(c => KeyValuePair.Create(c.Key, new PublishedCulture(c.Value.Name, c.Value.Segment)))),
            Codec = codec,
            Data = Encoding.UTF8.GetBytes(json),
            // A place an object is at names it in its response: a renamed museum renders its objects again.
            References = item.Whereabouts is { Places.Count: > 0 } at ? ReferencesIn(json).Union(at.Places).ToArray() : ReferencesIn(json),
            FilePath = item.IsMedia ? MediaFile.PathOf(item.Data.GetValue("umbracoFile")) : null,
            Whereabouts = item.Whereabouts,
        };
    }

    // Udis (pickers, links, blocks), media picks and v14 local links: whatever an item's response embeds.
    [GeneratedRegex(@"umb://(?:document|media)/([0-9a-fA-F]{32})|mediaKey\\?""\s*:\s*\\?""([0-9a-fA-F-]{36})|localLink:([0-9a-fA-F-]{36})")]
    private static partial Regex Reference();

    private static Guid[] ReferencesIn(string data) => Reference().Matches(data)
        .Select(m => Guid.TryParse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value, out var key) ? key : Guid.Empty)
        .Where(k => k != Guid.Empty).Distinct().ToArray();

    private static long s_versions;
    private long _renderVersion = Interlocked.Increment(ref s_versions);

    /// Which rendering of this item is current: unique across every node ever loaded, and moved on when something the
    /// item's response shows changes (a referenced item, a child it summarises), so a response rendered before is
    /// never served again (RenderedItems).
    public long RenderVersion => Interlocked.Read(ref _renderVersion);

    public void Invalidate() => Interlocked.Exchange(ref _renderVersion, Interlocked.Increment(ref s_versions));

    public PublishedCulture? CultureOf(string culture) =>
        IsVariant ? Cultures.GetValueOrDefault(culture) : Cultures.GetValueOrDefault("");
}
