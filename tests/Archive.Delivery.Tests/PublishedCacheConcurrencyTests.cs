using System.Text;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Schema;

namespace Archive.Delivery.Tests;

/// Readers never wait for the one writer, so they must never see the cache between two states: an item published
/// before and after a reload (a schema change) or a republish is found, by key, route and parent, at every moment.
public class PublishedCacheConcurrencyTests
{
    private static PublishedNode Node(Guid key, string name, Guid parent, IReadOnlyList<Guid> ancestors, int version) => new()
    {
        Key = key, IsMedia = false, ContentTypeAlias = "page", ParentKey = parent, AncestorKeys = ancestors, Level = ancestors.Count + 1,
        SortOrder = 0, CreateDate = new DateTime(2026, 1, 1), UpdateDate = new DateTime(2026, 1, 1).AddMinutes(version), IsVariant = false,
        Cultures = new Dictionary<string, PublishedCulture> { [""] = new(name, name.ToLowerInvariant()) },
        Data = Encoding.UTF8.GetBytes(new ContentData().ToJson()),
    };

    [Fact]
    public async Task An_item_published_throughout_is_found_while_the_cache_is_reloaded_and_the_item_republished()
    {
        var root = Guid.NewGuid();
        var others = Enumerable.Range(0, 2000).Select(i => Node(Guid.NewGuid(), $"other{i}", root, [root], 0)).ToList();
        var chest = Guid.NewGuid();
        List<PublishedNode> All(int version) => [Node(root, "Home", Guid.Empty, [], version), Node(chest, "Chest", root, [root], version), .. others];
        var cache = new PublishedCache();
        cache.Load(All(0), SchemaSnapshot.Empty);

        using var stop = new CancellationTokenSource();
        var misses = 0;
        var reads = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref reads) > 0)
                if (cache.Find(chest) is null || cache.FindByRoute("/chest", "", null) is null || cache.ChildrenOf(root).All(c => c.Key != chest))
                    Interlocked.Increment(ref misses);
        }, TaskCreationOptions.LongRunning)).ToList();
        // The readers are running before the writer starts, and go on reading through all of its work.
        SpinWait.SpinUntil(() => Volatile.Read(ref reads) > 100);
        for (var version = 1; version <= 200; version++)
        {
            if (version % 2 == 0)
                cache.Load(All(version), SchemaSnapshot.Empty);
            else
                cache.Apply([Node(chest, "Chest", root, [root], version)], []);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.True(reads > 1_000, $"only {reads} reads");
        Assert.Equal(0, misses);
        Assert.Equal(2002, cache.Count);
    }
}
