using System.Globalization;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace Archive.Media.Imaging;

public enum OutputFormat
{
    Source,
    Jpg,
    Png,
    Webp,
    Gif,
}

public sealed record CommandProblem(string Parameter, string Detail);

/// The ImageSharp.Web query commands Umbraco writes into media URLs (width, height, rmode/mode,
/// rxy, ranchor, cc, bgcolor, format, quality), parsed and checked. Unknown parameters are left
/// alone (cache busters); sizes beyond the configured maximum are clamped to it.
public sealed record ImageCommands
{
    public static readonly string[] Known = ["width", "height", "rmode", "mode", "rxy", "ranchor", "cc", "bgcolor", "format", "quality"];

    public int? Width { get; init; }
    public int? Height { get; init; }
    public ResizeMode Mode { get; init; } = ResizeMode.Crop;
    public PointF? Focus { get; init; }
    public AnchorPositionMode Anchor { get; init; } = AnchorPositionMode.Center;
    /// Umbraco's crop coordinates: fractions cut from the left, top, right and bottom.
    public (float Left, float Top, float Right, float Bottom)? Crop { get; init; }
    public Color? Background { get; init; }
    public OutputFormat Format { get; init; } = OutputFormat.Source;
    public int? Quality { get; init; }

    public bool IsEmpty => Width is null && Height is null && Crop is null && Background is null && Format == OutputFormat.Source && Quality is null;

    /// The same commands always give the same key, whatever their order or spelling in the URL.
    public string CanonicalKey => string.Join('&', new[]
    {
        Width is { } w ? $"w={w}" : null,
        Height is { } h ? $"h={h}" : null,
        Width is not null || Height is not null ? $"m={Mode}" : null,
        Focus is { } f ? FormattableString.Invariant($"xy={f.X:0.####},{f.Y:0.####}") : null,
        Anchor != AnchorPositionMode.Center ? $"a={Anchor}" : null,
        Crop is { } c ? FormattableString.Invariant($"cc={c.Left:0.####},{c.Top:0.####},{c.Right:0.####},{c.Bottom:0.####}") : null,
        Background is { } b ? $"bg={b.ToHex()}" : null,
        $"f={Format}",
        Quality is { } q ? $"q={q}" : null,
    }.Where(p => p is not null));

    public static bool IsCommand(string key) => Known.Contains(key, StringComparer.OrdinalIgnoreCase);

    public static (ImageCommands? Commands, CommandProblem? Problem) Parse(IEnumerable<KeyValuePair<string, string?>> query, ImagingSettings settings)
    {
        var commands = new ImageCommands();
        foreach (var (rawKey, rawValue) in query)
        {
            var key = rawKey.ToLowerInvariant();
            var value = (rawValue ?? "").Trim();
            switch (key)
            {
                case "width" or "height":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
                        return (null, new(key, $"{key} must be a whole number of pixels above 0."));
                    commands = key == "width" ? commands with { Width = Math.Min(size, settings.Resize.MaxWidth) } : commands with { Height = Math.Min(size, settings.Resize.MaxHeight) };
                    break;
                case "rmode" or "mode":
                    if (!Enum.TryParse<ResizeMode>(value, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || mode == ResizeMode.Manual || int.TryParse(value, out _))
                        return (null, new(key, $"{key} must be one of crop, max, pad, boxpad, min, stretch."));
                    commands = commands with { Mode = mode };
                    break;
                case "rxy":
                    if (Fractions(value, 2) is not { } xy)
                        return (null, new(key, "rxy must be two fractions between 0 and 1: x,y."));
                    commands = commands with { Focus = new PointF(xy[0], xy[1]) };
                    break;
                case "ranchor":
                    if (!Enum.TryParse<AnchorPositionMode>(value, ignoreCase: true, out var anchor) || int.TryParse(value, out _))
                        return (null, new(key, "ranchor must be center, top, bottom, left, right, topleft, topright, bottomleft or bottomright."));
                    commands = commands with { Anchor = anchor };
                    break;
                case "cc":
                    if (Fractions(value, 4) is not { } cc || cc[0] + cc[2] >= 1 || cc[1] + cc[3] >= 1)
                        return (null, new(key, "cc must be four fractions cut from the left, top, right and bottom, leaving some of the image."));
                    commands = commands with { Crop = (cc[0], cc[1], cc[2], cc[3]) };
                    break;
                case "bgcolor":
                    if (!Color.TryParseHex(value, out var color) && !Color.TryParse(value, out color))
                        return (null, new(key, "bgcolor must be a colour name or hex value."));
                    commands = commands with { Background = color };
                    break;
                case "format":
                    OutputFormat? format = value.ToLowerInvariant() switch
                    {
                        "jpg" or "jpeg" => OutputFormat.Jpg,
                        "png" => OutputFormat.Png,
                        "webp" => OutputFormat.Webp,
                        "gif" => OutputFormat.Gif,
                        _ => null,
                    };
                    if (format is null)
                        return (null, new(key, "format must be jpg, png, webp or gif."));
                    commands = commands with { Format = format.Value };
                    break;
                case "quality":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quality) || quality is < 1 or > 100)
                        return (null, new(key, "quality must be a whole number from 1 to 100."));
                    commands = commands with { Quality = quality };
                    break;
            }
        }
        return (commands, null);
    }

    private static float[]? Fractions(string value, int count)
    {
        var parts = value.Split(',');
        if (parts.Length != count)
            return null;
        var numbers = new float[count];
        for (var i = 0; i < count; i++)
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !float.IsFinite(numbers[i]) || numbers[i] < 0 || numbers[i] > 1)
                return null;
        return numbers;
    }
}
