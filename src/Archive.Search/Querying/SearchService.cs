using System.Text.RegularExpressions;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// Answers a visitor's words. The text is never parsed as Lucene syntax: it is split into words, and
/// each word must match in one of the fields (the language's stemmed text, the folded text, the
/// cross-script skeleton, or, for words of five letters or more, a near spelling ranked lower).
public sealed partial class SearchService(SearchIndex index, FacetSampling? sampling = null)
{
    private readonly FacetSampling _sampling = sampling ?? FacetSampling.Default;

    /// Facet labels by (key, culture), valid for one opened state of the index (see TermsNamedBy).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(IndexReader, string, string?), string> _labels = new();
    private IndexReader? _labelsReader;
    private static readonly ISet<string> LabelFields = new HashSet<string> { IndexFields.Culture, IndexFields.Published, IndexFields.Name };

    // A hit's stored text is most of its stored bytes: read only when it is to be highlighted.
    private static readonly ISet<string> HitFields = new HashSet<string> { IndexFields.Key, IndexFields.Culture, IndexFields.Name, IndexFields.Published };
    private static readonly ISet<string> HitFieldsHighlighted = new HashSet<string>(HitFields) { IndexFields.StoredText };

    private const float LanguageBoost = 3f, FoldedBoost = 2f, SkeletonBoost = 1.5f, FuzzyBoost = 0.3f;

    public SearchResult Search(SearchRequest request)
    {
        if (request.Query.Length > SearchRequest.MaxQueryLength)
            return SearchResult.Fail(SearchStatus.QueryTooLong, $"The query may have at most {SearchRequest.MaxQueryLength} characters.");
        var words = Word().Matches(request.Query).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(SearchRequest.MaxWords).ToList();
        if (words.Count == 0 && !request.Browse)
            return SearchResult.Fail(SearchStatus.EmptyQuery, "The query has no words to search for.");
        if (request.Facets.Concat(request.FacetFilters.Keys).FirstOrDefault(f => !request.KnownFacets.Contains(f)) is { } unknown)
            return SearchResult.Fail(SearchStatus.UnknownFacet, $"'{unknown}' is not a facet; the facets are {string.Join(", ", request.KnownFacets)}.");
        if (!index.Exists)
            return SearchResult.Fail(SearchStatus.IndexNotReady, "The search index is being built.");

        var language = (request.Culture ?? "").Split('-')[0].ToLowerInvariant();

        var take = Math.Clamp(request.Take, 0, SearchRequest.MaxTake);
        var skip = Math.Clamp(request.Skip, 0, 100_000);
        var highlighter = request.Highlight ? Highlighting(words, language) : _ => [];
        return index.Search(searcher =>
        {
            var query = new BooleanQuery();
            var pickers = request.KnownFacets.Where(f => FacetNames.IsKeyed(f) && !FacetNames.Own.Contains(f)).ToList();
            foreach (var word in words)
            {
                var said = WordQuery(word, language, searcher.IndexReader);
                query.Add(pickers.Count == 0 ? said : WithTermsItNames(said, TermsNamedBy(word, language, request, said, searcher), pickers), Occur.MUST);
            }
            // Browsing (no words): every visible item that the filters keep.
            if (words.Count == 0)
                query.Add(new MatchAllDocsQuery(), Occur.MUST);
            AddFilters(query, request);
            if (request.Selector is { } selector)
                query.Add(Filter(QueryClauses.AnyOf(selector.Field, selector.Values)), Occur.MUST);
            QueryClauses.Add(query, request.Filters, request.AllowedContentTypes, request.ExcludedContentTypes);
            var size = Math.Max(1, skip + take);
            // With no words there is no relevance: browsing is by name unless a sort is asked for.
            var sort = words.Count == 0 && request.Sort == SearchSort.Relevance && request.Sorts.Count == 0 ? SearchSort.Name : request.Sort;
            ITopDocsCollector top = request.Sorts.Count > 0 ? TopFieldCollector.Create(QueryClauses.SortOf(request.Sorts, relevance: true), size, false, true, false, true)
                : sort == SearchSort.Relevance ? TopScoreDocCollector.Create(size, true)
                : TopFieldCollector.Create(SortOf(request with { Sort = sort }), size, false, true, false, true);
            var counter = new FacetCounter(request.Facets.Select(FacetNames.Field).ToList(), request.Sampling ?? _sampling);
            searcher.Search(query, VisibleTo(request), request.Facets.Count > 0 ? MultiCollector.Wrap(top, counter) : top);
            var docs = top.GetTopDocs();
            var hits = docs.ScoreDocs.Skip(skip).Take(take).Select(d =>
            {
                var document = searcher.Doc(d.Doc, request.Highlight ? HitFieldsHighlighted : HitFields);
                return new SearchHit(Guid.Parse(document.Get(IndexFields.Key)), document.Get(IndexFields.Culture), float.IsNaN(d.Score) ? 0 : d.Score,
                    document.Get(IndexFields.Name), document.Get(IndexFields.Published) == "y")
                {
                    Highlights = highlighter(document.Get(IndexFields.StoredText) ?? ""),
                };
            }).ToList();
            var (counts, sample) = request.Facets.Count > 0 ? counter.Count(request.FacetValues) : (new Dictionary<string, IReadOnlyList<(string, int)>>(), null);
            var facets = request.Facets.Distinct().ToDictionary(f => f, f => (IReadOnlyList<FacetValue>)counts[FacetNames.Field(f)]
                .Select(c => new FacetValue(c.Value, Label(searcher, f, c.Value, request.Culture), sample?.Estimate(c.Count) ?? c.Count, sample?.MarginOf(c.Count) ?? 0)).ToList());
            return new SearchResult(SearchStatus.Success, docs.TotalHits, hits) { Facets = facets, FacetSample = sample };
        });
    }

    /// Marks a query's words in any text, as the search's highlights do (the search endpoint marks each property of a hit).
    public Func<string, IReadOnlyList<string>> HighlighterFor(string query, string? culture)
    {
        var words = Word().Matches(query).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(SearchRequest.MaxWords).ToList();
        return words.Count == 0 ? _ => [] : Highlighting(words, (culture ?? "").Split('-')[0].ToLowerInvariant());
    }

    private static Sort SortOf(SearchRequest request) => new(request.Sort switch
    {
        SearchSort.Name => new SortField(IndexFields.NameSort, SortFieldType.STRING, request.Descending),
        SearchSort.UpdateDate => new SortField(IndexFields.UpdateDateSort, SortFieldType.INT64, request.Descending),
        _ => new SortField(IndexFields.DatingSort, SortFieldType.INT32, request.Descending),
    }, SortField.FIELD_SCORE);

    /// A facet value's label in the request's culture: a term's, institution's or exhibition's name
    /// (the invariant or any culture's when the culture has none), a century's ordinal.
    private string Label(IndexSearcher searcher, string facet, string value, string? culture)
    {
        if (facet == FacetNames.Century && int.TryParse(value, out var century))
            return CenturyLabel(century, (culture ?? "").Split('-')[0]);
        if (!FacetNames.IsKeyed(facet))
            return value;
        if (!ReferenceEquals(Interlocked.Exchange(ref _labelsReader, searcher.IndexReader), searcher.IndexReader))
            _labels.Clear();
        return _labels.GetOrAdd((searcher.IndexReader, value, culture), _ => LookUpLabel(searcher, value, culture));
    }

    private static string LookUpLabel(IndexSearcher searcher, string value, string? culture)
    {
        var docs = searcher.Search(new TermQuery(new Term(IndexFields.Key, value)), 20).ScoreDocs.Select(d => searcher.Doc(d.Doc, LabelFields)).ToList();
        var best = docs.FirstOrDefault(d => d.Get(IndexFields.Culture) == culture && d.Get(IndexFields.Published) == "y")
            ?? docs.FirstOrDefault(d => d.Get(IndexFields.Culture) == "") ?? docs.FirstOrDefault();
        return best?.Get(IndexFields.Name) ?? value;
    }

    private static string CenturyLabel(int century, string language)
    {
        var roman = new[] { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI" };
        var numeral = century is > 0 and < 22 ? roman[century] : century.ToString();
        return language switch
        {
            "ru" => $"{numeral} век",
            "kk" => $"{numeral} ғасыр",
            _ => century % 100 is 11 or 12 or 13 ? $"{century}th century"
                : (century % 10) switch { 1 => $"{century}st century", 2 => $"{century}nd century", 3 => $"{century}rd century", _ => $"{century}th century" },
        };
    }

    /// Snippets from the stored text with the query's words marked, as the language's analyzer (or,
    /// failing that, the folding one) sees them. Term-based scoring: no query rewriting per document.
    private Func<string, IReadOnlyList<string>> Highlighting(IReadOnlyList<string> words, string language)
    {
        var fields = new[] { IndexFields.Text(language), IndexFields.Folded };
        var highlighters = fields.Select(field =>
        {
            var terms = words.SelectMany(w => Analyze(field, w)).Distinct().Select(t => new Lucene.Net.Search.Highlight.WeightedTerm(1f, t)).ToArray();
            return (Field: field, Highlighter: new Lucene.Net.Search.Highlight.Highlighter(
                new Lucene.Net.Search.Highlight.SimpleHTMLFormatter("<mark>", "</mark>"), new MarkupEncoder(),
                new Lucene.Net.Search.Highlight.QueryTermScorer(terms))
            {
                TextFragmenter = new Lucene.Net.Search.Highlight.SimpleFragmenter(120),
            });
        }).ToList();
        return text =>
        {
            foreach (var (field, highlighter) in highlighters)
            {
                using var stream = index.Analyzers.ForField(field).GetTokenStream(field, text);
                var fragments = highlighter.GetBestFragments(stream, text, 2);
                if (fragments.Length > 0)
                    return fragments;
            }
            return [];
        };
    }


    /// A word found in at least this many documents is taken as spelled as meant: near spellings are
    /// only looked for when it is rare or absent, which spares most queries the fuzzy term expansion.
    private const int CommonEnough = 3;

    private BooleanQuery WordQuery(string word, string language, IndexReader reader)
    {
        var either = new BooleanQuery();
        var textField = IndexFields.Text(language);
        foreach (var term in Analyze(textField, word))
            either.Add(new TermQuery(new Term(textField, term)) { Boost = LanguageBoost }, Occur.SHOULD);
        if (language == "ru")
            foreach (var term in Analyze(IndexFields.RussianSnowball, word))
                either.Add(new TermQuery(new Term(IndexFields.RussianSnowball, term)) { Boost = LanguageBoost * 0.8f }, Occur.SHOULD);
        foreach (var term in Analyze(IndexFields.Folded, word))
        {
            either.Add(new TermQuery(new Term(IndexFields.Folded, term)) { Boost = FoldedBoost }, Occur.SHOULD);
            if (term.Length >= 5 && reader.DocFreq(new Term(IndexFields.Folded, term)) < CommonEnough)
                either.Add(new FuzzyQuery(new Term(IndexFields.Folded, term), term.Length >= 8 ? 2 : 1, prefixLength: 1, maxExpansions: 16, transpositions: true) { Boost = FuzzyBoost }, Occur.SHOULD);
        }
        foreach (var term in Analyze(IndexFields.Skeleton, word))
            either.Add(new TermQuery(new Term(IndexFields.Skeleton, term)) { Boost = SkeletonBoost }, Occur.SHOULD);
        return either;
    }

    /// Vocabulary terms a word names, under any of their names, labels or old names, and how many of them a word may
    /// stand for: an item that picked one of them (its place of origin, material, people…) is found by the word too,
    /// below the items whose own text has it — "Верный" or "Alma-Ata" finds what was made in Almaty, whatever its own
    /// text calls the city.
    private const int TermsPerWord = 20;
    private const float PickedBoost = 0.5f;
    private static readonly ISet<string> KeyField = new HashSet<string> { IndexFields.Key };

    private static Query WithTermsItNames(BooleanQuery said, IReadOnlyList<string> keys, IReadOnlyList<string> pickers)
    {
        if (keys.Count == 0)
            return said;
        var either = (BooleanQuery)said.Clone();
        foreach (var key in keys)
            foreach (var picker in pickers)
                either.Add(new TermQuery(new Term(FacetNames.Field(picker), key)) { Boost = PickedBoost }, Occur.SHOULD);
        return either;
    }

    /// The terms a word names, by (word, language, culture, preview), valid for one opened state of the index: visitors ask
    /// the same words again and again, and finding the terms is a search of its own.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(IndexReader, string, string, string?, bool), IReadOnlyList<string>> _termsNamed = new();
    private IndexReader? _termsReader;
    private const int TermsRemembered = 10_000;

    private IReadOnlyList<string> TermsNamedBy(string word, string language, SearchRequest request, BooleanQuery said, IndexSearcher searcher)
    {
        // Keyed by the reader the answer came from (a change opens a new one), never by the index's position, which moves
        // a moment before the new reader is open.
        var reader = searcher.IndexReader;
        if (!ReferenceEquals(Interlocked.Exchange(ref _termsReader, reader), reader) || _termsNamed.Count > TermsRemembered)
            _termsNamed.Clear();
        return _termsNamed.GetOrAdd((reader, word.ToLowerInvariant(), language, request.Culture, request.Preview), _ =>
        {
            var terms = new BooleanQuery
            {
                { said, Occur.MUST },
                { Filter(new TermQuery(new Term(IndexFields.ContentType, Engine.Publishing.ArchiveAliases.Term))), Occur.MUST },
            };
            return searcher.Search(terms, VisibleTo(request), TermsPerWord * 4).ScoreDocs
                .Select(d => searcher.Doc(d.Doc, KeyField).Get(IndexFields.Key)).Distinct().Take(TermsPerWord).ToList();
        });
    }

    private readonly Visibility _visibility = new();

    private Lucene.Net.Search.Filter VisibleTo(SearchRequest request) => _visibility.For(request.Culture, request.Preview);

    private static void AddFilters(BooleanQuery query, SearchRequest request)
    {
        foreach (var (facet, values) in request.FacetFilters)
        {
            var any = new BooleanQuery();
            foreach (var value in values.Take(50))
                any.Add(new TermQuery(new Term(FacetNames.Field(facet), value)), Occur.SHOULD);
            query.Add(Filter(any), Occur.MUST);
        }
        if (!string.IsNullOrEmpty(request.ContentType))
            query.Add(Filter(new TermQuery(new Term(IndexFields.ContentType, request.ContentType))), Occur.MUST);
        if (request.Under is { } ancestor)
            query.Add(Filter(new TermQuery(new Term(IndexFields.Path, ancestor.ToString()))), Occur.MUST);
        // Overlap of spans: the item's earliest year is not after the range's end, its latest not before its start.
        if (request.DatingTo is { } to)
            query.Add(Filter(NumericRangeQuery.NewInt32Range(IndexFields.DatingEarliest, null, to, true, true)), Occur.MUST);
        if (request.DatingFrom is { } from)
            query.Add(Filter(NumericRangeQuery.NewInt32Range(IndexFields.DatingLatest, from, null, true, true)), Occur.MUST);
    }

    private static Query Filter(Query query) => Visibility.Restrict(query);

    private List<string> Analyze(string field, string text)
    {
        using var stream = index.Analyzers.ForField(field).GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    /// Escapes only what HTML needs (Lucene's SimpleHTMLEncoder turns every Cyrillic letter into a numeric entity).
    private sealed class MarkupEncoder : Lucene.Net.Search.Highlight.IEncoder
    {
        public string EncodeText(string originalText) => originalText
            .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
    }

    // Letters and digits of any script; everything else (Lucene syntax included) separates words.
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex Word();
}
