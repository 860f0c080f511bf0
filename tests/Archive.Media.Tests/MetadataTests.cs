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
        Assert.True(facts.HasGps);
        Assert.False(Facts(TestImages.Photo(new JpegEncoder(), withGps: false)).HasGps);
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
        Assert.True(Facts(original).HasGps);
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
}
