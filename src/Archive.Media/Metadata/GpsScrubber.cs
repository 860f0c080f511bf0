using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;

namespace Archive.Media.Metadata;

/// Removes where a photograph was taken before it can be served: EXIF GPS tags; XMP GPS and location
/// properties (extended XMP packets whole); IPTC location datasets (city, sublocation, province,
/// country) in a JPEG's Photoshop block, in TIFF and wherever ImageSharp reads IPTC; the EXIF, XMP and
/// IPTC copies a TIFF or a Photoshop block may hold; and PNG text chunks (which can hold any of them).
/// JPEG is rewritten segment by segment (the compressed pixels are copied untouched); other formats
/// are decoded and saved again losslessly without them.
public static class GpsScrubber
{
    private static readonly byte[] ExifHeader = "Exif\0\0"u8.ToArray();
    private static readonly byte[] XmpHeader = "http://ns.adobe.com/xap/1.0/\0"u8.ToArray();
    private static readonly byte[] ExtendedXmpHeader = "http://ns.adobe.com/xmp/extension/\0"u8.ToArray();

    /// XMP properties that say where (beside every GPS one), by local name, in any namespace.
    private static readonly HashSet<string> XmpLocationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "City", "State", "Country", "CountryCode", "CountryName", "Location", "LocationCreated", "LocationShown", "Sublocation", "ProvinceState", "WorldRegion",
    };

    /// TIFF tags that carry whole XMP, IPTC and Photoshop blocks inside EXIF.
    private static readonly HashSet<ushort> EmbeddedBlocks = [700, 33723, 34377];

    public static async Task ScrubAsync(string source, string target, string extension, CancellationToken ct = default)
    {
        if (extension is "jpg" or "jpeg")
        {
            await using var input = File.OpenRead(source);
            await using var output = File.Create(target);
            await ScrubJpegAsync(input, output, ct);
            return;
        }
        using var image = await Image.LoadAsync(source, ct);
        if (image.Metadata.ExifProfile is { } exif)
            image.Metadata.ExifProfile = WithoutGps(exif);
        if (image.Metadata.XmpProfile is { } xmp)
            image.Metadata.XmpProfile = new XmpProfile(WithoutGps(xmp.ToByteArray()));
        if (image.Metadata.IptcProfile is { } iptc)
            foreach (var tag in IptcLocation)
                iptc.RemoveValue(tag);
        // PNG text chunks hold whatever a program put there: XMP, a location, a comment. None is kept.
        image.Metadata.GetPngMetadata().TextData.Clear();
        foreach (var frame in image.Frames)
        {
            if (frame.Metadata.ExifProfile is { } frameExif)
                frame.Metadata.ExifProfile = WithoutGps(frameExif);
            frame.Metadata.XmpProfile = image.Metadata.XmpProfile;
        }
        IImageEncoder encoder = extension switch
        {
            "png" => new PngEncoder(),
            "tif" or "tiff" => new TiffEncoder { Compression = TiffCompression.Deflate },
            "webp" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
            _ => Configuration.Default.ImageFormatsManager.FindEncoder(Configuration.Default.ImageFormatsManager.FindFormatByFileExtension(extension)!)!,
        };
        await image.SaveAsync(target, encoder, ct);
    }

    /// Copies a JPEG marker by marker; APP1 EXIF blocks lose their GPS directory, APP1 XMP blocks
    /// their GPS properties; everything from the start of scan on is copied byte for byte.
    public static async Task ScrubJpegAsync(Stream input, Stream output, CancellationToken ct = default)
    {
        var header = new byte[4];
        await input.ReadExactlyAsync(header.AsMemory(0, 2), ct);
        if (header[0] != 0xFF || header[1] != 0xD8)
            throw new InvalidDataException("Not a JPEG file.");
        await output.WriteAsync(header.AsMemory(0, 2), ct);
        while (true)
        {
            await input.ReadExactlyAsync(header.AsMemory(0, 2), ct);
            if (header[0] != 0xFF)
                throw new InvalidDataException("A JPEG marker was expected.");
            var marker = header[1];
            if (marker == 0xD8 || marker == 0x01 || marker is >= 0xD0 and <= 0xD7 || marker == 0xFF)
            {
                await output.WriteAsync(header.AsMemory(0, 2), ct);
                continue;
            }
            if (marker == 0xD9)
            {
                await output.WriteAsync(header.AsMemory(0, 2), ct);
                return;
            }
            await input.ReadExactlyAsync(header.AsMemory(2, 2), ct);
            var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
            var payload = new byte[length - 2];
            await input.ReadExactlyAsync(payload, ct);
            if (marker == 0xE1)
                payload = ScrubApp1(payload);
            else if (marker == 0xED && PhotoshopResources.IsResources(payload))
                payload = PhotoshopResources.WithoutLocation(payload);
            if (payload.Length > 0)
            {
                BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(payload.Length + 2));
                await output.WriteAsync(header, ct);
                await output.WriteAsync(payload, ct);
            }
            if (marker == 0xDA)
            {
                // Start of scan: the entropy-coded data and everything after it go through unchanged.
                await input.CopyToAsync(output, ct);
                return;
            }
        }
    }

    private static byte[] ScrubApp1(byte[] payload)
    {
        if (payload.AsSpan().StartsWith(ExifHeader))
        {
            var profile = new ExifProfile(payload[ExifHeader.Length..]);
            if (!profile.Values.Any(v => IsGps(v.Tag) || EmbeddedBlocks.Contains((ushort)v.Tag)))
                return payload;
            var data = WithoutGps(profile).ToByteArray();
            return data.AsSpan().StartsWith(ExifHeader) ? data : [.. ExifHeader, .. data];
        }
        // An extended XMP packet is a continuation of the main one in pieces: not readable alone, so not kept.
        if (payload.AsSpan().StartsWith(ExtendedXmpHeader))
            return [];
        if (payload.AsSpan().StartsWith(XmpHeader))
        {
            var xmp = WithoutGps(payload[XmpHeader.Length..]);
            return xmp.Length == 0 ? [] : [.. XmpHeader, .. xmp];
        }
        return payload;
    }

    private static ExifProfile WithoutGps(ExifProfile profile)
    {
        var copy = new ExifProfile(profile.ToByteArray());
        foreach (var value in copy.Values.Where(v => IsGps(v.Tag) || EmbeddedBlocks.Contains((ushort)v.Tag)).ToList())
            copy.RemoveValue(value.Tag);
        copy.Parts = ExifParts.IfdTags | ExifParts.ExifTags;
        return copy;
    }

    private static bool IsGps(ExifTag tag) => tag.ToString().StartsWith("GPS", StringComparison.Ordinal);

    private static bool SaysWhere(string localName) => localName.StartsWith("GPS", StringComparison.Ordinal) || XmpLocationNames.Contains(localName);

    private static readonly SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag[] IptcLocation =
    [
        SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.City, SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.SubLocation,
        SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.ProvinceState, SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.CountryCode,
        SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.Country, SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.LocationCode,
        SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.LocationName,
    ];

    /// XMP without any GPS property, as element or attribute, in any namespace; unreadable XMP is dropped.
    private static byte[] WithoutGps(byte[] xmp)
    {
        try
        {
            var text = Encoding.UTF8.GetString(xmp).TrimEnd('\0');
            var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
            document.Descendants().Where(e => SaysWhere(e.Name.LocalName)).Remove();
            document.Descendants().Attributes().Where(a => SaysWhere(a.Name.LocalName)).Remove();
            return Encoding.UTF8.GetBytes(document.Declaration is null ? document.ToString(SaveOptions.DisableFormatting) : document.Declaration + document.ToString(SaveOptions.DisableFormatting));
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }
    }
}
