using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// "Did you mean": each word of a query that no published name in the culture uses, replaced by the nearest word
/// (one or two edits) that published names do use, the most used first. The words come from the index's own terms
/// (the names offered as you type), so a suggestion always finds something.
public sealed class SpellingService(SearchIndex index)
{
    private const int MaxCandidates = 50;

    /// The corrected query, or null when every word is known or none has a near spelling.
    public string? DidYouMean(string query, string? culture)
    {
        var words = query.Split((char[])[' ', '\t', '\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Take(SearchRequest.MaxWords).ToList();
        if (words.Count == 0 || query.Length > SearchRequest.MaxQueryLength || !index.Exists)
            return null;
        var fields = new[] { IndexFields.Suggest(culture ?? ""), IndexFields.Suggest("") }.Distinct().ToList();
        return index.Search(searcher =>
        {
            var changed = false;
            var corrected = words.Select(word =>
            {
                var lower = word.ToLowerInvariant();
                if (lower.Length < 3 || fields.Any(f => searcher.IndexReader.DocFreq(new Term(f, lower)) > 0))
                    return word;
                var nearest = Nearest(searcher.IndexReader, fields, lower);
                if (nearest is null)
                    return word;
                changed = true;
                return nearest;
            }).ToList();
            return changed ? string.Join(' ', corrected) : null;
        });
    }

    private static string? Nearest(IndexReader reader, IReadOnlyList<string> fields, string word)
    {
        var edits = word.Length >= 7 ? 2 : 1;
        var candidates = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
                continue;
            var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, word), edits, 0, true);
            while (candidates.Count < MaxCandidates && fuzzy.MoveNext())
            {
                var term = fuzzy.Term.Utf8ToString();
                candidates[term] = candidates.GetValueOrDefault(term) + fuzzy.DocFreq;
            }
        }
        return candidates.OrderBy(c => Distance(word, c.Key)).ThenByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).FirstOrDefault();
    }

    /// Optimal string alignment distance (a swap of two neighbours counts as one edit).
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
