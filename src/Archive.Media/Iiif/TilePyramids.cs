using System.Text.Json;
using Archive.Media.Imaging;
using Archive.Media.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Archive.Media.Iiif;

/// What a built pyramid holds: the oriented image's size and how many halvings it has.
public sealed record PyramidInfo(int Width, int Height, int TileSize, int Levels)
{
    public int ScaleFactor(int level) => 1 << level;

    public Size LevelSize(int level) => new((Width + ScaleFactor(level) - 1) / ScaleFactor(level), (Height + ScaleFactor(level) - 1) / ScaleFactor(level));
}

/// Tile pyramids in the media store ("_tiles/", keyed by the source's SHA-256): the image decoded
/// once, cut into 512-pixel JPEG tiles, halved, cut again, until it fits one tile. Any region at any
/// size is then put together from the few tiles of the level just above the size asked for, so
/// deep zoom never decodes the full image again.
public sealed class TilePyramids(IMediaStore store)
{
    public const string Folder = "_tiles";
    public const int TileSize = 512;
    private const string InfoFile = "pyramid.json";
    // Every tile request asks whether a pyramid exists: answered from memory once it has been seen.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PyramidInfo> _known = new();

    public static string Root(string sourceHash) => $"{Folder}/{sourceHash[..2]}/{sourceHash[..24]}";

    public static string TilePath(string sourceHash, int level, int column, int row) => $"{Root(sourceHash)}/{level}/{column}_{row}.jpg";

    public static int LevelCount(int width, int height)
    {
        var levels = 1;
        while (Math.Max(width, height) > TileSize << (levels - 1))
            levels++;
        return levels;
    }

    public async Task<PyramidInfo?> FindAsync(string sourceHash, CancellationToken ct = default)
    {
        if (_known.TryGetValue(sourceHash, out var known))
            return known;
        await using var stream = await store.OpenReadAsync($"{Root(sourceHash)}/{InfoFile}", ct);
        var info = stream is null ? null : await JsonSerializer.DeserializeAsync<PyramidInfo>(stream, cancellationToken: ct);
        if (info is not null)
            _known[sourceHash] = info;
        return info;
    }

    /// Decodes the source once and writes every tile of every level; the info file is written last,
    /// so a pyramid cut short by a crash is simply built again.
    public async Task<PyramidInfo> BuildAsync(string sourcePath, string sourceHash, CancellationToken ct = default)
    {
        Image<Rgb24> level;
        await using (var source = await store.OpenReadAsync(sourcePath, ct) ?? throw new FileNotFoundException(sourcePath))
            level = await ImageRenderer.DecodeAsync<Rgb24>(source, ct);
        try
        {
            level.Mutate(x => x.AutoOrient());
            level.Metadata.ExifProfile = null;
            var info = new PyramidInfo(level.Width, level.Height, TileSize, LevelCount(level.Width, level.Height));
            var encoder = new JpegEncoder { Quality = 90 };
            for (var index = 0; index < info.Levels; index++)
            {
                var current = level;
                var tiles = from row in Enumerable.Range(0, (current.Height + TileSize - 1) / TileSize)
                            from column in Enumerable.Range(0, (current.Width + TileSize - 1) / TileSize)
                            select (column, row);
                await Parallel.ForEachAsync(tiles, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = ct }, async (tile, token) =>
                {
                    var area = new Rectangle(tile.column * TileSize, tile.row * TileSize, Math.Min(TileSize, current.Width - tile.column * TileSize), Math.Min(TileSize, current.Height - tile.row * TileSize));
                    using var part = current.Clone(x => x.Crop(area));
                    using var bytes = new MemoryStream();
                    await part.SaveAsJpegAsync(bytes, encoder, token);
                    bytes.Position = 0;
                    await store.WriteAsync(TilePath(sourceHash, index, tile.column, tile.row), bytes, "image/jpeg", token);
                });
                if (index + 1 < info.Levels)
                {
                    var next = info.LevelSize(index + 1);
                    level = current.Clone(x => x.Resize(next.Width, next.Height, KnownResamplers.Box));
                    current.Dispose();
                }
            }
            using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(info));
            await store.WriteAsync($"{Root(sourceHash)}/{InfoFile}", json, "application/json", ct);
            _known[sourceHash] = info;
            return info;
        }
        finally
        {
            level.Dispose();
        }
    }

    /// The region of the full image (in full-size pixels) at the target size, from the tiles of the
    /// smallest level that still has at least the pixels asked for.
    public async Task<Image<Rgb24>> ComposeAsync(string sourceHash, PyramidInfo info, Rectangle region, Size target, CancellationToken ct = default)
    {
        var reduction = Math.Min((double)region.Width / target.Width, (double)region.Height / target.Height);
        var levelIndex = reduction < 2 ? 0 : Math.Min(info.Levels - 1, (int)Math.Floor(Math.Log2(reduction)));
        var factor = info.ScaleFactor(levelIndex);
        var size = info.LevelSize(levelIndex);
        var x0 = region.X / factor;
        var y0 = region.Y / factor;
        var x1 = Math.Min(size.Width, (region.Right + factor - 1) / factor);
        var y1 = Math.Min(size.Height, (region.Bottom + factor - 1) / factor);
        var canvas = new Image<Rgb24>(Math.Max(1, x1 - x0), Math.Max(1, y1 - y0));
        try
        {
            for (var row = y0 / TileSize; row <= (y1 - 1) / TileSize; row++)
                for (var column = x0 / TileSize; column <= (x1 - 1) / TileSize; column++)
                {
                    await using var stream = await store.OpenReadAsync(TilePath(sourceHash, levelIndex, column, row), ct)
                        ?? throw new FileNotFoundException($"Tile {levelIndex}/{column}_{row} is missing.");
                    using var tile = await ImageRenderer.DecodeAsync<Rgb24>(stream, ct);
                    var at = new Point(column * TileSize - x0, row * TileSize - y0);
                    canvas.Mutate(x => x.DrawImage(tile, at, 1f));
                }
            if (canvas.Width != target.Width || canvas.Height != target.Height)
                canvas.Mutate(x => x.Resize(target.Width, target.Height));
            return canvas;
        }
        catch
        {
            canvas.Dispose();
            throw;
        }
    }

    public async Task DeleteAsync(string sourceHash, CancellationToken ct = default)
    {
        _known.TryRemove(sourceHash, out _);
        var paths = new List<string>();
        await foreach (var path in store.ListAsync(Root(sourceHash) + "/", ct))
            paths.Add(path);
        // The info file first: a half-deleted pyramid is never taken for a whole one.
        foreach (var path in paths.OrderBy(p => p.EndsWith(InfoFile, StringComparison.Ordinal) ? 0 : 1))
            await store.DeleteAsync(path, ct);
    }
}
