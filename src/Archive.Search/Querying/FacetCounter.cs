using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// Counts facet values over every matching document from the index's doc values (Lucene.Net's facet
/// module is not available here). Counting is per segment by ordinal; values are resolved once.
internal sealed class FacetCounter(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>());
    private readonly List<(string Field, SortedSetDocValues Values, int[] Counts)> _segment = [];

    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts
    {
        get
        {
            Flush();
            return _counts;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        foreach (var field in fields)
            if (context.AtomicReader.GetSortedSetDocValues(field) is { } values)
                _segment.Add((field, values, new int[values.ValueCount]));
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, counts) in _segment)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                counts[ord]++;
        }
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        foreach (var (field, values, counts) in _segment)
        {
            var target = _counts[field];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                    continue;
                values.LookupOrd(ord, bytes);
                var value = bytes.Utf8ToString();
                target[value] = target.GetValueOrDefault(value) + counts[ord];
            }
        }
        _segment.Clear();
    }
}
