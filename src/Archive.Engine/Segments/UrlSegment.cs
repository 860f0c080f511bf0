using System.Globalization;
using System.Text;

namespace Archive.Engine.Segments;

/// Builds lower-case ASCII URL segments. Kazakh letters follow the 2021 Latin alphabet without
/// diacritics, Russian letters the common romanisation (the one on passports and road signs).
public static class UrlSegment
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m",
        ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u",
        ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "",
        ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
        // Kazakh
        ['ә'] = "a", ['ғ'] = "g", ['қ'] = "q", ['ң'] = "n", ['ө'] = "o", ['ұ'] = "u", ['ү'] = "u",
        ['һ'] = "h", ['і'] = "i",
        // Ukrainian and Tatar letters that the two alphabets above lack
        ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g", ['җ'] = "zh",
        // Latin schwa, typed for ә on keyboards without a Kazakh layout
        ['ə'] = "a",
    };

    public static string From(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        var builder = new StringBuilder(name.Length);
        foreach (var raw in name.Normalize(NormalizationForm.FormC))
        {
            var c = char.ToLowerInvariant(raw);
            if (Cyrillic.TryGetValue(c, out var latin))
                builder.Append(latin);
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                builder.Append(c);
            else if (c == 'ı')
                builder.Append('i');
            else if (StripDiacritics(c) is { Length: > 0 } plain)
                builder.Append(plain);
            else
                builder.Append('-');
        }
        return Collapse(builder.ToString());
    }

    /// The first free segment among siblings: "name", "name-2", "name-3", ...
    public static string Unique(string segment, ISet<string> siblingSegments) => Unique(segment, siblingSegments.Contains);

    /// The same, asking whether a segment is taken (an import remembers millions of them by hash, not as strings).
    public static string Unique(string segment, Func<string, bool> isTaken)
    {
        if (!isTaken(segment))
            return segment;
        for (var n = 2; ; n++)
        {
            var candidate = $"{segment}-{n}";
            if (!isTaken(candidate))
                return candidate;
        }
    }

    private static string StripDiacritics(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder();
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(part);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
                kept.Append(lower);
            else
                return "";
        }
        return kept.ToString();
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '-' && (builder.Length == 0 || builder[^1] == '-'))
                continue;
            builder.Append(c);
        }
        return builder.ToString().TrimEnd('-');
    }
}
