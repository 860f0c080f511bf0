using System.Text;
using Archive.Delivery.Cache;

namespace Archive.Delivery.Tests;

/// Items' values are kept compressed with a dictionary trained on the catalogue, and read back byte for byte; an item
/// kept by an earlier codec stays readable after the cache is loaded again with a new one.
public class DataCodecTests
{
    private static readonly string[] Materials = ["wood", "silver", "felt", "silk", "bone", "leather", "copper"];

    // Values shaped like an artefact's: names per culture, a description, dimensions, a dating, all varied per item.
    private static byte[] Item(int i, Random random) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
    {
        names = new { en = $"Chest No. {i}", kk = $"Сандық №{i}", ru = $"Сундук №{i}" },
        values = new Dictionary<string, Dictionary<string, string>>
        {
            ["accessionNumber"] = new() { [""] = $"KP-{random.Next(100_000):D6}" },
            ["description"] = new()
            {
                ["en"] = $"A {Materials[random.Next(Materials.Length)]} chest from {1800 + random.Next(200)}, kept by the family for {random.Next(2, 9)} generations.",
                ["ru"] = $"Сундук из материала «{Materials[random.Next(Materials.Length)]}», {1800 + random.Next(200)} год.",
            },
            ["dimensions"] = new() { [""] = $"{random.Next(20, 200)} × {random.Next(20, 200)} cm" },
        },
    });

    private static PublishedNode Node(byte[] data, DataCodec codec) => new()
    {
        Key = Guid.NewGuid(), IsMedia = false, ContentTypeAlias = "artefact", ParentKey = Guid.Empty, AncestorKeys = [], Level = 1, SortOrder = 0,
        CreateDate = new DateTime(2026, 1, 1), UpdateDate = new DateTime(2026, 1, 1), IsVariant = true,
        Cultures = new Dictionary<string, PublishedCulture> { ["en"] = new("Chest", "chest") }, Codec = codec, Data = data,
    };

    [Fact]
    public void Values_come_back_byte_for_byte_and_a_trained_dictionary_keeps_them_smaller_than_compression_alone()
    {
        var random = new Random(5);
        var items = Enumerable.Range(0, 2_000).Select(i => Item(i, random)).ToList();
        var trained = DataCodec.Train(items.Take(500).ToList());
        Assert.True(trained.DictionarySize > 0);

        var later = items.Skip(500).ToList();
        var packed = later.Select(i => Node(i, trained)).ToList();
        var plain = later.Select(i => Node(i, DataCodec.Plain)).ToList();
        Assert.All(later.Zip(packed), pair => Assert.Equal(pair.First, pair.Second.Data));
        Assert.All(later.Zip(plain), pair => Assert.Equal(pair.First, pair.Second.Data));

        var raw = later.Sum(i => i.Length);
        var withDictionary = packed.Sum(n => n.PackedSize);
        var alone = plain.Sum(n => n.PackedSize);
        Assert.True(withDictionary * 2 < alone, $"{raw:N0} bytes: {withDictionary:N0} with the dictionary, {alone:N0} without");
        Assert.True(alone < raw);
    }

    // Values shaped like a collection's: another type, other properties and phrasing.
    private static byte[] Collection(int i, Random random) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
    {
        names = new { en = $"Collection {i}", kk = $"Жинақ {i}", ru = $"Коллекция {i}" },
        values = new Dictionary<string, string> { ["curator"] = $"Curator {random.Next(500)}", ["founded"] = $"{1900 + random.Next(120)}" },
    });

    [Fact]
    public void A_codec_trained_over_a_window_of_the_catalogue_keeps_its_objects_small_when_the_catalogue_begins_with_collections()
    {
        var random = new Random(11);
        // As a catalogue is read: its collections first, then its objects.
        var window = Enumerable.Range(0, 2_500).Select(i => Collection(i, random)).Concat(Enumerable.Range(0, 17_500).Select(i => Item(i, random))).ToList();
        var firstOnly = DataCodec.Train(window.Take(DataCodec.TrainingSamples).ToList());
        var spread = DataCodec.TrainSpread(window);

        var objects = Enumerable.Range(20_000, 1_000).Select(i => Item(i, random)).ToList();
        var withFirst = objects.Sum(o => firstOnly.Pack(o).Length);
        var withSpread = objects.Sum(o => spread.Pack(o).Length);
        Assert.True(withSpread * 2 < withFirst, $"objects: {withSpread:N0} bytes with a codec trained over the window, {withFirst:N0} with one trained on its first items");
        Assert.All(objects, o => Assert.Equal(o, spread.Unpack(spread.Pack(o))));
    }

    [Fact]
    public void A_preview_s_values_are_kept_as_they_are()
    {
        var data = Item(7, new Random(7));
        var node = Node(data, DataCodec.None);
        Assert.Equal(data, node.Data);
        Assert.Equal(data.Length, node.PackedSize);
        Assert.NotSame(node.Data, node.Data);
    }

    [Fact]
    public void Too_few_items_to_learn_from_are_kept_without_a_dictionary()
    {
        var random = new Random(1);
        Assert.Same(DataCodec.Plain, DataCodec.Train(Enumerable.Range(0, 10).Select(i => Item(i, random)).ToList()));
        Assert.Same(DataCodec.Plain, DataCodec.Train([]));
    }

    [Fact]
    public void Items_kept_by_an_earlier_codec_read_back_after_a_new_one_takes_over()
    {
        var random = new Random(9);
        var first = DataCodec.Train(Enumerable.Range(0, 300).Select(i => Item(i, random)).ToList());
        var old = Item(1, random);
        var node = Node(old, first);

        var cache = new PublishedCache();
        cache.Load([node], Archive.Engine.Schema.SchemaSnapshot.Empty,
            DataCodec.Train(Enumerable.Range(0, 300).Select(i => Item(i + 1000, random)).ToList()));
        Assert.NotSame(first, cache.Codec);
        Assert.Equal(old, cache.Find(node.Key)!.Data);
    }
}
