using System.Buffers.Binary;

namespace Archive.Media.Uploads;

/// How many frames (GIF, animated WebP) or pages (TIFF) an image holds, read from its structure
/// without decoding: each is decoded at full size, so the pixel limit counts them all. Counting
/// stops once `enough` is reached; what cannot be read counts as one frame (decoding refuses it later).
public static class FrameCount
{
    public static int Of(string file, string extension, int enough)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 65536);
        try
        {
            var count = extension switch
            {
                "gif" => Gif(stream, enough),
                "webp" => Webp(stream, enough),
                "tif" or "tiff" => Tiff(stream, enough),
                _ => 1,
            };
            return Math.Max(1, count);
        }
        catch (EndOfStreamException)
        {
            return 1;
        }
    }

    private static int Gif(Stream stream, int enough)
    {
        var header = new byte[13];
        stream.ReadExactly(header);
        var flags = header[10];
        if ((flags & 0x80) != 0)
            stream.Seek(3 * (1 << ((flags & 0x07) + 1)), SeekOrigin.Current);
        var frames = 0;
        while (frames < enough)
        {
            var introducer = stream.ReadByte();
            switch (introducer)
            {
                case 0x21:
                    stream.ReadByte();
                    SkipSubBlocks(stream);
                    break;
                case 0x2C:
                    frames++;
                    var descriptor = new byte[9];
                    stream.ReadExactly(descriptor);
                    if ((descriptor[8] & 0x80) != 0)
                        stream.Seek(3 * (1 << ((descriptor[8] & 0x07) + 1)), SeekOrigin.Current);
                    stream.ReadByte();
                    SkipSubBlocks(stream);
                    break;
                default:
                    // The trailer (0x3B), the end, or something unreadable.
                    return frames;
            }
        }
        return frames;
    }

    private static void SkipSubBlocks(Stream stream)
    {
        int size;
        while ((size = stream.ReadByte()) > 0)
            stream.Seek(size, SeekOrigin.Current);
        if (size < 0)
            throw new EndOfStreamException();
    }

    private static int Webp(Stream stream, int enough)
    {
        var header = new byte[12];
        stream.ReadExactly(header);
        var frames = 0;
        var chunk = new byte[8];
        while (frames < enough && stream.Read(chunk) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            if (chunk.AsSpan(0, 4).SequenceEqual("ANMF"u8))
                frames++;
            stream.Seek(size + (size & 1), SeekOrigin.Current);
        }
        return frames;
    }

    private static int Tiff(Stream stream, int enough)
    {
        var header = new byte[8];
        stream.ReadExactly(header);
        var little = header[0] == (byte)'I';
        uint Read32(ReadOnlySpan<byte> bytes) => little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
        ushort Read16(ReadOnlySpan<byte> bytes) => little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);
        // BigTIFF (43) is not followed here: one page.
        if (Read16(header.AsSpan(2)) != 42)
            return 1;
        var offset = Read32(header.AsSpan(4));
        var seen = new HashSet<uint>();
        var pages = 0;
        var buffer = new byte[4];
        while (offset != 0 && pages < enough && offset < stream.Length && seen.Add(offset))
        {
            pages++;
            stream.Seek(offset, SeekOrigin.Begin);
            stream.ReadExactly(buffer.AsSpan(0, 2));
            stream.Seek(12L * Read16(buffer), SeekOrigin.Current);
            stream.ReadExactly(buffer);
            offset = Read32(buffer);
        }
        return pages;
    }
}
