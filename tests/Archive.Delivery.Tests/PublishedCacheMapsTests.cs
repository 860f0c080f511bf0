using System.Text;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Schema;

namespace Archive.Delivery.Tests;

/// The cache finds items by key, by route (segment by segment, through a compact table of items by parent, culture and
/// segment) and by type: each must answer as a dictionary would through growth, removals, moves, renames and
/// republishing, in every culture, while readers read.
public class PublishedCacheMapsTests
{
    private static readonly Guid Root = Guid.NewGuid();

    private static PublishedNode Node(Guid key, Guid parent, IReadOnlyList<Guid> ancestors, params (string Culture, string Segment)[] cultures) =>
        Typed("artefact", key, parent, ancestors, cultures);

    private static PublishedNode Typed(string alias, Guid key, Guid parent, IReadOnlyList<Guid> ancestors, params (string Culture, string Segment)[] cultures) => new()
    {
        Key = key, IsMedia = false, ContentTypeAlias = alias, ParentKey = parent, AncestorKeys = ancestors, Level = ancestors.Count + 1,
        SortOrder = 0, CreateDate = new DateTime(2026, 1, 1), UpdateDate = new DateTime(2026, 1, 1), IsVariant = cultures.Any(c => c.Culture != ""),
        Cultures = cultures.ToDictionary(c => c.Culture, c => new PublishedCulture(c.Segment, c.Segment)),
        Data = Encoding.UTF8.GetBytes(new ContentData().ToJson()),
    };

    private static PublishedNode Home() => Typed("home", Root, Guid.Empty, [], ("kk", "bas"), ("ru", "glavnaya"), ("en", "home"));

    private static PublishedNode Artefact(Guid key, int i) => Node(key, Root, [Root], ("kk", $"qamshy-{i}"), ("ru", $"knut-{i}"), ("en", $"whip-{i}"));

    [Fact]
    public void Every_item_is_found_by_its_segment_in_each_culture_after_the_table_grew_item_by_item()
    {
        var cache = new PublishedCache();
        cache.Load([Home()], SchemaSnapshot.Empty);
        var keys = Enumerable.Range(0, 3000).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
            cache.Apply([Artefact(key, i)], []);
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            Assert.Equal(key, cache.FindByRoute($"/whip-{i}/", "en", null)?.Key);
            Assert.Equal(key, cache.FindByRoute($"/KNUT-{i}", "ru", null)?.Key);
            Assert.Equal(key, cache.FindByRoute($"/qamshy-{i}", "KK", null)?.Key);
            // A segment of another culture is not a route in this one.
            Assert.Null(cache.FindByRoute($"/knut-{i}", "en", null));
        }
    }

    [Fact]
    public void Removed_moved_and_renamed_items_leave_their_old_routes_and_take_their_new_ones()
    {
        var cache = new PublishedCache();
        var keys = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToList();
        var folder = Guid.NewGuid();
        cache.Load([Home(), Node(folder, Root, [Root], ("en", "store")), .. keys.Select(Artefact)], SchemaSnapshot.Empty);

        // Half withdrawn (their slots marked removed, not emptied: the rest must still be found past them).
        cache.Apply([], keys.Where((_, i) => i % 2 == 0).ToList());
        // One renamed in English only, one moved under the folder.
        cache.Apply([Node(keys[1], Root, [Root], ("kk", "qamshy-1"), ("ru", "knut-1"), ("en", "riding-whip"))], []);
        cache.Apply([Node(keys[3], folder, [Root, folder], ("en", "whip-3"))], []);

        for (var i = 0; i < keys.Count; i++)
        {
            var found = cache.FindByRoute($"/whip-{i}", "en", null)?.Key;
            if (i % 2 == 0 || i is 1 or 3)
                Assert.Null(found);
            else
                Assert.Equal(keys[i], found);
        }
        Assert.Equal(keys[1], cache.FindByRoute("/riding-whip", "en", null)?.Key);
        Assert.Equal(keys[1], cache.FindByRoute("/knut-1", "ru", null)?.Key);
        Assert.Equal(keys[3], cache.FindByRoute("/store/whip-3", "en", null)?.Key);

        // Many more published and withdrawn again: removal marks are cleared when the table is made anew.
        var more = Enumerable.Range(1000, 4000).Select(_ => Guid.NewGuid()).ToList();
        cache.Apply(more.Select((k, i) => Artefact(k, 1000 + i)).ToList(), []);
        cache.Apply([], more);
        Assert.Equal(keys[5], cache.FindByRoute("/whip-5", "en", null)?.Key);
        Assert.Null(cache.FindByRoute("/whip-1000", "en", null));
        Assert.Equal(keys[7], cache.FindByRoute("/knut-7", "ru", null)?.Key);
    }

    [Fact]
    public void An_invariant_item_is_found_from_any_culture_and_a_later_item_with_the_same_segment_takes_the_route()
    {
        var cache = new PublishedCache();
        var page = Guid.NewGuid();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        cache.Load([Node(Root, Guid.Empty, [], ("", "home")), Node(page, Root, [Root], ("", "About-Us"))], SchemaSnapshot.Empty);
        Assert.Equal(page, cache.FindByRoute("/about-us", "ru", null)?.Key);
        Assert.Equal(page, cache.FindByRoute("/ABOUT-US/", "", null)?.Key);

        cache.Apply([Node(first, Root, [Root], ("", "visit"))], []);
        cache.Apply([Node(second, Root, [Root], ("", "visit"))], []);
        Assert.Equal(second, cache.FindByRoute("/visit", "en", null)?.Key);
    }

    [Fact]
    public async Task A_route_is_found_at_every_moment_while_other_items_come_and_go_and_the_table_is_made_anew()
    {
        var chest = Guid.NewGuid();
        var cache = new PublishedCache();
        cache.Load([Home(), Artefact(chest, -1)], SchemaSnapshot.Empty);
        using var stop = new CancellationTokenSource();
        var misses = 0;
        var reads = 0;
        var reader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref reads) > 0)
                if (cache.FindByRoute("/whip--1", "en", null)?.Key != chest || cache.FindByRoute("/knut--1", "ru", null)?.Key != chest)
                    Interlocked.Increment(ref misses);
        }, TaskCreationOptions.LongRunning);
        SpinWait.SpinUntil(() => Volatile.Read(ref reads) > 100);
        var stop2 = Guid.NewGuid();
        cache.Apply([Typed("exhibitionStop", stop2, Root, [Root], ("en", "astana"))], []);
        var typeMisses = 0;
        var typeReader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
                if (cache.Find(chest) is null || cache.OfType("exhibitionStop").Count != 1)
                    Interlocked.Increment(ref typeMisses);
        }, TaskCreationOptions.LongRunning);
        // Items coming and going are found as themselves or not at all, never as what their slot holds a moment later.
        var coming = new List<Guid>();
        var wrong = 0;
        var comingReader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
                foreach (var key in Volatile.Read(ref coming))
                    if (cache.Find(key) is { } found && found.Key != key)
                        Interlocked.Increment(ref wrong);
        }, TaskCreationOptions.LongRunning);
        for (var round = 0; round < 20; round++)
        {
            var batch = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToList();
            Volatile.Write(ref coming, batch);
            foreach (var (key, i) in batch.Select((k, i) => (k, i)))
                cache.Apply([Artefact(key, round * 1000 + i)], []);
            // The chest itself republished now and then: its entries are written over, never taken out first.
            cache.Apply([Artefact(chest, -1)], []);
            cache.Apply([], batch);
        }
        await stop.CancelAsync();
        await reader;
        await typeReader;
        await comingReader;
        Assert.Equal(0, wrong);
        Assert.True(reads > 1_000, $"only {reads} reads");
        Assert.Equal(0, misses);
        Assert.Equal(0, typeMisses);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Items_of_a_type_are_listed_as_they_come_go_and_change_type()
    {
        var cache = new PublishedCache();
        var stops = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var objects = Enumerable.Range(0, 2000).Select(_ => Guid.NewGuid()).ToList();
        cache.Load([Home(), .. stops.Select((k, i) => Typed("exhibitionStop", k, Root, [Root], ("en", $"stop-{i}"))), .. objects.Select(Artefact)], SchemaSnapshot.Empty);
        Assert.Equal(stops.Order(), cache.OfType("exhibitionStop").Select(n => n.Key).Order());
        // The same order however the table grew: listings are in key order.
        var listed = cache.OfType("artefact").Select(n => n.Key).ToList();
        Assert.Equal(objects.Order(), listed);
        Assert.Equal(2000, cache.OfType("artefact").Count);
        Assert.Empty(cache.OfType("venue"));

        // A new stop, one withdrawn, one made a venue, and objects republished in between (the stops' listing is kept).
        var added = Guid.NewGuid();
        cache.Apply([Typed("exhibitionStop", added, Root, [Root], ("en", "stop-new"))], [stops[0]]);
        cache.Apply([Artefact(objects[5], 5)], []);
        cache.Apply([Typed("venue", stops[1], Root, [Root], ("en", "stop-1"))], []);
        Assert.Equal(new[] { stops[2], added }.Order(), cache.OfType("exhibitionStop").Select(n => n.Key).Order());
        Assert.Equal([stops[1]], cache.OfType("venue").Select(n => n.Key));
        cache.Apply([], objects.Take(10).ToList());
        Assert.Equal(1990, cache.OfType("artefact").Count);
        Assert.Equal(1990 + 4, cache.Count);
        // The listing gives each item as it is now: a renamed stop is listed with its new segment.
        cache.Apply([Typed("exhibitionStop", added, Root, [Root], ("en", "stop-renamed"))], []);
        Assert.Contains(cache.OfType("exhibitionStop"), n => n.Cultures["en"].Segment == "stop-renamed");
    }

    [Fact]
    public void Cultures_are_found_in_any_case_and_a_later_duplicate_code_wins()
    {
        var map = CultureMap.Of([KeyValuePair.Create("en-US", new PublishedCulture("Whip", "whip")), KeyValuePair.Create("kk", new PublishedCulture("Қамшы", "qamshy")),
            KeyValuePair.Create("EN-us", new PublishedCulture("Riding whip", "riding-whip"))]);
        Assert.Equal(2, map.Count);
        Assert.Equal("riding-whip", map["en-us"].Segment);
        Assert.True(map.ContainsKey("KK"));
        Assert.False(map.TryGetValue("ru", out _));
        Assert.Throws<KeyNotFoundException>(() => map["ru"]);
        Assert.Equal(["en-US", "kk"], map.Keys);
    }
}
