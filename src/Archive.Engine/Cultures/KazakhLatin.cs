using System.Text;

namespace Archive.Engine.Cultures;

/// Kazakh in the 2021 Latin alphabet (31 letters), read from Cyrillic Kazakh as it is written: the letters of
/// the decree map one to one, with the dotless ı for і and the dotted İ/i for и and й. The loan letters of Russian
/// words (ц, ч, щ, ю, я, ё, ъ, ь, э) are not settled by the decree; the defaults below are the common practice and
/// each can be changed (`Archive:Site:KazakhLatin`). Anything that is not a Cyrillic letter is kept as it is.
public sealed class KazakhLatin
{
    /// The culture tag of Latin-script Kazakh pages.
    public const string Culture = "kk-latn";

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['ә'] = "ä", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ғ'] = "ğ", ['д'] = "d", ['е'] = "e",
        ['ж'] = "j", ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['қ'] = "q", ['л'] = "l", ['м'] = "m",
        ['н'] = "n", ['ң'] = "ñ", ['о'] = "o", ['ө'] = "ö", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t",
        ['у'] = "u", ['ұ'] = "ū", ['ү'] = "ü", ['ф'] = "f", ['х'] = "h", ['һ'] = "h", ['ш'] = "ş", ['ы'] = "y",
        ['і'] = "ı",
    };

    /// The loan letters' defaults: ц → s, ч → ş, щ → ş, ю → iu, я → ia, ё → io, э → e, ъ and ь dropped.
    public static IReadOnlyDictionary<char, string> DefaultLoanLetters { get; } = new Dictionary<char, string>
    {
        ['ц'] = "s", ['ч'] = "ş", ['щ'] = "ş", ['ю'] = "iu", ['я'] = "ia", ['ё'] = "io", ['э'] = "e", ['ъ'] = "", ['ь'] = "",
    };

    public static KazakhLatin Default { get; } = new(null);

    private readonly Dictionary<char, string> _map;

    /// Loan letters given in lower case replace the defaults (a value may be empty: the letter is dropped).
    public KazakhLatin(IReadOnlyDictionary<string, string>? loanLetters)
    {
        _map = new Dictionary<char, string>(Letters);
        foreach (var (letter, latin) in DefaultLoanLetters)
            _map[letter] = latin;
        foreach (var (letter, latin) in loanLetters ?? new Dictionary<string, string>())
            if (letter.Length == 1 && DefaultLoanLetters.ContainsKey(char.ToLowerInvariant(letter[0])))
                _map[char.ToLowerInvariant(letter[0])] = latin ?? "";
    }

    /// The text with its Cyrillic Kazakh letters in the Latin alphabet; a capital stays a capital (a digraph
    /// keeps only its first letter capital unless the word around it is all capitals).
    public string Transliterate(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsCyrillic))
            return text ?? "";
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            if (!_map.TryGetValue(lower, out var latin))
            {
                builder.Append(c);
                continue;
            }
            if (c == lower || latin.Length == 0)
            {
                builder.Append(latin);
                continue;
            }
            // Capitals: the dotted and dotless pairs are Turkish-style (İ/i, I/ı), never .NET's invariant pair.
            var upper = latin switch { "i" => "İ", "ı" => "I", _ => latin.ToUpperInvariant() };
            if (upper.Length > 1 && !AllCapitals(text, i))
                upper = upper[..1] + latin[1..];
            builder.Append(upper);
        }
        return builder.ToString();
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    // A capital between capitals (or alone with capitals beside it) is part of a word written in capitals.
    private static bool AllCapitals(string text, int at)
    {
        var before = at > 0 && char.IsLetter(text[at - 1]) ? char.IsUpper(text[at - 1]) : (bool?)null;
        var after = at + 1 < text.Length && char.IsLetter(text[at + 1]) ? char.IsUpper(text[at + 1]) : (bool?)null;
        return (before ?? false) || (after ?? false);
    }
}
