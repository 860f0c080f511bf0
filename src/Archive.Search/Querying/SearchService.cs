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
public sealed partial class SearchService(SearchIndex index)
{
    private const float LanguageBoost = 3f, FoldedBoost = 2f, SkeletonBoost = 1.5f, FuzzyBoost = 0.3f;

    public SearchResult Search(SearchRequest request)
    {
        if (request.Query.Length > SearchRequest.MaxQueryLength)
            return SearchResult.Fail(SearchStatus.QueryTooLong, $"The query may have at most {SearchRequest.MaxQueryLength} characters.");
        var words = Word().Matches(request.Query).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(SearchRequest.MaxWords).ToList();
        if (words.Count == 0)
            return SearchResult.Fail(SearchStatus.EmptyQuery, "The query has no words to search for.");
        if (!index.Exists)
            return SearchResult.Fail(SearchStatus.IndexNotReady, "The search index is being built.");

        var language = (request.Culture ?? "").Split('-')[0].ToLowerInvariant();
        var query = new BooleanQuery();
        foreach (var word in words)
            query.Add(WordQuery(word, language), Occur.MUST);
        AddFilters(query, request);

        var take = Math.Clamp(request.Take, 0, SearchRequest.MaxTake);
        var skip = Math.Max(0, request.Skip);
        return index.Search(searcher =>
        {
            var top = searcher.Search(query, Math.Max(1, skip + take));
            var hits = top.ScoreDocs.Skip(skip).Take(take).Select(d =>
            {
                var document = searcher.Doc(d.Doc);
                return new SearchHit(Guid.Parse(document.Get(IndexFields.Key)), document.Get(IndexFields.Culture), d.Score,
                    document.Get(IndexFields.Name), document.Get(IndexFields.Published) == "y");
            }).ToList();
            return new SearchResult(SearchStatus.Success, top.TotalHits, hits);
        });
    }

    private Query WordQuery(string word, string language)
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
            if (term.Length >= 5)
                either.Add(new FuzzyQuery(new Term(IndexFields.Folded, term), term.Length >= 8 ? 2 : 1, prefixLength: 1) { Boost = FuzzyBoost }, Occur.SHOULD);
        }
        foreach (var term in Analyze(IndexFields.Skeleton, word))
            either.Add(new TermQuery(new Term(IndexFields.Skeleton, term)) { Boost = SkeletonBoost }, Occur.SHOULD);
        return either;
    }

    private static void AddFilters(BooleanQuery query, SearchRequest request)
    {
        var culture = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.Culture, "")), Occur.SHOULD },
        };
        if (!string.IsNullOrEmpty(request.Culture))
            culture.Add(new TermQuery(new Term(IndexFields.Culture, request.Culture)), Occur.SHOULD);
        query.Add(Filter(culture), Occur.MUST);
        if (!request.Preview)
            query.Add(Filter(new TermQuery(new Term(IndexFields.Published, "y"))), Occur.MUST);
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

    // Lucene 4.8 has no FILTER clause: a constant score of zero restricts without changing the ranking.
    private static Query Filter(Query query) => new ConstantScoreQuery(query) { Boost = 0 };

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

    // Letters and digits of any script; everything else (Lucene syntax included) separates words.
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex Word();
}
