using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Engine.Places;

/// A name a place bore for a time, in one language: from the year it was given to the year it changed (that year
/// belongs to the next name), either end open. Alma-Ata (1921–1993), Акмолинск (–1961), Нур-Султан (2019–2022).
public sealed record PlaceName(string Name, int? From, int? Until)
{
    public bool Covers(int year) => (From is null || year >= From) && (Until is null || year < Until);

    public override string ToString() =>
        $"{Name} ({(From is { } f ? f.ToString(CultureInfo.InvariantCulture) : "")}–{(Until is { } u ? u.ToString(CultureInfo.InvariantCulture) : "")})";
}

/// A place's former names in one language, one per line as curators write them: "Алма-Ата (1921–1993)". The
/// current name is the item's own name; these are the others, each with its period.
public static partial class PlaceNameHistory
{
    /// The property of a place (a term) that holds its former names.
    public const string Alias = "formerNames";

    public const int MaxNames = 50;

    /// The names, or the problems, each naming its line ("line 2: …").
    public static (IReadOnlyList<PlaceName> Names, IReadOnlyList<string> Problems) Parse(string? text)
    {
        var names = new List<PlaceName>();
        var problems = new List<string>();
        var lines = (text ?? "").Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            if (names.Count == MaxNames)
            {
                problems.Add($"At most {MaxNames} former names.");
                break;
            }
            var match = Line().Match(line);
            if (!match.Success)
            {
                problems.Add($"line {i + 1}: '{line}' needs its period in brackets, e.g. \"Алма-Ата (1921–1993)\", \"Акмолинск (–1961)\".");
                continue;
            }
            var from = Year(match.Groups["from"].Value);
            var until = Year(match.Groups["until"].Value);
            if (from is null && until is null)
                problems.Add($"line {i + 1}: '{line}' needs at least one year.");
            else if (from is < 1 or > 2100 || until is < 1 or > 2100)
                problems.Add($"line {i + 1}: years are between 1 and 2100.");
            else if (from is { } f && until is { } u && u <= f)
                problems.Add($"line {i + 1}: the name must change after it was given ({f}–{u}).");
            else
                names.Add(new PlaceName(match.Groups["name"].Value.Trim(), from, until));
        }
        for (var a = 0; a < names.Count; a++)
            for (var b = a + 1; b < names.Count; b++)
                if (Overlap(names[a], names[b]))
                    problems.Add($"'{names[a]}' and '{names[b]}' overlap: a place bears one name at a time in one language.");
        return (names, problems);
    }

    /// The stored form: one name per line with its period written the one way.
    public static string Format(IEnumerable<PlaceName> names) => string.Join("\n", names.OrderBy(n => n.From ?? int.MinValue).Select(n => n.ToString()));

    /// The name the place bore in a year, or null when it bore its current name then.
    public static string? NameIn(string? text, int year) => Parse(text).Names.FirstOrDefault(n => n.Covers(year))?.Name;

    /// The one former name the place bore from the first year to the last, or null: its current name then, or a
    /// change of name within the span.
    public static string? NameThroughout(string? text, int first, int last) =>
        Parse(text).Names.FirstOrDefault(n => n.Covers(first) && n.Covers(last))?.Name;

    private static bool Overlap(PlaceName a, PlaceName b) =>
        (a.From ?? int.MinValue) < (b.Until ?? int.MaxValue) && (b.From ?? int.MinValue) < (a.Until ?? int.MaxValue);

    private static int? Year(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    [GeneratedRegex(@"^(?<name>[^()]+?)\s*\(\s*(?<from>\d{1,4})?\s*[-–—]\s*(?<until>\d{1,4})?\s*\)$")]
    private static partial Regex Line();
}
