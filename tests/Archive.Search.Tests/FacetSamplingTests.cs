using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;

namespace Archive.Search.Tests;

/// Facets over many hits are counted from a fixed sample and say so, each count with its margin; over few hits, exactly.
public sealed class FacetSamplingTests : IDisposable
{
    private static readonly ArchiveAnalyzers Analyzers = new(new HunspellDictionaries());
    private readonly string _root = Directory.CreateTempSubdirectory("archive-facets").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // Materials in uneven shares, laid out in runs (as a collection catalogued together would be) and in a repeating
    // pattern, so a sample that followed the order of indexing would be off.
    private static readonly (string Material, int Share)[] Shares = [("wood", 40), ("silver", 25), ("felt", 20), ("silk", 10), ("bone", 5)];

    private static string MaterialOf(int i)
    {
        var slot = i < 4_000 ? i / 40 % 100 : i % 100;
        var sum = 0;
        foreach (var (material, share) in Shares)
            if (slot < (sum += share))
                return material;
        throw new InvalidOperationException();
    }

    private SearchIndex Build(int count)
    {
        var index = new SearchIndex(_root, Analyzers);
        index.Rebuild(Enumerable.Range(0, count).Select(i => new IndexedNode(Guid.NewGuid(), "artefact", false, [], 3, i, DateTime.UtcNow, DateTime.UtcNow,
            [new IndexedCulture("ru", true, $"Предмет {i}", $"Старинный предмет номер {i}", null, null)
            {
                Facets = new Dictionary<string, List<string>> { [FacetNames.Material] = [MaterialOf(i)], [FacetNames.HasImage] = [i % 3 == 0 ? "true" : "false"] },
            }])), position: 1);
        return index;
    }

    private static Dictionary<string, int> Truth(int count, Func<int, string> of) =>
        Enumerable.Range(0, count).GroupBy(of).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Few_hits_are_counted_exactly_and_say_nothing_of_a_sample()
    {
        using var index = Build(2_000);
        var result = new SearchService(index).Search(new SearchRequest { Query = "предмет", Culture = "ru", Facets = [FacetNames.Material] });

        Assert.Equal(2_000, result.Total);
        Assert.Null(result.FacetSample);
        var truth = Truth(2_000, MaterialOf);
        Assert.All(result.Facets[FacetNames.Material], v =>
        {
            Assert.Equal(truth[v.Value], v.Count);
            Assert.Equal(0, v.Margin);
        });
    }

    [Fact]
    public void Many_hits_are_counted_from_a_sample_whose_estimates_hold_the_true_counts_within_their_margins()
    {
        const int count = 12_000;
        using var index = Build(count);
        var search = new SearchService(index);
        var request = new SearchRequest { Query = "предмет", Culture = "ru", Facets = [FacetNames.Material, FacetNames.HasImage], Sampling = new FacetSampling(1_000) };
        var result = search.Search(request);

        Assert.Equal(count, result.Total);
        var sample = Assert.IsType<FacetSample>(result.FacetSample);
        Assert.Equal(count, sample.Of);
        // 12,000 hits over a limit of 1,000: one in 16 is counted, about 750.
        Assert.InRange(sample.Sampled, 500, 1_000);

        var values = result.Facets[FacetNames.Material].Select(v => (v, Truth: Truth(count, MaterialOf)[v.Value]))
            .Concat(result.Facets[FacetNames.HasImage].Select(v => (v, Truth: Truth(count, i => i % 3 == 0 ? "true" : "false")[v.Value]))).ToList();
        Assert.Equal(7, values.Count);
        foreach (var (value, truth) in values)
        {
            Assert.True(value.Margin > 0, $"{value.Value} has no margin");
            // 95 % intervals: allow one in seven to miss, but none by more than twice its margin.
            Assert.InRange(truth, value.Count - 2 * value.Margin, value.Count + 2 * value.Margin);
        }
        Assert.True(values.Count(x => Math.Abs(x.Truth - x.v.Count) <= x.v.Margin) >= 6, string.Join(", ", values.Select(x => $"{x.v.Value} {x.v.Count}±{x.v.Margin} (truly {x.Truth})")));
        // Shares keep their order.
        Assert.Equal(["wood", "silver", "felt", "silk", "bone"], result.Facets[FacetNames.Material].Select(v => v.Value));

        // The sample is fixed: the same question is answered with the same counts.
        Assert.Equal(result.Facets[FacetNames.Material], search.Search(request).Facets[FacetNames.Material]);
    }

    [Fact]
    public void Filtering_below_the_limit_counts_exactly_again()
    {
        const int count = 12_000;
        using var index = Build(count);
        var result = new SearchService(index).Search(new SearchRequest
        {
            Query = "предмет", Culture = "ru", Facets = [FacetNames.Material], Sampling = new FacetSampling(1_000),
            FacetFilters = new Dictionary<string, IReadOnlyList<string>> { [FacetNames.Material] = ["bone"] },
        });

        Assert.Null(result.FacetSample);
        Assert.Equal(Truth(count, MaterialOf)["bone"], Assert.Single(result.Facets[FacetNames.Material]).Count);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10_000, 0)]
    [InlineData(10_001, 1)]
    [InlineData(20_000, 1)]
    [InlineData(20_002, 2)]
    [InlineData(1_000_000, 7)]
    public void The_level_halves_until_the_hits_it_keeps_are_within_the_limit(int hits, int level) =>
        Assert.Equal(level, FacetSampling.Default.LevelFor(hits));

    [Fact]
    public void A_margin_is_the_half_width_of_a_95_percent_interval_and_vanishes_when_all_are_counted()
    {
        // Half of 10,000 sampled from a million: 1.96 × 1,000,000 × √(0.25 / 10,000) ≈ 9,800.
        Assert.InRange(new FacetSample(10_000, 1_000_000).MarginOf(5_000), 9_700, 9_900);
        Assert.Equal(500_000, new FacetSample(10_000, 1_000_000).Estimate(5_000));
        Assert.Equal(0, new FacetSample(1_000, 1_000).MarginOf(300));
        Assert.Equal(0, new FacetSample(10_000, 1_000_000).MarginOf(0));
    }
}
