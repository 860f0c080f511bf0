
namespace Archive.Search.Querying;

/// A fixed random sample of documents at each rate 1/2, 1/4, 1/8…: document number d belongs to level l when the low
/// l bits of d's hash are zero, so each level holds about half of the one before and lies inside it. Hashing (rather
/// than every k-th document) keeps a sample free of the order items were indexed in — a collection or a generated
/// pattern never lines up with the step. One bit set per level serves every segment (it depends on the document's
/// number alone), grown when a larger segment asks.
internal static class SampleLevels
{
    public const int Deepest = 20;

    private static readonly long[]?[] Levels = new long[Deepest + 1][];

    /// Level l's bits for documents 0…maxDoc − 1 (the array may be longer).
    public static long[] For(int maxDoc, int level)
    {
        var words = (maxDoc + 63) >> 6;
        var bits = Volatile.Read(ref Levels[level]);
        if (bits is not null && bits.Length >= words)
            return bits;
        // Grown to twice what is asked so a growing index rebuilds rarely; a race builds the same bits twice.
        bits = Build((int)Math.Min(Math.Max(words * 2L, 1024) * 64, int.MaxValue - 63), level);
        Volatile.Write(ref Levels[level], bits);
        return bits;
    }

    private static long[] Build(int documents, int level)
    {
        var bits = new long[(documents + 63) >> 6];
        var mask = (1u << level) - 1;
        for (var doc = 0; doc < documents; doc++)
            if ((Mix((uint)doc) & mask) == 0)
                bits[doc >> 6] |= 1L << doc;
        return bits;
    }

    /// MurmurHash3's finaliser: every bit of the document's number moves every bit of the hash.
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
