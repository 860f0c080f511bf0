using System.Text.RegularExpressions;

namespace Archive.Engine.Dating;

/// Parses free-text dating in English, Russian and Kazakh into a span of years, keeping the text.
/// Supported: a year, "c. 1840" (±5), decades ("1850s", "1850-е", "1850 жылдары"), centuries
/// (ordinal or Roman), their early/mid/late thirds and first/second halves, and ranges of any two.
public static partial class HistoricalDateParser
{
    private const int CircaMargin = 5;

    public static HistoricalDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var normalized = Normalize(text);
        var span = ParseRange(normalized) ?? ParseSingle(normalized);
        return span is { } s && s.Earliest <= s.Latest ? new HistoricalDate(text.Trim(), s.Earliest, s.Latest) : null;
    }

    private static string Normalize(string text) =>
        WhiteSpace().Replace(text.Trim().ToLowerInvariant().Replace('–', '-').Replace('—', '-').Replace('‒', '-'), " ");

    private static (int Earliest, int Latest)? ParseRange(string text)
    {
        foreach (var separator in new[] { " - ", "-", " to ", " до ", " по ", " және " })
        {
            var at = text.IndexOf(separator, StringComparison.Ordinal);
            while (at > 0)
            {
                var leftText = text[..at].Trim();
                var rightText = text[(at + separator.Length)..].Trim();
                var right = ParseSingle(rightText);
                // "18th–19th century": the left side borrows the right side's unit.
                var left = ParseSingle(leftText) ?? (CenturyUnit().Match(rightText) is { Success: true } unit
                    ? ParseSingle(leftText + " " + unit.Value.Trim())
                    : null);
                if (left is { } l && right is { } r)
                    return l.Earliest <= r.Latest ? (l.Earliest, Math.Max(l.Latest, r.Latest)) : null;
                at = text.IndexOf(separator, at + 1, StringComparison.Ordinal);
            }
        }
        return null;
    }

    private static (int Earliest, int Latest)? ParseSingle(string text)
    {
        text = text.Trim().TrimEnd('.', ',', ';').Trim();
        if (text.Length == 0)
            return null;

        var circa = Circa().Match(text);
        if (circa.Success)
        {
            var year = int.Parse(circa.Groups["year"].Value);
            return (year - CircaMargin, year + CircaMargin);
        }

        var decade = Decade().Match(text);
        if (decade.Success)
        {
            var start = int.Parse(decade.Groups["year"].Value);
            return start % 10 == 0 ? (start, start + 9) : null;
        }

        var year4 = PlainYear().Match(text);
        if (year4.Success)
        {
            var year = int.Parse(year4.Groups["year"].Value);
            return (year, year);
        }

        return ParseCentury(text);
    }

    private static (int Earliest, int Latest)? ParseCentury(string text)
    {
        var match = Century().Match(text);
        if (!match.Success)
            return null;
        var number = match.Groups["roman"].Success ? FromRoman(match.Groups["roman"].Value) : int.Parse(match.Groups["arabic"].Value);
        if (number is < 1 or > 21)
            return null;
        var earliest = (number - 1) * 100;
        var latest = earliest + 99;

        // Qualifiers may stand before ("late 19th century", "конец XIX века") or after
        // ("XIX ғасырдың аяғы") the century, so look at the whole text.
        if (FirstHalf().IsMatch(text))
            return (earliest, earliest + 49);
        if (SecondHalf().IsMatch(text))
            return (earliest + 50, latest);
        if (Early().IsMatch(text))
            return (earliest, earliest + 32);
        if (Middle().IsMatch(text))
            return (earliest + 33, earliest + 66);
        if (Late().IsMatch(text))
            return (earliest + 67, latest);
        return (earliest, latest);
    }

    private static int FromRoman(string roman)
    {
        var values = new Dictionary<char, int> { ['i'] = 1, ['v'] = 5, ['x'] = 10, ['l'] = 50 };
        var total = 0;
        for (var i = 0; i < roman.Length; i++)
        {
            var value = values[roman[i]];
            total += i + 1 < roman.Length && values[roman[i + 1]] > value ? -value : value;
        }
        return total;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?:c\.?|ca\.?|circa|about|approx\.?|около|ок\.?|примерно|приблизительно|шамамен|шам\.?|~)\s*(?<year>\d{3,4})(?:\s*(?:г\.?|года?|ж\.?|жыл[а-яәғқңөұүһі]*))?$")]
    private static partial Regex Circa();

    [GeneratedRegex(@"^(?:the\s+)?(?<year>\d{3,4})(?:'?s|\s*-?\s*(?:е|х|ые|ых)(?:\s+(?:годы|годов|гг\.?))?|\s*-?\s*(?:жылдар|жылдары|жылдардың|жж\.?))$")]
    private static partial Regex Decade();

    [GeneratedRegex(@"^(?:in\s+)?(?<year>\d{3,4})(?:\s*(?:г\.?|год|года|году|ж\.?|жыл|жылы))?$")]
    private static partial Regex PlainYear();

    [GeneratedRegex(@"(?:^|[\s-])(?:(?<roman>[ivxl]+)|(?<arabic>\d{1,2})(?:st|nd|rd|th|-?й|-?го|-?ші|-?шы)?)\s*(?:century|c\.|cent\.?|век[а-я]*|в\.?|вв\.?|ғасыр[а-яәғқңөұүһі]*|ғ\.?)(?:\s|$|,)")]
    private static partial Regex Century();

    [GeneratedRegex(@"\s(?:century|c\.|cent\.?|век[а-я]*|в\.?|вв\.?|ғасыр[а-яәғқңөұүһі]*|ғ\.?)(?:\s|$|,)")]
    private static partial Regex CenturyUnit();

    [GeneratedRegex(@"\b(?:first half|1st half)\b|первая половина|первой половины|бірінші жарты|алғашқы жарты")]
    private static partial Regex FirstHalf();

    [GeneratedRegex(@"\b(?:second half|2nd half)\b|вторая половина|второй половины|екінші жарты")]
    private static partial Regex SecondHalf();

    [GeneratedRegex(@"\bearly\b|начало|начала|басы|басында")]
    private static partial Regex Early();

    [GeneratedRegex(@"\b(?:mid|middle)\b|^mid-|середина|середины|ортасы|ортасында")]
    private static partial Regex Middle();

    [GeneratedRegex(@"\blate\b|конец|конца|аяғы|аяғында|соңы")]
    private static partial Regex Late();
}
