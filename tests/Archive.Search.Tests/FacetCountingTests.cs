using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;

namespace Archive.Search.Tests;

/// Facet values come most frequent first, then in order of value, as many as asked; counted the same whether the index is
/// one segment or several (each change is a segment until merged), for values held one per item or several.
public sealed class FacetCountingTests : IDisposable
{
    private static readonly ArchiveAnalyzers Analyzers = new(new HunspellDictionaries());
    private readonly string _root = Directory.CreateTempSubdirectory("archive-facet-counting").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // Item i: century 17 + i % 3, materials: every item "wood", even ones "silver", items divisible by 5 "bone" too.
    private static IndexedNode Item(int i) => new(Guid.NewGuid(), "artefact", false, [], 3, i, DateTime.UtcNow, DateTime.UtcNow,
        [new IndexedCulture("ru", true, $"Предмет {i}", "Старинный предмет", null, null)
        {
            Facets = new Dictionary<string, List<string>>
            {
                [FacetNames.Century] = [(17 + i % 3).ToString()],
                [FacetNames.Material] = ["wood", .. i % 2 == 0 ? ["silver"] : Array.Empty<string>(), .. i % 5 == 0 ? ["bone"] : Array.Empty<string>()],
            },
        }]);

    private static Dictionary<string, List<(string, int)>> Expected(int count) => new()
    {
        [FacetNames.Century] = Enumerable.Range(0, count).GroupBy(i => (17 + i % 3).ToString())
            .Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal).ToList(),
        [FacetNames.Material] = new List<(string, int)> { ("wood", count), ("silver", (count + 1) / 2), ("bone", (count + 4) / 5) },
    };

    private static Dictionary<string, List<(string, int)>> Counted(SearchIndex index, int values = 20) =>
        new SearchService(index).Search(new SearchRequest { Query = "предмет", Culture = "ru", Facets = [FacetNames.Century, FacetNames.Material], FacetValues = values })
            .Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => (v.Value, v.Count)).ToList());

    [Fact]
    public void One_segment_and_several_count_the_same_single_and_many_valued_facets()
    {
        using (var merged = new SearchIndex(Path.Combine(_root, "one"), Analyzers))
        {
            merged.Rebuild(Enumerable.Range(0, 300).Select(Item), position: 1);
            Assert.Equal(Expected(300), Counted(merged));
        }
        using var several = new SearchIndex(Path.Combine(_root, "several"), Analyzers);
        several.Rebuild(Enumerable.Range(0, 100).Select(Item), position: 1);
        several.Apply(Enumerable.Range(100, 100).Select(Item), [], position: 2);
        several.Apply(Enumerable.Range(200, 100).Select(Item), [], position: 3);
        Assert.Equal(Expected(300), Counted(several));
    }

    [Fact]
    public void Equal_counts_are_listed_by_value_and_only_as_many_as_asked()
    {
        using var index = new SearchIndex(_root, Analyzers);
        // 299 items: centuries 17 and 18 have 100 each, 19 has 99.
        index.Rebuild(Enumerable.Range(0, 150).Select(Item), position: 1);
        index.Apply(Enumerable.Range(150, 149).Select(Item), [], position: 2);

        Assert.Equal([("17", 100), ("18", 100), ("19", 99)], Counted(index)[FacetNames.Century]);
        Assert.Equal([("17", 100)], Counted(index, values: 1)[FacetNames.Century]);
        Assert.Equal([("wood", 299), ("silver", 150)], Counted(index, values: 2)[FacetNames.Material]);
    }
}
