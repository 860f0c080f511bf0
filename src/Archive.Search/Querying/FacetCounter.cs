using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// Counts facet values over a query's hits from the index's doc values, kept as plain arrays per segment (FacetOrdinals;
/// Lucene.Net's facet module is not available here). Collecting only marks each hit in a bit set per segment; counting
/// comes after, when the number of hits is known: every hit when they are few, else the hits of a fixed random sample of
/// the index (SampleLevels), scaled up, each count with its margin at 95 % confidence. A sample of at most ten thousand
/// keeps a word that matches a hundred thousand documents about as quick to count as one that matches ten thousand,
/// with counts within about one per cent of the hits. Only the values shown are compared and named.
internal sealed class FacetCounter(IReadOnlyList<string> fields, FacetSampling sampling) : ICollector
{
    private readonly List<(AtomicReader Reader, long[] Hits)> _segments = [];
    private long[] _hits = [];
    private int _total;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        // Rented: a bit per document of a large segment is hundreds of kilobytes, too much to leave to the collector per query.
        var words = (context.AtomicReader.MaxDoc + 63) >> 6;
        _hits = ArrayPool<long>.Shared.Rent(words);
        Array.Clear(_hits, 0, words);
        _segments.Add((context.AtomicReader, _hits));
    }

    public void Collect(int doc)
    {
        _hits[doc >> 6] |= 1L << doc;
        _total++;
    }

    /// The most frequent values per field (most first, then by value) with their counts, and the sample they were counted
    /// from (null: every hit was counted).
    public (IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>> Top, FacetSample? Sample) Count(int top)
    {
        var distinct = fields.Distinct().ToList();
        var level = sampling.LevelFor(_total);
        var sampled = 0;
        var perSegment = new List<(AtomicReader Reader, string Field, FacetOrdinals Ordinals, int[] Counts)>();
        foreach (var (reader, hits) in _segments)
        {
            var values = distinct.Select(f => (Field: f, Ordinals: FacetOrdinals.For(reader, f))).Where(v => v.Ordinals is not null).ToList();
            var counts = values.Select(v => ArrayPool<int>.Shared.Rent(v.Ordinals!.ValueCount)).ToArray();
            for (var f = 0; f < values.Count; f++)
                Array.Clear(counts[f], 0, values[f].Ordinals!.ValueCount);
            var sample = level == 0 ? null : SampleLevels.For(reader.MaxDoc, level);
            var length = (reader.MaxDoc + 63) >> 6;
            for (var w = 0; w < length; w++)
            {
                var word = sample is null ? hits[w] : hits[w] & sample[w];
                while (word != 0)
                {
                    var doc = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    sampled++;
                    for (var f = 0; f < values.Count; f++)
                        values[f].Ordinals!.CountInto(doc, counts[f]);
                }
            }
            for (var f = 0; f < values.Count; f++)
                perSegment.Add((reader, values[f].Field, values[f].Ordinals!, counts[f]));
            ArrayPool<long>.Shared.Return(hits);
        }
        _segments.Clear();
        var result = distinct.ToDictionary(f => f, f => Top(perSegment.Where(s => s.Field == f).ToList(), top));
        foreach (var segment in perSegment)
            ArrayPool<int>.Shared.Return(segment.Counts);
        return (result, level == 0 ? null : new FacetSample(sampled, _total));
    }

    /// The top values of one field: straight from the value numbers when one segment holds them all (a merged index),
    /// else summed by value across segments first.
    private static IReadOnlyList<(string Value, int Count)> Top(List<(AtomicReader Reader, string Field, FacetOrdinals Ordinals, int[] Counts)> segments, int top)
    {
        IEnumerable<(string Value, int Count)> Counted((AtomicReader Reader, string Field, FacetOrdinals Ordinals, int[] Counts) s)
        {
            for (var ord = 0; ord < s.Ordinals.ValueCount; ord++)
                if (s.Counts[ord] > 0)
                    yield return (s.Ordinals.NameOf(s.Reader, s.Field, ord), s.Counts[ord]);
        }
        var all = segments.Count == 1 ? Counted(segments[0])
            : segments.SelectMany(Counted).GroupBy(c => c.Value, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(c => c.Count)));
        // The worst of the kept values on top of the queue, so each value is compared with it alone.
        var kept = new PriorityQueue<(string Value, int Count), (string Value, int Count)>(WorstFirst);
        foreach (var value in all)
        {
            if (top <= 0)
                break;
            if (kept.Count < top)
                kept.Enqueue(value, value);
            else if (WorstFirst.Compare(value, kept.Peek()) > 0)
                kept.EnqueueDequeue(value, value);
        }
        var list = new List<(string Value, int Count)>(kept.Count);
        while (kept.TryDequeue(out var value, out _))
            list.Add(value);
        list.Reverse();
        return list;
    }

    // Fewer first; among equals, the later value first (values are listed by count, then in order).
    private static readonly Comparer<(string Value, int Count)> WorstFirst = Comparer<(string Value, int Count)>.Create((a, b) =>
        a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(b.Value, a.Value));
}
