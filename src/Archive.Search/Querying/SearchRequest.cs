using Archive.Search.Indexing;
namespace Archive.Search.Querying;

public sealed record SearchRequest
{
    public const int MaxQueryLength = 500;
    public const int MaxWords = 16;
    public const int MaxTake = 100;

    public required string Query { get; init; }
    /// The request's culture; invariant items are found in every culture.
    public string? Culture { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 10;
    /// Drafts too (they are only ever shown to preview requests).
    public bool Preview { get; init; }
    public string? ContentType { get; init; }
    /// Only items beneath this one (an institution, a collection).
    public Guid? Under { get; init; }
    /// Only items whose dating overlaps these years.
    public int? DatingFrom { get; init; }
    public int? DatingTo { get; init; }
    /// Facets to count (FacetNames), and facet values to keep (values of one facet are alternatives).
    public IReadOnlyList<string> Facets { get; init; } = [];

    /// The facets the schema offers (FacetNames.Of); the archive's own schema's when not given.
    public IReadOnlyCollection<string> KnownFacets { get; init; } = FacetNames.All;
    /// The most frequent values returned per facet.
    public int FacetValues { get; init; } = 20;
    /// When facet values are counted from a sample of the hits instead of all of them (null: the service's).
    public FacetSampling? Sampling { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FacetFilters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public bool Highlight { get; init; } = true;
    /// A query with no words browses (every item the filters keep, by name) instead of being refused.
    public bool Browse { get; init; }
    public bool Descending { get; init; }

    /// Structured options, as the Delivery API's fetch, filter and sort give them (used by its search endpoint).
    public SelectorOption? Selector { get; init; }
    public IReadOnlyList<FilterOption> Filters { get; init; } = [];
    /// When given, these order the results (relevance breaks ties) instead of Sort.
    public IReadOnlyList<SortOption> Sorts { get; init; } = [];
    public IReadOnlyCollection<string> AllowedContentTypes { get; init; } = [];
    public IReadOnlyCollection<string> ExcludedContentTypes { get; init; } = [];
}

public enum SearchSort
{
    Relevance,
    Name,
    UpdateDate,
    Dating,
}

/// A facet value and how many hits have it; when counted from a sample, Count is the estimate and Margin the half-width
/// of its 95 % confidence interval (0 when every hit was counted).
public sealed record FacetValue(string Value, string Label, int Count, int Margin = 0);

/// Facets are counted over every hit up to ExactUpTo hits; above that, over the hits in a fixed random sample of the
/// index at a rate 1/2, 1/4… chosen so that between half of ExactUpTo and ExactUpTo hits are counted.
public sealed record FacetSampling(int ExactUpTo)
{
    public static readonly FacetSampling Default = new(10_000);

    /// Every hit is counted.
    public static readonly FacetSampling Never = new(int.MaxValue);

    /// The sample level for a number of hits: 0 counts them all, l counts about one in 2^l.
    public int LevelFor(int hits)
    {
        var level = 0;
        while (level < SampleLevels.Deepest && (hits >> level) > ExactUpTo)
            level++;
        return level;
    }
}

/// The hits facets were counted over: Sampled of the query's Of hits.
public sealed record FacetSample(int Sampled, int Of)
{
    /// Half-width of the 95 % confidence interval of a count estimated from `counted` sampled hits (a proportion of a
    /// sample drawn without replacement from the hits).
    public int MarginOf(int counted)
    {
        if (Sampled == 0 || Sampled >= Of)
            return 0;
        var p = (double)counted / Sampled;
        var finite = (double)(Of - Sampled) / Math.Max(1, Of - 1);
        return (int)Math.Ceiling(1.96 * Of * Math.Sqrt(p * (1 - p) / Sampled * finite));
    }

    /// A count of sampled hits scaled to all hits.
    public int Estimate(int counted) => (int)Math.Round((double)counted * Of / Sampled);
}

public sealed record SearchHit(Guid Key, string Culture, float Score, string Name, bool Published)
{
    /// Fragments of the item's text with the matched words in <mark>…</mark>.
    public IReadOnlyList<string> Highlights { get; init; } = [];
}

public enum SearchStatus
{
    Success,
    EmptyQuery,
    QueryTooLong,
    IndexNotReady,
    UnknownFacet,
}

public sealed record SearchResult(SearchStatus Status, int Total, IReadOnlyList<SearchHit> Items, string? Problem = null)
{
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();

    /// The sample facets were counted from; null when every hit was counted.
    public FacetSample? FacetSample { get; init; }

    public static SearchResult Fail(SearchStatus status, string problem) => new(status, 0, [], problem);
}
