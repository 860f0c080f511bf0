using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.FileType;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;

namespace Archive.Media.Metadata;

/// What a curator wants to know about a photograph or scan, read from its EXIF, IPTC and XMP
/// blocks (first one that has it wins, in that order), and whether it carries a location: GPS in EXIF
/// or XMP, a place in XMP or IPTC, extended XMP, or text chunks (which may hold any of these).
public sealed partial record ImageFacts(string? Format, DateTime? Captured, string? Camera, string? Copyright, string? Creator, bool HasLocation)
{
    public static readonly ImageFacts None = new(null, null, null, null, null, false);

    /// Label properties of the media types that hold these facts.
    public static readonly string[] Aliases = ["imageFormat", "captureDate", "camera", "copyrightNotice", "creator"];

    public IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> AsLabels()
    {
        if (Format is { } format) yield return System.Collections.Generic.KeyValuePair.Create("imageFormat", format);
        if (Captured is { } captured) yield return System.Collections.Generic.KeyValuePair.Create("captureDate", captured.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        if (Camera is { } camera) yield return System.Collections.Generic.KeyValuePair.Create("camera", camera);
        if (Copyright is { } copyright) yield return System.Collections.Generic.KeyValuePair.Create("copyrightNotice", copyright);
        if (Creator is { } creator) yield return System.Collections.Generic.KeyValuePair.Create("creator", creator);
    }

    /// Metadata that could not be read: nothing is known, so it is taken to hold a location (and cleaned).
    public static readonly ImageFacts Unreadable = None with { HasLocation = true };

    /// Reads the metadata blocks only; a file of a kind the library does not know has no facts, and one
    /// whose blocks are broken is taken to carry a location, never an error.
    public static ImageFacts Read(Stream stream)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (ImageProcessingException)
        {
            return None;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Unreadable;
        }
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var iptc = directories.OfType<IptcDirectory>().FirstOrDefault();
        var xmp = directories.OfType<XmpDirectory>().FirstOrDefault()?.GetXmpProperties() ?? new Dictionary<string, string>();
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();

        string? Xmp(string prefix) => xmp.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Value.Length > 0).Select(p => p.Value).FirstOrDefault();
        DateTime? captured = null;
        if (exif is not null && exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var original))
            captured = original;
        else if (ifd0 is not null && ifd0.TryGetDateTime(ExifDirectoryBase.TagDateTime, out var changed))
            captured = changed;
        else if ((Xmp("exif:DateTimeOriginal") ?? Xmp("xmp:CreateDate")) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
            captured = parsed;

        var make = Clean(ifd0?.GetString(ExifDirectoryBase.TagMake));
        var model = Clean(ifd0?.GetString(ExifDirectoryBase.TagModel));
        var camera = make is null ? model : model is null ? make : model.StartsWith(make, StringComparison.OrdinalIgnoreCase) ? model : $"{make} {model}";

        return new ImageFacts(
            Clean(directories.OfType<FileTypeDirectory>().FirstOrDefault()?.GetString(FileTypeDirectory.TagDetectedFileTypeName)),
            captured,
            camera,
            Clean(ifd0?.GetString(ExifDirectoryBase.TagCopyright)) ?? Clean(iptc?.GetString(IptcDirectory.TagCopyrightNotice)) ?? Clean(Xmp("dc:rights")),
            Clean(ifd0?.GetString(ExifDirectoryBase.TagArtist)) ?? Clean(iptc?.GetString(IptcDirectory.TagByLine)) ?? Clean(Xmp("dc:creator")),
            (gps is not null && gps.Tags.Any(t => t.Type != GpsDirectory.TagVersionId)) || xmp.Keys.Any(XmpSaysWhere)
                || (iptc is not null && IptcLocation.Any(iptc.ContainsTag))
                || directories.OfType<MetadataExtractor.Formats.Png.PngDirectory>().Any(d => d.GetDescription(MetadataExtractor.Formats.Png.PngDirectory.TagTextualData) is { } text && PlaceInText().IsMatch(text))
                || directories.OfType<MetadataExtractor.Formats.Photoshop.PhotoshopDirectory>().Any(d => d.Tags.Any(t => t.Type is 0x0422 or 0x0423 or 0x0424)));
    }

    // PNG text chunks are free text: XMP, or words that name a place, make them suspect (a creation date does not).
    [System.Text.RegularExpressions.GeneratedRegex("xmp|gps|latitude|longitude|location|city|country|address", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PlaceInText();

    private static readonly int[] IptcLocation =
    [
        IptcDirectory.TagCity, IptcDirectory.TagSubLocation, IptcDirectory.TagProvinceOrState, IptcDirectory.TagCountryOrPrimaryLocationCode,
        IptcDirectory.TagCountryOrPrimaryLocationName, IptcDirectory.TagContentLocationCode, IptcDirectory.TagContentLocationName,
    ];

    private static bool XmpSaysWhere(string key)
    {
        var local = key[(key.LastIndexOf(':') + 1)..];
        var bracket = local.IndexOf('[');
        if (bracket >= 0)
            local = local[..bracket];
        return local.StartsWith("GPS", StringComparison.Ordinal) || key.Contains("Location", StringComparison.Ordinal)
            || local is "City" or "State" or "Country" or "CountryCode" or "Sublocation" or "ProvinceState" or "HasExtendedXMP";
    }

    private static string? Clean(string? value)
    {
        var text = value?.Replace("\0", "").Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > 500 ? text[..500] : text;
    }
}
