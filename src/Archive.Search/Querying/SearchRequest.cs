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
}

public sealed record SearchHit(Guid Key, string Culture, float Score, string Name, bool Published);

public enum SearchStatus
{
    Success,
    EmptyQuery,
    QueryTooLong,
    IndexNotReady,
}

public sealed record SearchResult(SearchStatus Status, int Total, IReadOnlyList<SearchHit> Items, string? Problem = null)
{
    public static SearchResult Fail(SearchStatus status, string problem) => new(status, 0, [], problem);
}
