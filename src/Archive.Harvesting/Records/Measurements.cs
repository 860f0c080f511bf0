using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Harvesting.Records;

/// One measured dimension: `height`, `width` or `depth`, in centimetres or millimetres as written.
public sealed record Measurement(string Dimension, decimal Value, string Unit);

/// Reads the dimensions text curators write ("70 × 40 × 45 cm", "32 x 21 см", "Ø 12,5 cm" is left as text) as
/// height, width and depth, the order museums write them in. Text it cannot read gives nothing: the display text is
/// always sent beside the numbers, so nothing is lost.
public static partial class Measurements
{
    private static readonly string[] Dimensions = ["height", "width", "depth"];

    public static IReadOnlyList<Measurement> Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || Pattern().Match(text.Trim()) is not { Success: true } match)
            return [];
        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "cm" or "см" => "cm",
            "mm" or "мм" => "mm",
            "m" or "м" => "m",
            _ => null,
        };
        if (unit is null)
            return [];
        var values = match.Groups["n"].Captures.Select(c => decimal.Parse(c.Value.Replace(',', '.'), CultureInfo.InvariantCulture)).ToList();
        return values.Count > Dimensions.Length ? [] : values.Select((v, i) => new Measurement(Dimensions[i], v, unit)).ToList();
    }

    [GeneratedRegex(@"^(?<n>\d+(?:[.,]\d+)?)(?:\s*[×xх*]\s*(?<n>\d+(?:[.,]\d+)?)){0,2}\s*(?<unit>cm|mm|m|см|мм|м)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
