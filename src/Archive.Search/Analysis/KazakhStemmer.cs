namespace Archive.Search.Analysis;

/// A light Kazakh suffix stripper for the common cases: plural, possessive and case endings, applied
/// from the end of the word while a stem of at least three letters remains ("музейлері", "музейде",
/// "кітаптар" → "музей", "музей", "кітап"). Rules after the pg-kazsearch suffix lists; no dictionary.
public static class KazakhStemmer
{
    // Longest first within each group; groups are tried from the outermost ending inwards.
    private static readonly string[][] Cyrillic =
    [
        // case endings
        ["ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "ндағы", "ндегі",
         "дағы", "дегі", "тағы", "тегі", "мен", "бен", "пен", "ға", "ге", "қа", "ке", "на", "не", "да", "де", "та", "те",
         "ны", "ні", "ды", "ді", "ты", "ті", "н"],
        // possessive endings
        ["ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "сы", "сі", "ым", "ім", "ың", "ің", "ы", "і", "м", "ң"],
        // plural
        ["лар", "лер", "дар", "дер", "тар", "тер"],
    ];

    // The same endings in the ASCII skeleton, so cross-script forms ("Abaidyñ", "Abaidin") stem alike.
    private static readonly string[][] Latin =
    [
        ["nin", "din", "tin", "nan", "nen", "dan", "den", "tan", "ten", "ndagi", "dagi", "degi", "tagi", "tegi", "nda", "nde",
         "men", "ben", "pen", "ga", "ge", "ka", "ke", "da", "de", "ta", "te"],
        ["imiz", "miz", "iniz", "niz", "si"],
        ["lar", "ler", "dar", "der", "tar", "ter"],
    ];

    public static string Stem(string word) => Strip(word, Cyrillic);

    public static string StemSkeleton(string skeleton) => Strip(skeleton, Latin);

    private static string Strip(string word, string[][] groups)
    {
        const int minimumStem = 3;
        var stem = word;
        foreach (var group in groups)
        {
            foreach (var suffix in group)
            {
                if (stem.Length - suffix.Length >= minimumStem && stem.EndsWith(suffix, StringComparison.Ordinal))
                {
                    stem = stem[..^suffix.Length];
                    break;
                }
            }
        }
        return stem;
    }
}
