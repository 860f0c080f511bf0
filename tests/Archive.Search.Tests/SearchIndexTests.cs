using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;

namespace Archive.Search.Tests;

public class SearchIndexTests
{
    private static readonly ArchiveAnalyzers Analyzers = new(new HunspellDictionaries());

    private static IndexedNode Node(string name, string text, bool published = true) => new(
        Guid.NewGuid(), "artefact", false, [], 3, 0, DateTime.UtcNow, DateTime.UtcNow,
        [new IndexedCulture("ru", published, name, text, null, null)]);

    [Fact]
    public void A_rebuild_keeps_answering_from_the_old_generation_until_it_switches()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        using var index = new SearchIndex(root, Analyzers);
        var search = new SearchService(index);
        Assert.Equal(SearchStatus.IndexNotReady, search.Search(new SearchRequest { Query = "самовар", Culture = "ru" }).Status);

        index.Rebuild([Node("Самовар", "Латунный самовар")], position: 7);
        Assert.Equal(1, search.Search(new SearchRequest { Query = "самовары", Culture = "ru" }).Total);
        Assert.Equal(7, index.Position);

        // A rebuild whose source fails half way leaves the current generation answering.
        Assert.Throws<InvalidOperationException>(() => index.Rebuild(Failing(), position: 9));
        Assert.Equal(1, search.Search(new SearchRequest { Query = "самовар", Culture = "ru" }).Total);
        Assert.Equal(7, index.Position);

        index.Rebuild([Node("Рукопись", "Рукопись повести")], position: 12);
        Assert.Equal(0, search.Search(new SearchRequest { Query = "самовар", Culture = "ru" }).Total);
        Assert.Equal(1, search.Search(new SearchRequest { Query = "рукописи", Culture = "ru" }).Total);
    }

    [Fact]
    public void A_reopened_index_keeps_its_position_and_a_damaged_one_asks_for_a_rebuild()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        using (var index = new SearchIndex(root, Analyzers))
            index.Rebuild([Node("Самовар", "Латунный самовар")], position: 42);
        using (var reopened = new SearchIndex(root, Analyzers))
        {
            Assert.True(reopened.Exists);
            Assert.Equal(42, reopened.Position);
        }

        var generation = Path.Combine(root, File.ReadAllText(Path.Combine(root, "current")).Trim());
        foreach (var file in Directory.EnumerateFiles(generation, "segments*"))
            File.Delete(file);
        using var damaged = new SearchIndex(root, Analyzers);
        Assert.False(damaged.Exists);
    }

    [Fact]
    public void Drafts_are_found_only_by_preview()
    {
        using var index = new SearchIndex(Directory.CreateTempSubdirectory().FullName, Analyzers);
        index.Rebuild([Node("Черновик", "Неопубликованная рукопись", published: false)], position: 1);
        var search = new SearchService(index);
        Assert.Equal(0, search.Search(new SearchRequest { Query = "рукопись", Culture = "ru" }).Total);
        Assert.Equal(1, search.Search(new SearchRequest { Query = "рукопись", Culture = "ru", Preview = true }).Total);
    }

    private static IEnumerable<IndexedNode> Failing()
    {
        yield return Node("Ковёр", "Ковёр");
        throw new InvalidOperationException("the database went away");
    }
}
