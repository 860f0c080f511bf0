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

    /// Through the folded and skeleton text a Latin-script Kazakh word finds the Cyrillic Kazakh document and an invariant
    /// item; a Russian query finds the invariant item, never the Kazakh document, nor a word only the Kazakh text has.
    [Fact]
    public void Folded_and_skeleton_matches_come_from_the_request_s_culture_and_the_invariant_items()
    {
        using var index = new SearchIndex(Directory.CreateTempSubdirectory().FullName, Analyzers);
        var chest = new IndexedNode(Guid.NewGuid(), "artefact", false, [], 3, 0, DateTime.UtcNow, DateTime.UtcNow,
            [new IndexedCulture("kk", true, "Сандық", "Ағаш сандық, өрнекті", null, null), new IndexedCulture("ru", true, "Сундук", "Деревянный сундук", null, null)]);
        var institution = new IndexedNode(Guid.NewGuid(), "institution", false, [], 1, 0, DateTime.UtcNow, DateTime.UtcNow,
            [new IndexedCulture("", true, "Sandyq Museum", "Sandyq Museum, Almaty", null, null)]);
        index.Rebuild([chest, institution], position: 1);
        var search = new SearchService(index);

        var kazakh = search.Search(new SearchRequest { Query = "sandyq", Culture = "kk" });
        Assert.Equal(2, kazakh.Total);
        Assert.Contains(kazakh.Items, h => h.Key == chest.Key && h.Culture == "kk");
        Assert.Contains(kazakh.Items, h => h.Key == institution.Key && h.Culture == "");
        var russian = search.Search(new SearchRequest { Query = "sandyq", Culture = "ru" });
        Assert.Equal([institution.Key], russian.Items.Select(h => h.Key));
        Assert.Equal(0, search.Search(new SearchRequest { Query = "өрнекті", Culture = "ru" }).Total);
        Assert.Equal(1, search.Search(new SearchRequest { Query = "ornekti", Culture = "kk" }).Total);
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

    [Fact]
    public void A_rebuild_cut_short_resumes_after_its_last_checkpoint_with_its_starting_position()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var nodes = Enumerable.Range(1, 6).Select(i => Node($"Самовар {i}", $"Латунный самовар номер {i}")).ToList();
        using (var index = new SearchIndex(root, Analyzers))
        {
            var build = index.StartBuild(position: 30);
            foreach (var node in nodes.Take(3))
                build.Add(node);
            build.Checkpoint("3");
            build.Add(nodes[3]);
            build.Dispose(); // cut short: what came after the checkpoint is not kept
            Assert.False(index.Exists);
        }
        using (var index = new SearchIndex(root, Analyzers))
        {
            Assert.False(index.Exists);
            using var build = index.StartBuild(position: 55);
            Assert.Equal("3", build.ResumeAfter);
            Assert.Equal(30, build.Position);
            foreach (var node in nodes.Skip(3))
                build.Add(node);
            build.Complete();
            Assert.Equal(30, index.Position);
            Assert.Equal(6, new SearchService(index).Search(new SearchRequest { Query = "самовар", Culture = "ru" }).Total);
        }
        // Only the finished generation is left on disk.
        Assert.Single(Directory.EnumerateDirectories(root));

        using (var index = new SearchIndex(root, Analyzers))
        {
            using var build = index.StartBuild(position: 60);
            Assert.Null(build.ResumeAfter);
        }
    }

    [Fact]
    public void Another_process_s_finished_rebuild_is_picked_up()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        using var server = new SearchIndex(root, Analyzers);
        server.Rebuild([Node("Самовар", "Латунный самовар")], position: 5);
        Assert.False(server.FollowPointer());
        using (var commandLine = new SearchIndex(root, Analyzers))
        {
            // The server still holds the current generation's writer: the command line builds beside it.
            commandLine.Rebuild([Node("Рукопись", "Рукопись повести"), Node("Ковёр", "Ковёр")], position: 9);
        }
        Assert.True(server.FollowPointer());
        Assert.Equal(9, server.Position);
        Assert.Equal(1, new SearchService(server).Search(new SearchRequest { Query = "ковёр", Culture = "ru" }).Total);
    }

    private static IEnumerable<IndexedNode> Failing()
    {
        yield return Node("Ковёр", "Ковёр");
        throw new InvalidOperationException("the database went away");
    }
}

public class ContentQueryServiceTests
{
    private static readonly ArchiveAnalyzers Analyzers = new(new HunspellDictionaries());

    private static IndexedNode Child(Guid parent, string name, int sortOrder) => new(
        Guid.NewGuid(), "artefact", false, [parent], 2, sortOrder, DateTime.UtcNow, DateTime.UtcNow,
        [new IndexedCulture("en", true, name, name, null, null)])
    { PathSortOrders = [0, sortOrder] };

    [Fact]
    public void Pages_of_a_listing_come_from_its_kept_result_until_the_index_changes()
    {
        using var index = new SearchIndex(Directory.CreateTempSubdirectory().FullName, Analyzers);
        var parent = Guid.NewGuid();
        var children = Enumerable.Range(0, 30).Select(i => Child(parent, $"Item {i:00}", 30 - i)).ToList();
        index.Rebuild(children, position: 1);
        var service = new ContentQueryService(index);
        ContentQuery Page(int skip) => new()
        {
            Culture = "en", Skip = skip, Take = 10,
            Selector = new SelectorOption(IndexFields.Parent, [parent.ToString()]),
            Sorts = [new SortOption(IndexFields.NameSort, Descending: false, SortKind.String)],
        };
        var first = service.Execute(Page(0));
        var second = service.Execute(Page(10));
        Assert.Equal(30, first.Total);
        Assert.Equal(children.OrderBy(c => c.Cultures[0].Name).Select(c => c.Key).Take(10), first.Keys);
        Assert.Equal(children.OrderBy(c => c.Cultures[0].Name).Select(c => c.Key).Skip(10).Take(10), second.Keys);
        Assert.Equal(first.Keys, service.Execute(Page(0)).Keys);

        // A change to the index is seen by the next query.
        var added = Child(parent, "Item 00a", 99);
        index.Apply([added], [children[0].Key], position: 2);
        var after = service.Execute(Page(0));
        Assert.Equal(30, after.Total);
        Assert.Equal(added.Key, after.Keys[0]);
        Assert.DoesNotContain(children[0].Key, after.Keys);
    }
}
