using System.Text.Json.Nodes;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Web;
using Archive.Search.Indexing;
using Archive.Search.Querying;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Search;

/// The search index over the demo catalogue, in a running host (SQLite, index on disk).
public sealed class SearchTests : IClassFixture<SearchTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public Task InitializeAsync() => ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private readonly Host _host;
    private readonly SearchService _search;

    public SearchTests(Host host)
    {
        _host = host;
        _search = host.Services.GetRequiredService<SearchService>();
    }

    private SearchResult Find(string query, string culture, bool preview = false, string? type = null) =>
        _search.Search(new SearchRequest { Query = query, Culture = culture, Take = 50, Preview = preview, ContentType = type });

    private List<string> Names(string query, string culture, string? type = null) => Find(query, culture, type: type).Items.Select(i => i.Name).ToList();

    /// As the Delivery API's search asks: every facet of the schema known, place of origin among them.
    private List<string> NamesAsVisitorsAsk(string query, string culture) =>
        _search.Search(new SearchRequest
        {
            Query = query, Culture = culture, Take = 100,
            KnownFacets = FacetNames.Of(_host.Services.GetRequiredService<Archive.Delivery.Cache.PublishedCache>().Schema),
        }).Items.Select(i => i.Name).ToList();

    [Theory]
    [InlineData("Верный", "ru", "Алматы", "Деревянный сундук")]
    [InlineData("Алма-Ата", "ru", "Алматы", "Дутар")]
    [InlineData("Alma-Ata", "en", "Almaty", "Wooden chest")]
    [InlineData("Verny", "kk", "Алматы", "Ағаш сандық")] // Latin letters for the Cyrillic label
    [InlineData("Целиноград", "ru", "Астана", "Расписная глиняная миска")] // a former name with its period
    [InlineData("Tselinograd", "en", "Astana", "Painted earthenware bowl")]
    [InlineData("Nur-Sultan", "kk", "Астана", "Боялған қыш тостаған")]
    public void An_old_name_of_a_place_finds_what_was_made_there_whatever_its_own_text_calls_it(string query, string culture, string place, string made)
    {
        var found = NamesAsVisitorsAsk(query, culture);
        Assert.Contains(made, found);
        // What names the place itself ranks above what only picked it.
        Assert.True(found.IndexOf(place) is >= 0 and var at && at < found.IndexOf(made), string.Join(" | ", found));
    }

    [Theory]
    [InlineData("музея", "ru")]        // genitive finds "музей"
    [InlineData("музеи", "ru")]
    [InlineData("мұражай", "kk")]      // finds "мұражайы"
    [InlineData("museums", "en")]
    public void Word_forms_find_the_literary_museums(string query, string culture)
    {
        var found = Names(query, culture, "institution");
        Assert.True(found.Count >= 4, string.Join(" | ", found));
    }

    [Theory]
    [InlineData("Абай", "en", "Abai Qunanbaiuly")]
    [InlineData("Abay", "kk", "Абай Құнанбайұлы")]
    [InlineData("Abaidyñ", "kk", "Абай Құнанбайұлы")]
    [InlineData("Достоевского", "ru", "Фёдор Достоевский")]
    [InlineData("Dostojevsky", "en", "Fyodor Dostoevsky")]
    [InlineData("Shevcenko", "en", "Taras Shevchenko")]
    public void Spellings_scripts_and_typos_find_people(string query, string culture, string expected) =>
        Assert.Contains(expected, Names(query, culture, "person"));

    [Fact]
    public void Exact_matches_rank_above_near_spellings()
    {
        var exact = Find("Dostoevsky", "en", type: "person").Items.Single(i => i.Name.Contains("Dostoevsky"));
        var typo = Find("Dostojevsky", "en", type: "person").Items.Single(i => i.Name.Contains("Dostoevsky"));
        Assert.True(exact.Score > typo.Score);
    }

    [Theory]
    [InlineData("shelf")]               // storageLocation
    [InlineData("office contact")]      // ownerContact
    [InlineData("700")]                 // the phone number in ownerContact
    public void Private_fields_are_never_searchable(string query)
    {
        foreach (var culture in new[] { "kk", "ru", "en" })
        {
            Assert.Equal(0, Find(query, culture).Total);
            Assert.Equal(0, Find(query, culture, preview: true).Total);
        }
    }

    [Fact]
    public void Results_can_be_limited_to_an_institution_and_to_overlapping_dating()
    {
        Guid dostoevsky;
        using (var scope = _host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Archive.Data.ArchiveDbContext>();
            dostoevsky = db.Nodes.Single(n => n.ContentTypeAlias == "institution" && db.NodeCultures.Any(c => c.NodeId == n.Id && c.Name.Contains("Dostoevsky"))).Key;
        }
        var all = _search.Search(new SearchRequest { Query = "letter", Culture = "en", Take = 50 });
        var under = _search.Search(new SearchRequest { Query = "letter", Culture = "en", Take = 50, Under = dostoevsky });
        Assert.True(all.Total > under.Total);
        Assert.Contains("Letter written in Semipalatinsk", under.Items.Select(i => i.Name));

        // "1856" overlaps 1850–1860; "1940s" does not.
        var fifties = _search.Search(new SearchRequest { Query = "letter", Culture = "en", Take = 50, DatingFrom = 1850, DatingTo = 1860 });
        Assert.Contains("Letter written in Semipalatinsk", fifties.Items.Select(i => i.Name));
        Assert.DoesNotContain("Letter to fellow villagers", fifties.Items.Select(i => i.Name));
    }

    [Fact]
    public void Facets_count_every_match_with_labels_in_the_request_culture()
    {
        var result = _search.Search(new SearchRequest
        {
            Query = "letter", Culture = "en", Take = 5, ContentType = "artefact",
            Facets = [FacetNames.Institution, FacetNames.Material, FacetNames.Century, FacetNames.HasImage],
        });
        Assert.Equal(SearchStatus.Success, result.Status);
        Assert.Equal(result.Total, result.Facets[FacetNames.Institution].Sum(f => f.Count));
        Assert.Contains(result.Facets[FacetNames.Institution], f => f.Label.Contains("Dostoevsky"));
        Assert.Contains(result.Facets[FacetNames.Material], f => f.Label == "Paper" && f.Count >= 4);
        Assert.Contains(result.Facets[FacetNames.Century], f => f.Label == "19th century");
        Assert.Equal(result.Total, Assert.Single(result.Facets[FacetNames.HasImage]).Count);

        var russian = _search.Search(new SearchRequest { Query = "письмо", Culture = "ru", ContentType = "artefact", Facets = [FacetNames.Material, FacetNames.Century] });
        Assert.Contains(russian.Facets[FacetNames.Material], f => f.Label == "Бумага");
        Assert.Contains(russian.Facets[FacetNames.Century], f => f.Label == "XIX век");

        var paper = result.Facets[FacetNames.Material].Single(f => f.Label == "Paper").Value;
        var ink = _search.Search(new SearchRequest
        {
            Query = "letter", Culture = "en", ContentType = "artefact",
            FacetFilters = new Dictionary<string, IReadOnlyList<string>> { [FacetNames.Material] = [paper], [FacetNames.Century] = ["20"] },
        });
        Assert.True(ink.Total > 0 && ink.Total < result.Total);
    }

    [Theory]
    [InlineData("дост", "ru", "достоевского")]
    [InlineData("Dost", "en", "dostoevsky")]
    [InlineData("мұра", "kk", "мұражайы")]
    [InlineData("the poet's po", "en", "portrait")]
    public void Autocomplete_offers_words_of_published_names(string prefix, string culture, string expected)
    {
        var suggestions = _host.Services.GetRequiredService<SuggestService>().Suggest(prefix, culture);
        Assert.Contains(expected, suggestions);
        Assert.All(suggestions, s => Assert.StartsWith(prefix.Split(' ')[^1].ToLowerInvariant(), s));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("zzzzqqq")]
    public void Autocomplete_answers_nothing_for_nothing(string prefix) =>
        Assert.Empty(_host.Services.GetRequiredService<SuggestService>().Suggest(prefix, "en"));

    [Fact]
    public void Unknown_facets_are_refused_by_name() =>
        Assert.Equal(SearchStatus.UnknownFacet, _search.Search(new SearchRequest { Query = "letter", Culture = "en", Facets = ["colour"] }).Status);

    [Fact]
    public void Results_sort_by_name_and_dating_and_carry_highlights()
    {
        var byName = _search.Search(new SearchRequest { Query = "letter", Culture = "en", Take = 50, ContentType = "artefact", Sort = SearchSort.Name });
        var names = byName.Items.Select(i => i.Name).ToList();
        Assert.Equal(names.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal), names);

        var newestFirst = _search.Search(new SearchRequest { Query = "letter", Culture = "en", Take = 50, ContentType = "artefact", Sort = SearchSort.Dating, Descending = true });
        Assert.Equal("Letter from the Virgin Lands", newestFirst.Items.First(i => i.Name.StartsWith("Letter")).Name); // 1954, the latest start

        var relevance = _search.Search(new SearchRequest { Query = "semipalatinsk letter", Culture = "en" });
        Assert.Contains(relevance.Items[0].Highlights, h => h.Contains("<mark>"));
    }

    [Fact]
    public async Task No_value_of_any_private_property_reaches_an_index_document()
    {
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Archive.Data.ArchiveDbContext>();
        var schema = await scope.ServiceProvider.GetRequiredService<Archive.Data.Schema.SchemaStore>().GetAsync(db);
        var source = scope.ServiceProvider.GetRequiredService<Archive.Engine.Publishing.IStoredItemSource>();
        var exhibitions = await source.ExhibitionsByObjectAsync(default);
        var editors = scope.ServiceProvider.GetRequiredService<Archive.Engine.Editors.PropertyEditors>();
        var checkedValues = 0;
        await foreach (var item in source.AllAsync(0, 100, default).SelectMany(b => b.Items.ToAsyncEnumerable()))
        {
            var node = Archive.Search.Indexing.IndexedNodeProjection.From(item, schema, editors, exhibitions);
            var type = schema.FindType(node.ContentTypeAlias, node.IsMedia ? Archive.Engine.Schema.ContentTypeKind.Media : Archive.Engine.Schema.ContentTypeKind.Document);
            if (type is null)
                continue;
            var nodeId = db.Nodes.Single(n => n.Key == node.Key).Id;
            var versions = db.NodeVersions.Where(v => v.NodeId == nodeId).Select(v => v.Data).ToList().Select(ContentData.FromJson).ToList();
            foreach (var property in schema.SensitiveProperties(type))
                // Flags ("1") say nothing on their own and would match any digit; every value with content is checked.
                foreach (var value in versions.SelectMany(v => v.Values.GetValueOrDefault(property.Alias)?.Values ?? Enumerable.Empty<string>()).Where(v => v.Length > 2))
                {
                    checkedValues++;
                    Assert.All(node.Cultures, c => Assert.DoesNotContain(value, c.Text));
                }
        }
        Assert.True(checkedValues >= 63 * 3, $"only {checkedValues} private values were checked");
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:(museum OR")]
    [InlineData("*:* AND NOT")]
    [InlineData("museum~2^5 [1 TO 2]")]
    public void Lucene_syntax_is_searched_as_words(string query) =>
        Assert.Equal(SearchStatus.Success, Find(query, "en").Status);

    [Fact]
    public void Empty_wildcard_only_and_huge_queries_are_refused_clearly()
    {
        Assert.Equal(SearchStatus.EmptyQuery, Find("*** ?? ~", "en").Status);
        Assert.Equal(SearchStatus.QueryTooLong, Find(new string('a', SearchRequest.MaxQueryLength + 1), "en").Status);
    }

    [Fact]
    public async Task Published_changes_reach_the_index_within_a_second_and_drafts_only_preview()
    {
        Guid collection;
        using (var scope = _host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Archive.Data.ArchiveDbContext>();
            collection = db.Nodes.First(n => n.ContentTypeAlias == "collection").Key;
        }
        var names = new Dictionary<string, string> { ["kk"] = "Зергерлік тостаған", ["ru"] = "Ювелирная чаша", ["en"] = "Jeweller's goblet" };
        Guid key;
        using (var scope = _host.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var created = await content.CreateAsync(collection, "artefact", new ContentEdit
            {
                Names = names,
                Values = [new ValueEdit("accessionNumber", null, "SEARCH-1"), .. names.Select(n => new ValueEdit("title", n.Key, n.Value))],
            }, "test");
            Assert.True(created.Succeeded, created.ToString());
            key = created.Key!.Value;
        }
        await Eventually(() => Find("goblet", "en", preview: true).Items.Any(i => i.Key == key && !i.Published));
        Assert.Equal(0, Find("goblet", "en").Total);

        using (var scope = _host.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentService>().PublishAsync(key, ["*"], "test")).Succeeded);
        await Eventually(() => Find("чаши", "ru").Items.Any(i => i.Key == key));

        using (var scope = _host.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentService>().TrashAsync(key, "test")).Succeeded);
        await Eventually(() => Find("goblet", "en", preview: true).Total == 0);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The index did not follow the change in time.");
            await Task.Delay(50);
        }
    }
}
