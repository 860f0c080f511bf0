using ZstdSharp;

namespace Archive.Delivery.Cache;

/// How the published cache keeps each item's values: Zstandard with a dictionary trained on the catalogue's own items.
/// An item's JSON is a few kilobytes whose property names, culture codes and phrasing recur from item to item; each
/// compressed alone it halves, with a dictionary of what items share it shrinks several times — which is what lets a
/// node hold a million items' values in memory and render any of them on demand. Decompressing an item costs
/// microseconds, paid only when its response is not among the kept ones (RenderedItems).
public sealed class DataCodec
{
    /// No dictionary: what a catalogue too small to train on (or an empty one) uses.
    public static readonly DataCodec Plain = new([]);

    /// Not compressed at all: for an item rendered once and let go (a preview), not worth a compressor's working memory
    /// on a request's thread.
    public static readonly DataCodec None = new([], compress: false);

    private const int Level = 3;
    private const int DictionaryBytes = 112 * 1024;
    // Training wants many samples; fewer than this and the plain codec does as well.
    private const int FewestSamples = 64;

    private readonly byte[] _dictionary;
    private readonly ThreadLocal<Compressor> _compressor;
    private readonly ThreadLocal<Decompressor> _decompressor;

    private readonly bool _compress;

    private DataCodec(byte[] dictionary, bool compress = true)
    {
        _dictionary = dictionary;
        _compress = compress;
        _compressor = new(() =>
        {
            var compressor = new Compressor(Level);
            if (_dictionary.Length > 0)
                compressor.LoadDictionary(_dictionary);
            return compressor;
        });
        _decompressor = new(() =>
        {
            var decompressor = new Decompressor();
            if (_dictionary.Length > 0)
                decompressor.LoadDictionary(_dictionary);
            return decompressor;
        });
    }

    public int DictionarySize => _dictionary.Length;

    /// What the codec was trained to (empty for the plain codec): kept with the cache on disk, so its items are read back.
    public byte[] Dictionary => _dictionary;

    /// The codec of a dictionary trained before.
    public static DataCodec WithDictionary(byte[] dictionary) => dictionary.Length == 0 ? Plain : new DataCodec(dictionary);

    /// A codec whose dictionary is trained on these items' values (a sample of the catalogue).
    public static DataCodec Train(IReadOnlyCollection<byte[]> samples)
    {
        if (samples.Count < FewestSamples)
            return Plain;
        try
        {
            var dictionary = DictBuilder.TrainFromBuffer(samples, DictionaryBytes).ToArray();
            return dictionary.Length == 0 ? Plain : new DataCodec(dictionary);
        }
        catch (ZstdException)
        {
            // Samples too alike or too few bytes to learn from: items are kept compressed without a dictionary.
            return Plain;
        }
    }

    /// How many items a load takes in before it trains its codec, and how many of them the codec learns from.
    public const int TrainingWindow = 20_000, TrainingSamples = 2_000;

    /// A codec trained on samples spread evenly over a window of the catalogue (every n-th item), not its first items:
    /// a catalogue often begins with its institutions and collections (2,100 of them before the first object at a
    /// million objects), and a dictionary learnt from those alone compressed the objects' values eightfold worse.
    public static DataCodec TrainSpread(IReadOnlyList<byte[]> window)
    {
        var step = Math.Max(1, window.Count / TrainingSamples);
        return Train(Enumerable.Range(0, Math.Min(window.Count, TrainingSamples)).Select(i => window[i * step]).ToList());
    }

    public byte[] Pack(ReadOnlySpan<byte> data) => _compress ? _compressor.Value!.Wrap(data).ToArray() : data.ToArray();

    /// Decompressed straight into an array of the size the frame states (this is on the read path of every response not kept).
    public byte[] Unpack(ReadOnlySpan<byte> packed)
    {
        if (!_compress)
            return packed.ToArray();
        var data = new byte[checked((int)Decompressor.GetDecompressedSize(packed))];
        _decompressor.Value!.Unwrap(packed, data);
        return data;
    }
}
