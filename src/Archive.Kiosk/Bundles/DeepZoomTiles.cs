using System.Globalization;

namespace Archive.Kiosk.Bundles;

/// The deep-zoom tiles a screen keeps of one image: OpenSeadragon's levels (the full image at level `Full`, each level
/// below half the one above) from the one that fits a single tile up to a few levels beyond the screen's own size, none
/// larger than a loan allows. Each tile is the IIIF request that the archive's 512-pixel pyramid answers as stored.
public static class DeepZoomTiles
{
    public const int TileSize = 512;
    private const double StageShare = 0.6;

    public static BundleZoom? Of(Guid image, int width, int height, int screenWidth, int screenHeight, int zoomLevels, int? maxSize)
    {
        if (width <= 0 || height <= 0)
            return null;
        var full = (int)Math.Ceiling(Math.Log2(Math.Max(width, height)));
        // The object's image takes about 60 % of the screen's width and height beside its texts.
        var fit = Math.Min(1.0, Math.Min(screenWidth * StageShare / width, screenHeight * StageShare / height));
        var screenLevel = full - (int)Math.Floor(Math.Log2(1 / fit));
        var top = Math.Min(full, screenLevel + zoomLevels);
        while (maxSize is { } cap && top > 0 && Math.Max(Scaled(width, full - top), Scaled(height, full - top)) > cap)
            top--;
        var bottom = Math.Max(0, full - (int)Math.Ceiling(Math.Log2(Math.Max(1.0, Math.Max(width, height) / (double)TileSize))));
        // Nothing to zoom into: a loan caps the image below the size the screen shows it at.
        if (top < screenLevel)
            return null;
        bottom = Math.Min(bottom, top);
        var tiles = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var level = bottom; level <= top; level++)
        {
            var factor = 1 << (full - level);
            int levelWidth = Scaled(width, full - level), levelHeight = Scaled(height, full - level);
            for (var row = 0; row * TileSize < levelHeight; row++)
                for (var column = 0; column * TileSize < levelWidth; column++)
                {
                    int x = column * TileSize * factor, y = row * TileSize * factor;
                    int w = Math.Min(TileSize * factor, width - x), h = Math.Min(TileSize * factor, height - y);
                    var size = Math.Min(TileSize, levelWidth - column * TileSize);
                    tiles[$"{level}/{column}/{row}"] = string.Create(CultureInfo.InvariantCulture, $"/iiif/3/{image:D}/{x},{y},{w},{h}/{size},/0/default.jpg");
                }
        }
        return new BundleZoom(width, height, TileSize, bottom, top, full, tiles);
    }

    /// A dimension at a halving (ceiling, as the pyramid counts it).
    private static int Scaled(int dimension, int halvings) => (dimension + (1 << halvings) - 1) >> halvings;
}
