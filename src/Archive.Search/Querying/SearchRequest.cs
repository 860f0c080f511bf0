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

public sealed record FacetValue(string Value, string Label, int Count);

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

    public static SearchResult Fail(SearchStatus status, string problem) => new(status, 0, [], problem);
}
