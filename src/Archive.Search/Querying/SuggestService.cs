using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// Autocomplete from the index's own terms (Lucene.Net's Suggest module is not available here): the
/// words of published names in the request's culture that start with the typed prefix, most used first.
public sealed class SuggestService(SearchIndex index)
{
    public const int MaxTake = 20;
    private const int MaxTermsScanned = 5_000;

    public IReadOnlyList<string> Suggest(string prefix, string? culture, int take = 8)
    {
        var word = prefix.Trim().Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant();
        if (string.IsNullOrEmpty(word) || word.Length > 50 || !index.Exists)
            return [];
        take = Math.Clamp(take, 1, MaxTake);
        var fields = new[] { IndexFields.Suggest(culture ?? ""), IndexFields.Suggest("") }.Distinct().ToList();
        return index.Search(searcher =>
        {
            var candidates = new Dictionary<string, int>();
            foreach (var field in fields)
            {
                var terms = MultiFields.GetTerms(searcher.IndexReader, field);
                if (terms is null)
                    continue;
                var iterator = terms.GetEnumerator();
                var start = new BytesRef(word);
                if (iterator.SeekCeil(start) == TermsEnum.SeekStatus.END)
                    continue;
                var scanned = 0;
                do
                {
                    var term = iterator.Term.Utf8ToString();
                    if (!term.StartsWith(word, StringComparison.Ordinal) || ++scanned > MaxTermsScanned)
                        break;
                    candidates[term] = candidates.GetValueOrDefault(term) + iterator.DocFreq;
                }
                while (iterator.MoveNext());
            }
            // Document frequencies still count deleted documents until segments merge: keep only
            // words that a live document carries.
            return candidates.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key)
                .Where(term => fields.Any(f => searcher.Search(new TermQuery(new Term(f, term)), 1).TotalHits > 0))
                .Take(take).ToList();
        });
    }
}
