using System.Globalization;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// Runs structured queries (the Delivery API's fetch, filter and sort) against the index and returns
/// the keys of a page of items with the total count. Items come back once each, in the request's culture
/// or invariant; only published ones unless in preview.
public sealed class ContentQueryService(SearchIndex index)
{
    private static readonly ISet<string> KeyOnly = new HashSet<string> { IndexFields.Key };
    private readonly Visibility _visibility = new();

    /// The deepest page a query may reach (skip + take); deeper pages come back empty.
    public const int MaxWindow = 100_000;

    public ContentQueryResult Execute(ContentQuery request)
    {
        if (!index.Exists)
            throw new InvalidOperationException("The search index is being built.");
        var query = new BooleanQuery { { new TermQuery(new Term(IndexFields.Kind, "content")), Occur.MUST } };
        if (request.Selector is { } selector)
            query.Add(Visibility.Restrict(QueryClauses.AnyOf(selector.Field, selector.Values)), Occur.MUST);
        QueryClauses.Add(query, request.Filters, request.AllowedContentTypes, request.ExcludedContentTypes);

        var skip = Math.Max(0, request.Skip);
        var take = Math.Max(0, request.Take);
        var window = (int)Math.Min(MaxWindow, (long)skip + take);
        return index.Search(searcher =>
        {
            var collector = TopFieldCollector.Create(QueryClauses.SortOf(request.Sorts, relevance: false), Math.Max(1, window), false, false, false, true);
            searcher.Search(query, _visibility.For(request.Culture, request.Preview), collector);
            var top = collector.GetTopDocs();
            var keys = top.ScoreDocs.Skip(skip).Take(take).Select(d => Guid.Parse(searcher.Doc(d.Doc, KeyOnly).Get(IndexFields.Key))).ToList();
            return new ContentQueryResult(top.TotalHits, keys);
        });
    }
}
