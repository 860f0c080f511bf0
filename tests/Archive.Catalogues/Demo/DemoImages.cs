using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Catalogues.Demo;

/// Generated stand-in photographs: an ornament-like pattern in colours chosen from the seed.
/// They are plainly not photographs of real objects, which is the point.
public static class DemoImages
{
    public static byte[] Jpeg(int seed, int width = 800, int height = 600)
    {
        var random = new Random(seed);
        var background = Palette(random);
        var ink = Palette(random);
        var accent = Palette(random);
        var cell = random.Next(60, 140);
        var kind = random.Next(3);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var u = (x % cell) / (double)cell - 0.5;
                    var v = (y % cell) / (double)cell - 0.5;
                    var shade = kind switch
                    {
                        0 => Math.Abs(u) + Math.Abs(v) < 0.35 ? 1 : Math.Abs(u) + Math.Abs(v) < 0.42 ? 2 : 0,            // diamonds
                        1 => Math.Sqrt(u * u + v * v) is var r && r < 0.3 ? (r < 0.18 ? 2 : 1) : 0,                   // rosettes
                        _ => Math.Abs(Math.Sin((x + y) * Math.PI / cell)) > 0.85 ? 1 : Math.Abs(u) < 0.05 ? 2 : 0,     // bands
                    };
                    var frame = x < 24 || y < 24 || x >= width - 24 || y >= height - 24;
                    var light = 0.85 + 0.15 * Math.Sin(x / 90.0 + y / 130.0);
                    var colour = frame ? accent : shade switch { 1 => ink, 2 => accent, _ => background };
                    row[x] = new Rgb24((byte)(colour.R * light), (byte)(colour.G * light), (byte)(colour.B * light));
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 78 });
        return stream.ToArray();
    }

    private static Rgb24 Palette(Random random)
    {
        Rgb24[] colours =
        [
            new(0xC9, 0x9A, 0x4B), new(0x8A, 0x2B, 0x1F), new(0x1F, 0x4E, 0x79), new(0x2E, 0x6B, 0x3A), new(0xE8, 0xDC, 0xC0),
            new(0x5B, 0x3A, 0x29), new(0xD8, 0x6F, 0x2B), new(0x3B, 0x3B, 0x58), new(0xA6, 0x7C, 0x52), new(0xF2, 0xE8, 0xD5),
        ];
        return colours[random.Next(colours.Length)];
    }
}
