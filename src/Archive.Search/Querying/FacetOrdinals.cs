using System.Runtime.CompilerServices;
using Archive.Search.Indexing;
using Lucene.Net.Index;

namespace Archive.Search.Querying;

/// One facet field's value numbers (ordinals) for every document of a segment, read once from the doc values into
/// plain arrays and kept while the segment lives. Reading the doc values hit by hit goes through the codec's packed
/// readers over the mapped file, most of a broad query's facet time at a million items; an array read is a step.
/// Each value number takes a byte, two or four, as the field's number of values needs: five facets over three million
/// documents take a few tens of megabytes.
internal sealed class FacetOrdinals
{
    // Document d's value numbers are at [_starts[d], _starts[d + 1]) when a document may hold several (materials);
    // at d alone, stored + 1 so that 0 says "none", when each holds at most one (institution, century).
    private readonly int[]? _starts;
    private readonly byte[]? _bytes;
    private readonly ushort[]? _shorts;
    private readonly int[]? _ints;

    private readonly string?[] _names;

    public int ValueCount { get; }

    private FacetOrdinals(SortedSetDocValues values, int maxDoc)
    {
        ValueCount = checked((int)values.ValueCount);
        _names = new string?[ValueCount];
        var single = true;
        for (var doc = 0; doc < maxDoc && single; doc++)
        {
            values.SetDocument(doc);
            var n = 0;
            while (values.NextOrd() != SortedSetDocValues.NO_MORE_ORDS)
                n++;
            single = n <= 1;
        }
        if (single)
        {
            var width = Width(ValueCount + 1);
            Allocate(width, maxDoc, out _bytes, out _shorts, out _ints);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                values.SetDocument(doc);
                var ord = values.NextOrd();
                if (ord != SortedSetDocValues.NO_MORE_ORDS)
                    Set(doc, (int)ord + 1);
            }
            return;
        }
        _starts = new int[maxDoc + 1];
        var ords = new List<int>();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            _starts[doc] = ords.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                ords.Add((int)ord);
        }
        _starts[maxDoc] = ords.Count;
        Allocate(Width(ValueCount), ords.Count, out _bytes, out _shorts, out _ints);
        for (var i = 0; i < ords.Count; i++)
            Set(i, ords[i]);
    }

    /// Adds one to the count of each of the document's values.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountInto(int doc, int[] counts)
    {
        if (_starts is null)
        {
            var ord = Get(doc);
            if (ord != 0)
                counts[ord - 1]++;
            return;
        }
        for (int i = _starts[doc], end = _starts[doc + 1]; i < end; i++)
            counts[Get(i)]++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    /// A value number's text, looked up once and kept: a broad query names thousands of a field's values, and turning
    /// each from the index's bytes into a string on every query was most of what a query allocated.
    public string NameOf(AtomicReader reader, string field, int ord)
    {
        if (Volatile.Read(ref _names[ord]) is { } name)
            return name;
        // The reader's own doc values: an instance keeps a position, so none is shared between threads.
        var bytes = new Lucene.Net.Util.BytesRef();
        reader.GetSortedSetDocValues(field).LookupOrd(ord, bytes);
        name = bytes.Utf8ToString();
        Volatile.Write(ref _names[ord], name);
        return name;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Get(int i) => _bytes is not null ? _bytes[i] : _shorts is not null ? _shorts[i] : _ints![i];

    private void Set(int i, int value)
    {
        if (_bytes is not null)
            _bytes[i] = (byte)value;
        else if (_shorts is not null)
            _shorts[i] = (ushort)value;
        else
            _ints![i] = value;
    }

    private static int Width(int values) => values <= byte.MaxValue + 1 ? 1 : values <= ushort.MaxValue + 1 ? 2 : 4;

    private static void Allocate(int width, int length, out byte[]? bytes, out ushort[]? shorts, out int[]? ints)
    {
        bytes = width == 1 ? new byte[length] : null;
        shorts = width == 2 ? new ushort[length] : null;
        ints = width == 4 ? new int[length] : null;
    }

    // Per segment core (shared by the segment's readers across reopenings, dropped with it), per field.
    private static readonly ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<FacetOrdinals?>>> Cache = new();

    /// Reads every facet field of the reader's segments not read before.
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
            foreach (var facet in FacetNames.All)
                For(leaf.AtomicReader, FacetNames.Field(facet));
    }

    /// The field's value numbers in the segment, read on first use; null when no document of the segment has the field.
    /// A read that failed (a reader closing under it) is not remembered: the next query reads again.
    public static FacetOrdinals? For(AtomicReader reader, string field) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new()).GetOrAdd(field, f => new Lazy<FacetOrdinals?>(() =>
            reader.GetSortedSetDocValues(f) is { } values ? new FacetOrdinals(values, reader.MaxDoc) : null, LazyThreadSafetyMode.PublicationOnly)).Value;
}
