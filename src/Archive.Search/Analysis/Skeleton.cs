using System.Globalization;
using System.Text;

namespace Archive.Search.Analysis;

/// A script-neutral ASCII skeleton of a word, so that Cyrillic Kazakh, the 2021 Latin alphabet, the
/// informal ASCII spellings and Russian romanisations of one name meet: "Абай", "Abai", "Abay" → "abai";
/// "Қазақстан", "Qazaqstan" → "kazakstan". Lossy by design; it is one field among several.
public static class Skeleton
{
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['ә'] = "a", ['ä'] = "a", ['á'] = "a", ['ə'] = "a",
        ['б'] = "b", ['в'] = "v", ['w'] = "v",
        ['г'] = "g", ['ғ'] = "g", ['ğ'] = "g", ['ґ'] = "g",
        ['д'] = "d", ['е'] = "e", ['э'] = "e", ['є'] = "e", ['ё'] = "io",
        ['ж'] = "j", ['җ'] = "j", ['з'] = "z",
        ['и'] = "i", ['й'] = "i", ['і'] = "i", ['ı'] = "i", ['ї'] = "i", ['ы'] = "i", ['y'] = "i", ['ý'] = "i",
        ['к'] = "k", ['қ'] = "k", ['q'] = "k", ['c'] = "k",
        ['л'] = "l", ['м'] = "m", ['н'] = "n", ['ң'] = "n", ['ñ'] = "n",
        ['о'] = "o", ['ө'] = "o", ['ö'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t",
        ['у'] = "u", ['ұ'] = "u", ['ү'] = "u", ['ū'] = "u", ['ü'] = "u", ['ú'] = "u",
        ['ф'] = "f", ['х'] = "h", ['һ'] = "h", ['ц'] = "ts", ['ч'] = "ch", ['ç'] = "ch",
        ['ш'] = "sh", ['ş'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ь'] = "", ['\''] = "", ['’'] = "",
        ['ю'] = "iu", ['я'] = "ia",
    };

    public static string Of(string word)
    {
        var lower = word.ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(lower.Length + 4);
        foreach (var c in lower)
        {
            if (Letters.TryGetValue(c, out var mapped))
                builder.Append(mapped);
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                builder.Append(c);
            else
            {
                var stripped = c.ToString().Normalize(NormalizationForm.FormD)[0];
                if (stripped is >= 'a' and <= 'z')
                    builder.Append(Letters.TryGetValue(stripped, out var again) ? again : stripped.ToString());
                else if (char.IsLetterOrDigit(c))
                    builder.Append(c); // other scripts (Uyghur, Korean) keep their letters
            }
        }
        // Digraphs of the informal spellings: kh/h, zh/j, sh is kept, ch is kept, "dzh" → j.
        return builder.ToString().Replace("dzh", "j").Replace("zh", "j").Replace("kh", "h").Replace("ii", "i");
    }
}
