using System.Globalization;
using System.Text.Json;

namespace Archive.Site.Views;

/// Image addresses from the media endpoint's derivatives: the sizes it serves unsigned (and makes ahead of time for
/// the presets), as WebP; never wider than the image itself.
public static class Images
{
    // Beyond 1920 for hall screens and high-density displays; never wider than the image itself.
    private static readonly int[] Widths = [320, 480, 640, 960, 1280, 1920, 2560, 3840];

    /// The 400 × 400 square the archive makes for every image ahead of time.
    public static string Thumbnail(JsonElement image) => Url(image) + "?width=400&height=400&mode=crop&format=webp";

    public static string Url(JsonElement image) => image.GetProperty("url").GetString()!;

    public static int Width(JsonElement image) => image.TryGetProperty("width", out var w) && w.TryGetInt32(out var width) ? width : 0;

    public static int Height(JsonElement image) => image.TryGetProperty("height", out var h) && h.TryGetInt32(out var height) ? height : 0;

    /// The largest served width not above the image's own (the image itself when it is small).
    public static string Src(JsonElement image, int wanted = 960)
    {
        var width = Width(image);
        var chosen = Widths.Where(w => w <= Math.Max(width, Widths[0]) && w <= wanted).DefaultIfEmpty(Widths[0]).Max();
        return $"{Url(image)}?width={chosen}&format=webp";
    }

    public static string SrcSet(JsonElement image)
    {
        var width = Width(image);
        var widths = Widths.Where(w => width == 0 || w <= width).DefaultIfEmpty(Widths[0]);
        return string.Join(", ", widths.Select(w => $"{Url(image)}?width={w.ToString(CultureInfo.InvariantCulture)}&format=webp {w.ToString(CultureInfo.InvariantCulture)}w"));
    }

    public static Guid? KeyOf(JsonElement image) => image.TryGetProperty("id", out var id) && Guid.TryParse(id.GetString(), out var key) ? key : null;
}
