using Archive.Search.Querying;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Archive.Integration.Tests.Search;

/// Ranking quality over the demo catalogue, measured on a judged query set (relevance.tsv):
/// mean reciprocal rank of the first relevant answer and nDCG over the first ten.
public sealed class RelevanceTests(SearchTests.Host host, ITestOutputHelper output) : IClassFixture<SearchTests.Host>
{
    private const int Depth = 10;

    public sealed record Judgement(string Culture, string? ContentType, string Query, IReadOnlyDictionary<string, int> Gains);

    public static IReadOnlyList<Judgement> Load(string path) => File.ReadLines(path)
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line =>
        {
            var columns = line.Split('\t');
            var groups = columns[3].Split("||");
            var gains = new Dictionary<string, int>();
            for (var g = 0; g < groups.Length; g++)
                foreach (var name in groups[g].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    gains[name] = g == 0 ? 2 : 1;
            return new Judgement(columns[0], columns[1] == "*" ? null : columns[1], columns[2], gains);
        }).ToList();

    public static double ReciprocalRank(IReadOnlyList<string> ranked, Judgement judgement) =>
        ranked.Take(Depth).Select((name, i) => judgement.Gains.ContainsKey(name) ? 1.0 / (i + 1) : 0).FirstOrDefault(r => r > 0);

    public static double Ndcg(IReadOnlyList<string> ranked, Judgement judgement)
    {
        static double Dcg(IEnumerable<int> gains) => gains.Take(Depth).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = Dcg(judgement.Gains.Values.OrderByDescending(g => g));
        return ideal == 0 ? 0 : Dcg(ranked.Select(name => judgement.Gains.GetValueOrDefault(name))) / ideal;
    }

    [Fact]
    public void The_judged_set_ranks_relevant_answers_first()
    {
        var judgements = Load(Path.Combine(AppContext.BaseDirectory, "Search", "relevance.tsv"));
        Assert.True(judgements.Count >= 40);
        var search = host.Services.GetRequiredService<SearchService>();
        double mrr = 0, ndcg = 0;
        foreach (var judgement in judgements)
        {
            var result = search.Search(new SearchRequest { Query = judgement.Query, Culture = judgement.Culture, ContentType = judgement.ContentType, Take = Depth, Highlight = false });
            Assert.Equal(SearchStatus.Success, result.Status);
            var ranked = result.Items.Select(i => i.Name).ToList();
            var (rr, n) = (ReciprocalRank(ranked, judgement), Ndcg(ranked, judgement));
            (mrr, ndcg) = (mrr + rr, ndcg + n);
            if (n < 1)
                output.WriteLine($"{judgement.Culture} «{judgement.Query}»: RR {rr:F2}, nDCG {n:F2} — {string.Join(" / ", ranked.Take(5))}");
        }
        (mrr, ndcg) = (mrr / judgements.Count, ndcg / judgements.Count);
        output.WriteLine($"{judgements.Count} judged queries: MRR {mrr:F3}, nDCG@{Depth} {ndcg:F3}");
        Assert.True(mrr >= 0.95, $"MRR {mrr:F3}");
        Assert.True(ndcg >= 0.95, $"nDCG@{Depth} {ndcg:F3}");
    }

    [Fact]
    public void The_measures_follow_their_definitions()
    {
        var judgement = new Judgement("en", null, "q", new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 });
        Assert.Equal(1, ReciprocalRank(["a", "x"], judgement));
        Assert.Equal(0.5, ReciprocalRank(["x", "b"], judgement));
        Assert.Equal(0, ReciprocalRank(["x", "y"], judgement));
        Assert.Equal(1, Ndcg(["a", "b", "x"], judgement), 6);
        // b first, a second: (1/1 + 3/log2 3) / (3/1 + 1/log2 3)
        Assert.Equal((1 + 3 / Math.Log2(3)) / (3 + 1 / Math.Log2(3)), Ndcg(["b", "a"], judgement), 6);
    }
}
