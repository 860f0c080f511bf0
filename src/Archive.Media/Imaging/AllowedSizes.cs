using System.Text.Json.Nodes;

namespace Archive.Media.Imaging;

/// The widths and heights an unsigned image URL may ask for. Without a list, any of 5000 × 5000 sizes
/// (times every mode, focus and format) could be asked of every image, each rendered and kept once:
/// an anonymous caller could make the archive decode and store without end. The list holds common
/// screen and thumbnail sizes, the crops the schema declares (Umbraco writes their URLs) and the
/// preset derivatives; any other size needs a URL signed with Umbraco:CMS:Imaging:HMACSecretKey.
public sealed class AllowedSizes(IEnumerable<int> sizes)
{
    public static readonly int[] Defaults =
    [
        16, 24, 32, 48, 64, 80, 96, 100, 120, 128, 150, 160, 180, 192, 200, 240, 250, 256, 300, 320, 360, 400, 450, 480, 500, 512, 540, 600, 630,
        640, 700, 720, 750, 768, 800, 900, 960, 1000, 1024, 1080, 1200, 1280, 1366, 1440, 1536, 1600, 1800, 1920, 2048, 2160, 2400, 2560, 3000,
        3200, 3840, 4096, 5000,
    ];

    private readonly HashSet<int> _sizes = [.. sizes];

    public bool Allows(ImageCommands commands) =>
        (commands.Width is not { } width || _sizes.Contains(width)) && (commands.Height is not { } height || _sizes.Contains(height));

    /// The parameter that asks for a size not on the list, if any.
    public string? Refused(ImageCommands commands) =>
        commands.Width is { } width && !_sizes.Contains(width) ? "width" : commands.Height is { } height && !_sizes.Contains(height) ? "height" : null;

    /// Widths and heights of the crops in data type configurations (image croppers and media pickers).
    public static IEnumerable<int> OfCrops(IEnumerable<JsonObject> configurations)
    {
        foreach (var configuration in configurations)
            if (configuration.FirstOrDefault(p => string.Equals(p.Key, "crops", StringComparison.OrdinalIgnoreCase)).Value is JsonArray crops)
                foreach (var crop in crops.OfType<JsonObject>())
                    foreach (var side in new[] { "width", "height" })
                        if (crop.FirstOrDefault(p => string.Equals(p.Key, side, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
                            && int.TryParse(value.ToString(), out var pixels) && pixels > 0)
                            yield return pixels;
    }
}
