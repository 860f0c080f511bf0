using Archive.Delivery.Cache;

namespace Archive.Delivery.Tests;

/// Item responses kept within a size: read once, served again without rendering, rendered afresh once the item (or
/// what its response shows) changed, the least recently read leaving when the size is reached, with hits and misses
/// counted for the hit ratio.
public class RenderedItemsTests
{
    private static PublishedNode Node(Guid key) => new()
    {
        Key = key, IsMedia = false, ContentTypeAlias = "artefact", ParentKey = Guid.Empty, AncestorKeys = [], Level = 1, SortOrder = 0,
        CreateDate = new DateTime(2026, 1, 1), UpdateDate = new DateTime(2026, 1, 1), IsVariant = false,
        Cultures = new Dictionary<string, PublishedCulture> { [""] = new("Chest", "chest") }, Data = "{}"u8.ToArray(),
    };

    [Fact]
    public void A_response_is_rendered_once_until_its_item_changes_or_is_replaced()
    {
        using var kept = new RenderedItems(1 << 20);
        var node = Node(Guid.NewGuid());
        var renders = 0;
        byte[] Render() => [(byte)++renders];

        var first = kept.GetOrRender(node, "en", Render);
        Assert.Same(first, kept.GetOrRender(node, "en", Render));
        Assert.Equal(1, renders);
        // Another culture is another response.
        kept.GetOrRender(node, "kk", Render);
        Assert.Equal(2, renders);

        // Something the response shows changed: rendered again, the old one never served.
        node.Invalidate();
        Assert.Equal([3], kept.GetOrRender(node, "en", Render));
        // The item itself replaced (a new node for the same key): rendered again too.
        Assert.Equal([4], kept.GetOrRender(Node(node.Key), "en", Render));

        var (hits, misses, _, _) = kept.Statistics();
        Assert.Equal(1, hits);
        Assert.Equal(4, misses);
    }

    [Fact]
    public async Task What_is_kept_stays_within_its_size_the_least_recently_read_going_first()
    {
        const long size = 64 * 1024;
        using var kept = new RenderedItems(size);
        var hot = Node(Guid.NewGuid());
        kept.GetOrRender(hot, "en", () => new byte[1000]);
        for (var i = 0; i < 500; i++)
        {
            kept.GetOrRender(Node(Guid.NewGuid()), "en", () => new byte[1000]);
            kept.GetOrRender(hot, "en", () => throw new InvalidOperationException("the hot item was rendered again"));
            if (i % 50 == 0)
                await Task.Delay(20);
        }
        // Compaction runs beside the reads: give it a moment to finish.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (kept.Statistics().Bytes > size && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        var (_, _, entries, bytes) = kept.Statistics();
        Assert.InRange(bytes, 1, size);
        Assert.InRange(entries, 1, size / 1000);
    }
}
