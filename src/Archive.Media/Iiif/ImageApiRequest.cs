using System.Globalization;
using Archive.Media.Imaging;
using SixLabors.ImageSharp;

namespace Archive.Media.Iiif;

public enum ImageQuality
{
    Default,
    Color,
    Gray,
    Bitonal,
}

/// One IIIF Image API 3.0 request, {region}/{size}/{rotation}/{quality}.{format}, resolved against
/// the image's size and the server's limits into pixels: the region of the full image, the size to
/// scale it to, then mirroring, rotation, quality and format.
public sealed record ImageApiRequest(Rectangle Region, Size Size, bool Mirror, float Rotation, ImageQuality Quality, OutputFormat Format)
{
    public static readonly string[] Formats = ["jpg", "png", "webp", "gif"];

    /// Stable across spellings of the same request ("full" and "0,0,w,h", "max" and "w,h").
    public string CanonicalKey => FormattableString.Invariant(
        $"iiif:{Region.X},{Region.Y},{Region.Width},{Region.Height}/{Size.Width},{Size.Height}/{(Mirror ? "!" : "")}{Rotation:0.###}/{Quality}.{Format}");

    public bool IsPlain => !Mirror && Rotation == 0 && Quality is ImageQuality.Default or ImageQuality.Color;

    public static (ImageApiRequest? Request, CommandProblem? Problem) Parse(string region, string size, string rotation, string qualityFormat,
        int width, int height, int maxWidth, int maxHeight)
    {
        if (ParseRegion(region, width, height) is not { } box)
            return (null, new("region", "region must be full, square, x,y,w,h or pct:x,y,w,h with a width and height above 0, overlapping the image."));
        var (scaled, sizeProblem) = ParseSize(size, box.Width, box.Height, maxWidth, maxHeight);
        if (sizeProblem is not null)
            return (null, new("size", sizeProblem));
        var mirror = rotation.StartsWith('!');
        if (!float.TryParse(mirror ? rotation[1..] : rotation, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) || !float.IsFinite(degrees) || degrees is < 0 or > 360)
            return (null, new("rotation", "rotation must be a number of degrees from 0 to 360, optionally after ! for mirroring."));
        // A turned image needs the canvas of its bounding box: at 45° twice the pixels. It stays within the limit too.
        var radians = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Abs(Math.Cos(radians)), Math.Abs(Math.Sin(radians)));
        var turnedWidth = Math.Ceiling(scaled.Width * cos + scaled.Height * sin);
        var turnedHeight = Math.Ceiling(scaled.Width * sin + scaled.Height * cos);
        if (turnedWidth * turnedHeight > (double)maxWidth * maxHeight)
            return (null, new("rotation", $"Turned by {degrees:0.###}°, the image would pass this server's limit of {maxWidth}×{maxHeight} pixels; ask for a smaller size."));
        var dot = qualityFormat.LastIndexOf('.');
        if (dot <= 0)
            return (null, new("format", "The last segment must be quality.format, e.g. default.jpg."));
        ImageQuality? quality = qualityFormat[..dot] switch
        {
            "default" => ImageQuality.Default,
            "color" => ImageQuality.Color,
            "gray" => ImageQuality.Gray,
            "bitonal" => ImageQuality.Bitonal,
            _ => null,
        };
        if (quality is null)
            return (null, new("quality", "quality must be default, color, gray or bitonal."));
        OutputFormat? format = qualityFormat[(dot + 1)..] switch
        {
            "jpg" => OutputFormat.Jpg,
            "png" => OutputFormat.Png,
            "webp" => OutputFormat.Webp,
            "gif" => OutputFormat.Gif,
            _ => null,
        };
        if (format is null)
            return (null, new("format", "format must be jpg, png, webp or gif."));
        return (new ImageApiRequest(box, scaled, mirror, degrees % 360, quality.Value, format.Value), null);
    }

    private static Rectangle? ParseRegion(string region, int width, int height)
    {
        if (region == "full")
            return new Rectangle(0, 0, width, height);
        if (region == "square")
        {
            var side = Math.Min(width, height);
            return new Rectangle((width - side) / 2, (height - side) / 2, side, side);
        }
        var percent = region.StartsWith("pct:", StringComparison.Ordinal);
        var parts = (percent ? region[4..] : region).Split(',');
        if (parts.Length != 4)
            return null;
        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
            if (!double.TryParse(parts[i], percent ? NumberStyles.Float : NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]) || numbers[i] < 0)
                return null;
        if (percent)
        {
            numbers[0] = numbers[0] * width / 100;
            numbers[1] = numbers[1] * height / 100;
            numbers[2] = numbers[2] * width / 100;
            numbers[3] = numbers[3] * height / 100;
        }
        var x = (long)Math.Round(numbers[0]);
        var y = (long)Math.Round(numbers[1]);
        var w = (long)Math.Round(numbers[2]);
        var h = (long)Math.Round(numbers[3]);
        if (w <= 0 || h <= 0 || x >= width || y >= height)
            return null;
        // A region reaching past the edge is cut to the image.
        return new Rectangle((int)x, (int)y, (int)Math.Min(w, width - x), (int)Math.Min(h, height - y));
    }

    private static (Size Size, string? Problem) ParseSize(string size, int regionWidth, int regionHeight, int maxWidth, int maxHeight)
    {
        var upscale = size.StartsWith('^');
        var text = upscale ? size[1..] : size;
        double w, h;
        string? Invalid() => "size must be max, w,, ,h, pct:n, w,h or !w,h (each optionally after ^ to allow upscaling).";
        if (text == "max")
        {
            // The region as it is, unless that passes the server's limits.
            var scale = Math.Min(1.0, Math.Min((double)maxWidth / regionWidth, (double)maxHeight / regionHeight));
            if (upscale)
                scale = Math.Min((double)maxWidth / regionWidth, (double)maxHeight / regionHeight);
            return (new Size(Math.Max(1, (int)Math.Round(regionWidth * scale)), Math.Max(1, (int)Math.Round(regionHeight * scale))), null);
        }
        if (text.StartsWith("pct:", StringComparison.Ordinal))
        {
            if (!double.TryParse(text[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) || !double.IsFinite(pct) || pct <= 0)
                return (default, Invalid());
            if (pct > 100 && !upscale)
                return (default, "A size above 100% needs ^ (upscaling).");
            (w, h) = (regionWidth * pct / 100, regionHeight * pct / 100);
        }
        else
        {
            var confined = text.StartsWith('!');
            var parts = (confined ? text[1..] : text).Split(',');
            if (parts.Length != 2)
                return (default, Invalid());
            int? pw = parts[0].Length == 0 ? null : int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a > 0 ? a : -1;
            int? ph = parts[1].Length == 0 ? null : int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0 ? b : -1;
            if (pw == -1 || ph == -1 || pw is null && ph is null || confined && (pw is null || ph is null))
                return (default, Invalid());
            if (confined)
            {
                var scale = Math.Min((double)pw!.Value / regionWidth, (double)ph!.Value / regionHeight);
                (w, h) = (regionWidth * scale, regionHeight * scale);
            }
            else
                (w, h) = (pw ?? regionWidth * (double)ph!.Value / regionHeight, ph ?? regionHeight * (double)pw!.Value / regionWidth);
        }
        var result = new Size(Math.Max(1, (int)Math.Round(w)), Math.Max(1, (int)Math.Round(h)));
        if (!upscale && (result.Width > regionWidth || result.Height > regionHeight))
            return (default, "The size is larger than the region; ask with ^ to allow upscaling.");
        if (result.Width > maxWidth || result.Height > maxHeight)
            return (default, $"The size passes this server's limit of {maxWidth}×{maxHeight} pixels.");
        return (result, null);
    }
}
