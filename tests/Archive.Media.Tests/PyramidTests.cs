using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Media.Tests;

/// Tile pyramids on a real folder store: their shape, and images put together from them matching
/// the same image made from the full decode.
public sealed class PyramidTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archive-pyramid").FullName;
    private readonly FileSystemMediaStore _store;

    public PyramidTests() => _store = new FileSystemMediaStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(StoredBlob Blob, string Hash, PyramidInfo Info)> StoreAsync(int width, int height)
    {
        using var image = TestImages.Gradient(width, height);
        using var bytes = new MemoryStream();
        await image.SaveAsPngAsync(bytes);
        bytes.Position = 0;
        var blob = await _store.WriteAsync("ab12cd34/scan.png", bytes, "image/png");
        var hash = await new SourceHashes(_store).GetAsync(blob);
        return (blob, hash, await new TilePyramids(_store).BuildAsync(blob.Path, hash));
    }

    [Theory]
    [InlineData(512, 300, 1)]
    [InlineData(513, 300, 2)]
    [InlineData(1500, 1000, 3)]
    [InlineData(300, 2100, 4)]
    public void Levels_halve_until_the_image_fits_one_tile(int width, int height, int levels) =>
        Assert.Equal(levels, TilePyramids.LevelCount(width, height));

    [Fact]
    public async Task Every_level_is_cut_into_tiles_of_at_most_512_pixels()
    {
        var (_, hash, info) = await StoreAsync(1500, 1000);
        Assert.Equal((1500, 1000, 3), (info.Width, info.Height, info.Levels));
        Assert.Equal((750, 500), (info.LevelSize(1).Width, info.LevelSize(1).Height));
        var level0 = Directory.GetFiles(Path.Combine(_root, TilePyramids.Root(hash), "0"));
        Assert.Equal(3 * 2, level0.Length);
        using var corner = Image.Load<Rgb24>(Path.Combine(_root, TilePyramids.TilePath(hash, 0, 2, 1)));
        Assert.Equal((1500 - 1024, 1000 - 512), (corner.Width, corner.Height));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, TilePyramids.Root(hash), "2")));
    }

    [Theory]
    [InlineData("width=300")]
    [InlineData("width=200&height=200&mode=crop&rxy=0.8,0.3")]
    [InlineData("cc=0.1,0.2,0.3,0.1&width=250")]
    public async Task Derivatives_from_the_pyramid_match_those_from_the_full_image(string query)
    {
        var (blob, _, _) = await StoreAsync(1500, 1000);
        var commands = ImageCommands.Parse(query.Split('&').Select(p => p.Split('=')).Select(p => KeyValuePair.Create(p[0], (string?)p[1])), new ImagingSettings()).Commands! with { Format = OutputFormat.Png };
        var derivative = await new Derivatives(_store, new SourceHashes(_store), new TilePyramids(_store)).GetAsync(blob, commands);
        using var fromPyramid = Image.Load<Rgb24>(Path.Combine(_root, derivative.Blob.Path));
        using var direct = new MemoryStream();
        await using (var source = File.OpenRead(Path.Combine(_root, blob.Path)))
            await ImageRenderer.RenderAsync(source, "png", commands, direct);
        using var fromFull = Image.Load<Rgb24>(direct.ToArray());
        Assert.Equal(fromFull.Size(), fromPyramid.Size());
        double difference = 0;
        for (var y = 0; y < fromFull.Height; y++)
            for (var x = 0; x < fromFull.Width; x++)
                difference += Math.Abs(fromFull[x, y].R - fromPyramid[x, y].R) + Math.Abs(fromFull[x, y].G - fromPyramid[x, y].G);
        // JPEG tiles and a different resampling path: close, not identical.
        Assert.True(difference / (fromFull.Width * fromFull.Height * 2) < 3, $"mean difference {difference / (fromFull.Width * fromFull.Height * 2):F2}");
    }
}
