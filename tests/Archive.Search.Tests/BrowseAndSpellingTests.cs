using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;

namespace Archive.Search.Tests;

/// The public site's search page: no words browse the catalogue, and misspelt words get a "did you mean" from the
/// words published names use.
public class BrowseAndSpellingTests
{
    private static readonly ArchiveAnalyzers Analyzers = new(new HunspellDictionaries());

    private static IndexedNode Node(string name, string text, bool published = true) => new(
        Guid.NewGuid(), "artefact", false, [], 3, 0, DateTime.UtcNow, DateTime.UtcNow,
        [new IndexedCulture("ru", published, name, text, null, null)]);

    private static SearchIndex Index(params IndexedNode[] nodes)
    {
        var index = new SearchIndex(Directory.CreateTempSubdirectory().FullName, Analyzers);
        index.Rebuild(nodes, position: 1);
        return index;
    }

    [Fact]
    public void No_words_are_refused_unless_browsing_which_finds_every_public_item_by_name()
    {
        using var index = Index(Node("Самовар", "Латунный самовар"), Node("Ковёр", "Шерстяной ковёр"), Node("Черновик", "Рукопись", published: false));
        var search = new SearchService(index);
        Assert.Equal(SearchStatus.EmptyQuery, search.Search(new SearchRequest { Query = "  ", Culture = "ru" }).Status);
        var browsed = search.Search(new SearchRequest { Query = "", Culture = "ru", Browse = true, Take = 10 });
        Assert.Equal(SearchStatus.Success, browsed.Status);
        Assert.Equal(["Ковёр", "Самовар"], browsed.Items.Select(i => i.Name));
    }

    [Fact]
    public void A_misspelt_word_is_replaced_by_the_nearest_published_name_s_word()
    {
        using var index = Index(Node("Латунный самовар", "Самовар"), Node("Шерстяной ковёр", "Ковёр"), Node("Черновик рукописи", "Рукопись", published: false));
        var spelling = new SpellingService(index);
        Assert.Equal("латунный самовар", spelling.DidYouMean("латуный самовр", "ru"));
        Assert.Null(spelling.DidYouMean("самовар", "ru"));
        // Only published names offer words: a draft's is never suggested.
        Assert.Null(spelling.DidYouMean("черновек", "ru"));
        Assert.Null(spelling.DidYouMean("xyzzyq", "ru"));
    }
}
