using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Analysis;

/// Rewrites each term with a function; the building block of the archive's own filters.
internal sealed class MapTermFilter(TokenStream input, Func<string, string> map) : TokenFilter(input)
{
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var mapped = map(_term.ToString());
        _term.SetEmpty().Append(mapped);
        return true;
    }
}

internal static class Terms
{
    private static readonly Dictionary<char, char> LatinLookAlikes = new()
    {
        ['a'] = 'а', ['e'] = 'е', ['o'] = 'о', ['c'] = 'с', ['p'] = 'р', ['x'] = 'х', ['y'] = 'у', ['i'] = 'і',
        ['k'] = 'к', ['m'] = 'м', ['h'] = 'һ', ['t'] = 'т', ['b'] = 'в', ['ə'] = 'ә',
    };

    /// In a word that is mostly Cyrillic, Latin look-alikes typed by mistake become Cyrillic ("кiтап" → "кітап").
    public static string RepairCyrillic(string term)
    {
        var cyrillic = term.Count(c => c is >= '\u0400' and <= '\u04FF');
        if (cyrillic == 0 || cyrillic == term.Length)
            return term.Replace('ə', 'ә');
        return string.Create(term.Length, term, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = LatinLookAlikes.TryGetValue(source[i], out var cyr) ? cyr : source[i];
        });
    }

    public static string FoldYo(string term) => term.Replace('ё', 'е');
}
