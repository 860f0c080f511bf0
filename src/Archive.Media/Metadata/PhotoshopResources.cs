using System.Buffers.Binary;

namespace Archive.Media.Metadata;

/// A JPEG's APP13 block: Photoshop image resources, among them the IPTC record that names where a
/// photograph was taken (city, sublocation, province, country) and copies of EXIF and XMP that may
/// hold GPS. The location datasets and those copies are left out; everything else is kept as it was.
/// A block that cannot be read is left out whole: metadata is lost, never a location kept.
internal static class PhotoshopResources
{
    private static readonly byte[] Header = "Photoshop 3.0\0"u8.ToArray();
    private static readonly byte[] Signature = "8BIM"u8.ToArray();

    private const ushort Iptc = 0x0404;
    private const ushort IptcDigest = 0x0425;

    /// EXIF data 1 and 3, XMP: copies of blocks the scrubber cleans elsewhere.
    private static readonly HashSet<ushort> Copies = [0x0422, 0x0423, 0x0424];

    /// IPTC-IIM record 2: content location code and name, city, sublocation, province or state, country code and name.
    private static readonly HashSet<byte> LocationDatasets = [26, 27, 90, 92, 95, 100, 101];

    public static bool IsResources(ReadOnlySpan<byte> payload) => payload.StartsWith(Header);

    /// The block without location; empty when nothing is left or it cannot be read.
    public static byte[] WithoutLocation(byte[] payload)
    {
        using var output = new MemoryStream();
        output.Write(Header);
        var position = Header.Length;
        var kept = 0;
        Span<byte> length = stackalloc byte[4];
        while (position < payload.Length)
        {
            if (position + 12 > payload.Length || !payload.AsSpan(position, 4).SequenceEqual(Signature))
                return [];
            var id = BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(position + 4));
            var nameLength = payload[position + 6];
            // The name is a Pascal string padded to an even length, its length byte included.
            var nameTotal = (1 + nameLength + 1) & ~1;
            var sizeAt = position + 6 + nameTotal;
            if (sizeAt + 4 > payload.Length)
                return [];
            var size = BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(sizeAt));
            var dataAt = sizeAt + 4;
            if (size > int.MaxValue || dataAt + (long)size > payload.Length)
                return [];
            var data = payload.AsSpan(dataAt, (int)size);
            var start = position;
            position = dataAt + (int)size + ((int)size & 1);
            // The digest of the IPTC record no longer matches once it changes.
            if (Copies.Contains(id) || id == IptcDigest)
                continue;
            var body = id == Iptc ? IptcWithoutLocation(data) : data.ToArray();
            // Signature, id and name as they were.
            output.Write(payload.AsSpan(start, 6 + nameTotal));
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)body.Length);
            output.Write(length);
            output.Write(body);
            if ((body.Length & 1) == 1)
                output.WriteByte(0);
            kept++;
        }
        return kept == 0 ? [] : output.ToArray();
    }

    /// IPTC-IIM datasets (0x1C, record, dataset, length, data) without the location ones; what cannot be read is dropped.
    private static byte[] IptcWithoutLocation(ReadOnlySpan<byte> iim)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position + 5 <= iim.Length && iim[position] == 0x1C)
        {
            var record = iim[position + 1];
            var dataset = iim[position + 2];
            int length = BinaryPrimitives.ReadUInt16BigEndian(iim[(position + 3)..]);
            var header = 5;
            if ((length & 0x8000) != 0)
            {
                // An extended dataset: the low bits give how many bytes hold the length.
                var count = length & 0x7FFF;
                if (count is 0 or > 4 || position + 5 + count > iim.Length)
                    break;
                length = 0;
                for (var i = 0; i < count; i++)
                    length = (length << 8) | iim[position + 5 + i];
                header += count;
            }
            if (length < 0 || position + header + length > iim.Length)
                break;
            if (!(record == 2 && LocationDatasets.Contains(dataset)))
                output.Write(iim.Slice(position, header + length));
            position += header + length;
        }
        return output.ToArray();
    }
}
