using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Media.Tests;

/// Photographs made for the tests: gradients (so crops and resizes are visible) with camera
/// metadata and, when asked, where they were taken.
public static class TestImages
{
    public static Image<Rgb24> Gradient(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
            }
        });
        return image;
    }

    public const string XmpWithGps = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
          exif:GPSLatitude="51,10.5N" exif:GPSLongitude="71,26.7E">
        <dc:creator><rdf:Seq><rdf:li>Aigerim Sadykova</rdf:li></rdf:Seq></dc:creator>
        <exif:GPSAltitude>347/1</exif:GPSAltitude>
        </rdf:Description></rdf:RDF></x:xmpmeta>
        """;

    public static byte[] Photo(IImageEncoder encoder, bool withGps, int width = 64, int height = 48)
    {
        using var image = Gradient(width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Canon");
        exif.SetValue(ExifTag.Model, "Canon EOS 5D Mark IV");
        exif.SetValue(ExifTag.Copyright, "© Semey Dostoevsky Museum");
        exif.SetValue(ExifTag.DateTimeOriginal, "2024:05:17 10:42:00");
        if (withGps)
        {
            exif.SetValue(ExifTag.GPSLatitudeRef, "N");
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(51, 1), new Rational(10, 1), new Rational(30, 1)]);
            exif.SetValue(ExifTag.GPSLongitudeRef, "E");
            exif.SetValue(ExifTag.GPSLongitude, [new Rational(71, 1), new Rational(26, 1), new Rational(42, 1)]);
            image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(XmpWithGps));
        }
        image.Metadata.ExifProfile = exif;
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }
}
