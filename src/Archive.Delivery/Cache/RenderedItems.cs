using Microsoft.Extensions.Caching.Memory;

namespace Archive.Delivery.Cache;

/// The Delivery API's responses for items (the default shape, per culture), kept for the items read most within a
/// size (Archive:Delivery:Cache:MaxMegabytes); every other item is rendered on demand from its node's compact data and
/// kept in turn, the least recently read going first when the size is reached. So a node's memory grows with what
/// visitors read, not with the catalogue. Entries are keyed by the item's render version: a changed item (or one whose
/// response shows a changed item) is rendered afresh, and what was kept of it before is never served again and ages out.
public sealed class RenderedItems : IDisposable
{
    /// What an entry costs beyond its bytes (the entry, its key and the array's header), counted against the size.
    private const int EntryOverhead = 160;

    private readonly MemoryCache _cache;

    public RenderedItems(long maxBytes)
    {
        MaxBytes = maxBytes;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxBytes, TrackStatistics = true, CompactionPercentage = 0.1 });
    }

    public long MaxBytes { get; }

    public byte[] GetOrRender(PublishedNode node, string culture, Func<byte[]> render)
    {
        var key = new Key(node.Key, node.RenderVersion, culture);
        if (_cache.TryGetValue(key, out byte[]? kept))
            return kept!;
        var body = render();
        _cache.Set(key, body, new MemoryCacheEntryOptions { Size = body.Length + EntryOverhead });
        return body;
    }

    /// Hits, misses, entries and bytes held, for the operator's hit ratio.
    public (long Hits, long Misses, long Entries, long Bytes) Statistics() =>
        _cache.GetCurrentStatistics() is { } s ? (s.TotalHits, s.TotalMisses, s.CurrentEntryCount, s.CurrentEstimatedSize ?? 0) : (0, 0, 0, 0);

    public void Dispose() => _cache.Dispose();

    private readonly record struct Key(Guid Item, long Version, string Culture);
}
