using Archive.Media.Metadata;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Xmp;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Media.Tests;

public class MetadataTests
{
    private static ImageFacts Facts(byte[] bytes) => ImageFacts.Read(new MemoryStream(bytes));

    private static bool HasGpsAnywhere(byte[] bytes)
    {
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
        return directories.OfType<GpsDirectory>().Any(d => d.Tags.Any(t => t.Type != GpsDirectory.TagVersionId))
            || directories.OfType<XmpDirectory>().Any(x => x.GetXmpProperties().Keys.Any(k => k.Contains("GPS")))
            || System.Text.Encoding.Latin1.GetString(bytes).Contains("GPSL");
    }

    private static async Task<byte[]> Scrub(byte[] bytes, string extension)
    {
        var source = Path.GetTempFileName();
        var target = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(source, bytes);
            await GpsScrubber.ScrubAsync(source, target, extension);
            return await File.ReadAllBytesAsync(target);
        }
        finally
        {
            File.Delete(source);
            File.Delete(target);
        }
    }

    [Fact]
    public void Facts_come_from_EXIF_and_XMP()
    {
        var facts = Facts(TestImages.Photo(new JpegEncoder(), withGps: true));
        Assert.Equal("JPEG", facts.Format);
        Assert.Equal(new DateTime(2024, 5, 17, 10, 42, 0), facts.Captured);
        Assert.Equal("Canon EOS 5D Mark IV", facts.Camera);
        Assert.Equal("© Semey Dostoevsky Museum", facts.Copyright);
        Assert.Equal("Aigerim Sadykova", facts.Creator);
        Assert.True(facts.HasLocation);
        Assert.False(Facts(TestImages.Photo(new JpegEncoder(), withGps: false)).HasLocation);
    }

    [Fact]
    public void A_file_that_is_not_an_image_has_no_facts() =>
        Assert.Equal(ImageFacts.None, Facts("%PDF-1.7 hello"u8.ToArray()));

    [Fact]
    public async Task A_JPEG_loses_its_location_and_nothing_else()
    {
        var original = TestImages.Photo(new JpegEncoder { Quality = 90 }, withGps: true);
        Assert.True(HasGpsAnywhere(original));
        var scrubbed = await Scrub(original, "jpg");

        Assert.False(HasGpsAnywhere(scrubbed));
        var facts = Facts(scrubbed);
        Assert.Equal("Canon EOS 5D Mark IV", facts.Camera);
        Assert.Equal("Aigerim Sadykova", facts.Creator);
        Assert.Equal(new DateTime(2024, 5, 17, 10, 42, 0), facts.Captured);
        // The compressed image data is copied, not re-encoded.
        static byte[] Scan(byte[] jpeg) => jpeg[jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xDA })..];
        Assert.Equal(Scan(original), Scan(scrubbed));
    }

    [Fact]
    public async Task A_PNG_is_saved_again_without_its_location_and_with_the_same_pixels()
    {
        var original = TestImages.Photo(new PngEncoder(), withGps: true);
        Assert.True(Facts(original).HasLocation);
        var scrubbed = await Scrub(original, "png");
        Assert.False(HasGpsAnywhere(scrubbed));
        using var before = Image.Load<Rgb24>(original);
        using var after = Image.Load<Rgb24>(scrubbed);
        for (var y = 0; y < before.Height; y += 7)
            for (var x = 0; x < before.Width; x += 5)
                Assert.Equal(before[x, y], after[x, y]);
    }

    [Fact]
    public async Task A_JPEG_cut_short_in_its_headers_is_refused()
    {
        var original = TestImages.Photo(new JpegEncoder(), withGps: true);
        await Assert.ThrowsAnyAsync<Exception>(() => Scrub(original[..40], "jpg"));
    }

    /// A JPEG segment: marker, big-endian length (itself included), payload.
    private static byte[] Segment(byte marker, byte[] payload) =>
        [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];

    /// Inserts segments right after the JPEG's start-of-image marker.
    private static byte[] WithSegments(byte[] jpeg, params byte[][] segments) => [.. jpeg[..2], .. segments.SelectMany(x => x), .. jpeg[2..]];

    private static byte[] IptcDataset(byte record, byte dataset, string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        return [0x1C, record, dataset, (byte)(bytes.Length >> 8), (byte)(bytes.Length & 0xFF), .. bytes];
    }

    private static byte[] PhotoshopBlock(byte[] iptc)
    {
        byte[] resource = [.. "8BIM"u8.ToArray(), 0x04, 0x04, 0, 0, (byte)(iptc.Length >> 24), (byte)(iptc.Length >> 16), (byte)(iptc.Length >> 8), (byte)iptc.Length, .. iptc];
        if ((iptc.Length & 1) == 1)
            resource = [.. resource, 0];
        return [.. "Photoshop 3.0\0"u8.ToArray(), .. resource];
    }

    [Fact]
    public async Task A_JPEG_loses_IPTC_and_XMP_place_names_and_extended_XMP_but_keeps_its_credits_and_pixels()
    {
        var iptc = IptcDataset(2, 80, "Aigerim Sadykova").Concat(IptcDataset(2, 90, "Ayagoz")).Concat(IptcDataset(2, 101, "Kazakhstan"))
            .Concat(IptcDataset(2, 92, "Abai street 1")).Concat(IptcDataset(2, 116, "© Museum")).ToArray();
        const string placeXmp = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Ayagoz" photoshop:Country="Kazakhstan"><photoshop:Credit>Museum</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta>""";
        var extended = "http://ns.adobe.com/xmp/extension/\0"u8.ToArray().Concat(new byte[40]).Concat("<exif:GPSLatitude>51,10.5N</exif:GPSLatitude>"u8.ToArray()).ToArray();
        var original = WithSegments(TestImages.Photo(new JpegEncoder { Quality = 90 }, withGps: false),
            Segment(0xED, PhotoshopBlock(iptc)),
            Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8.ToArray(), .. System.Text.Encoding.UTF8.GetBytes(placeXmp)]),
            Segment(0xE1, extended));
        Assert.True(Facts(original).HasLocation);

        var scrubbed = await Scrub(original, "jpg");

        var text = System.Text.Encoding.UTF8.GetString(scrubbed);
        foreach (var place in new[] { "Ayagoz", "Kazakhstan", "Abai street", "GPSLatitude" })
            Assert.DoesNotContain(place, text);
        Assert.False(Facts(scrubbed).HasLocation);
        Assert.Equal("Aigerim Sadykova", ImageMetadataReader.ReadMetadata(new MemoryStream(scrubbed))
            .OfType<MetadataExtractor.Formats.Iptc.IptcDirectory>().Single().GetString(MetadataExtractor.Formats.Iptc.IptcDirectory.TagByLine));
        Assert.Contains("Museum", text);
        static byte[] Scan(byte[] jpeg) => jpeg[jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xDA })..];
        Assert.Equal(Scan(original), Scan(scrubbed));
    }

    [Fact]
    public async Task A_JPEG_whose_Photoshop_block_cannot_be_read_loses_the_block_not_its_pixels()
    {
        var original = WithSegments(TestImages.Photo(new JpegEncoder(), withGps: false),
            Segment(0xED, [.. "Photoshop 3.0\0"u8.ToArray(), .. "8BIM"u8.ToArray(), 0x04, 0x04, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, .. IptcDataset(2, 90, "Ayagoz")]));
        var scrubbed = await Scrub(original, "jpg");
        Assert.DoesNotContain("Ayagoz", System.Text.Encoding.UTF8.GetString(scrubbed));
        using var image = Image.Load<Rgb24>(scrubbed);
        Assert.Equal(64, image.Width);
    }

    [Fact]
    public async Task PNG_text_chunks_and_TIFF_IPTC_places_are_removed()
    {
        using (var png = TestImages.Gradient(32, 24))
        {
            png.Metadata.GetPngMetadata().TextData.Add(new PngTextData("Comment", "GPSLatitude 51.17 taken in Semey", "", ""));
            using var stream = new MemoryStream();
            png.Save(stream, new PngEncoder());
            var original = stream.ToArray();
            Assert.True(Facts(original).HasLocation);
            var scrubbed = await Scrub(original, "png");
            Assert.DoesNotContain("Semey", System.Text.Encoding.Latin1.GetString(scrubbed));
        }
        using (var tiff = TestImages.Gradient(32, 24))
        {
            tiff.Metadata.IptcProfile = new SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcProfile();
            tiff.Metadata.IptcProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.City, "Semey");
            tiff.Metadata.IptcProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.Byline, "Aigerim Sadykova");
            using var stream = new MemoryStream();
            tiff.Save(stream, new SixLabors.ImageSharp.Formats.Tiff.TiffEncoder());
            var original = stream.ToArray();
            var scrubbed = await Scrub(original, "tif");
            Assert.DoesNotContain("Semey", System.Text.Encoding.Latin1.GetString(scrubbed));
        }
    }
}
