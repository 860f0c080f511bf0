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
///
/// Listings are read page after page and by many screens at once, so the ordered keys of a query with up
/// to MaxCachedHits results are kept (a query-result cache, as Solr keeps one) until the index changes;
/// another page of the same listing is then a slice.
public sealed class ContentQueryService
{
    private static readonly ISet<string> KeyOnly = new HashSet<string> { IndexFields.Key };
    private readonly Visibility _visibility = new();
    private readonly SearchIndex _index;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid[]> _results = new();

    public const int MaxCachedHits = 5_000;
    private const int MaxCachedQueries = 4_096;

    public ContentQueryService(SearchIndex index)
    {
        _index = index;
        index.Changed += () =>
        {
            Interlocked.Increment(ref _generation);
            _results.Clear();
        };
    }

    private int _generation;

    /// The deepest page a query may reach (skip + take); deeper pages come back empty.
    public const int MaxWindow = 100_000;

    private static Guid KeyOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (leaf.AtomicReader.GetBinaryDocValues(IndexFields.KeyBytes) is not { } values)
            return Guid.Parse(searcher.Doc(doc, KeyOnly).Get(IndexFields.Key));
        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return new Guid(bytes.Bytes.AsSpan(bytes.Offset, 16));
    }

    public ContentQueryResult Execute(ContentQuery request)
    {
        var skip = Math.Max(0, request.Skip);
        var take = Math.Max(0, request.Take);
        var key = CacheKey(request);
        if (_results.TryGetValue(key, out var cached))
            return new ContentQueryResult(cached.Length, cached.Skip(skip).Take(take).ToList());
        var generation = Volatile.Read(ref _generation);
        var (total, keys, complete) = Run(request, skip, take);
        // A result computed while the index changed is served but not kept.
        if (complete && generation == Volatile.Read(ref _generation))
        {
            if (_results.Count >= MaxCachedQueries)
                _results.Clear();
            _results[key] = keys;
        }
        if (complete)
            return new ContentQueryResult(total, keys.Skip(skip).Take(take).ToList());
        return new ContentQueryResult(total, keys);
    }

    /// Everything that decides the ordered result, paging aside.
    private static string CacheKey(ContentQuery request)
    {
        var key = new System.Text.StringBuilder();
        key.Append(request.Culture).Append('|').Append(request.Preview).Append('|');
        if (request.Selector is { } selector)
            key.Append(selector.Field).Append('=').AppendJoin(',', selector.Values);
        foreach (var filter in request.Filters)
            key.Append('|').Append(filter.Field).Append(filter.Operation).Append(filter.Kind).Append('=').AppendJoin(',', filter.Values);
        foreach (var sort in request.Sorts)
            key.Append("|s:").Append(sort.Field).Append(sort.Descending ? '-' : '+');
        key.Append("|a:").AppendJoin(',', request.AllowedContentTypes).Append("|x:").AppendJoin(',', request.ExcludedContentTypes);
        return key.ToString();
    }

    /// All ordered keys when there are at most MaxCachedHits (complete), else the requested page.
    private (int Total, Guid[] Keys, bool Complete) Run(ContentQuery request, int skip, int take)
    {
        var index = _index;
        if (!index.Exists)
            throw new InvalidOperationException("The search index is being built.");
        var query = new BooleanQuery { { new TermQuery(new Term(IndexFields.Kind, "content")), Occur.MUST } };
        if (request.Selector is { } selector)
            query.Add(Visibility.Restrict(QueryClauses.AnyOf(selector.Field, selector.Values)), Occur.MUST);
        QueryClauses.Add(query, request.Filters, request.AllowedContentTypes, request.ExcludedContentTypes);

        var window = (int)Math.Min(MaxWindow, Math.Max((long)skip + take, MaxCachedHits));
        return index.Search(searcher =>
        {
            var collector = TopFieldCollector.Create(QueryClauses.SortOf(request.Sorts, relevance: false), Math.Max(1, window), false, false, false, true);
            searcher.Search(query, _visibility.For(request.Culture, request.Preview), collector);
            var top = collector.GetTopDocs();
            if (top.TotalHits <= MaxCachedHits)
                return (top.TotalHits, top.ScoreDocs.Select(d => KeyOf(searcher, d.Doc)).ToArray(), true);
            return (top.TotalHits, top.ScoreDocs.Skip(skip).Take(take).Select(d => KeyOf(searcher, d.Doc)).ToArray(), false);
        });
    }
}
