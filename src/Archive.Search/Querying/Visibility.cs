using Archive.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// Which documents a request may see: its culture and the invariant ones, drafts only in preview.
/// Few distinct combinations, each a bit set cached per index segment.
internal sealed class Visibility
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool), Filter> _filters = new();

    public Filter For(string? culture, bool preview)
    {
        var key = (culture ?? "", preview);
        // Cultures come from requests: the cache stays bounded whatever they send.
        return _filters.TryGetValue(key, out var cached) ? cached
            : _filters.Count < 64 ? _filters.GetOrAdd(key, Build) : Build(key);
    }

    private static Filter Build((string Culture, bool Preview) key)
    {
        var (culture, preview) = key;
        var cultures = new BooleanQuery { { new TermQuery(new Term(IndexFields.Culture, "")), Occur.SHOULD } };
        if (culture.Length > 0)
            cultures.Add(new TermQuery(new Term(IndexFields.Culture, culture)), Occur.SHOULD);
        var visible = new BooleanQuery { { cultures, Occur.MUST } };
        if (!preview)
            visible.Add(new TermQuery(new Term(IndexFields.Published, "y")), Occur.MUST);
        else
            visible.Add(new TermQuery(new Term(IndexFields.HasDraft, "y")), Occur.MUST_NOT);
        return new BitsCachingFilter(new QueryWrapperFilter(visible));
    }

    /// Cached as a plain bit set rather than Lucene's default compressed set: a bit set answers "is this document
    /// visible?" at random, so the query's own hits drive the search and each is checked in one step, instead of the
    /// two leap-frogging each other (which was most of a broad query's time at a million items).
    private sealed class BitsCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    // Lucene 4.8 has no FILTER clause: a constant score of zero restricts without changing the ranking.
    public static Query Restrict(Query query) => new ConstantScoreQuery(query) { Boost = 0 };
}
