namespace Archive.Search.Querying;

/// A structured query over the index, as the Delivery API's fetch, filter and sort options are
/// translated: every option names an index field and its values; nothing here is parsed from text.
public sealed record ContentQuery
{
    /// Documents of items with any of these values in the field (children, descendants, ancestors).
    public SelectorOption? Selector { get; init; }
    public IReadOnlyList<FilterOption> Filters { get; init; } = [];
    public IReadOnlyList<SortOption> Sorts { get; init; } = [];
    public string? Culture { get; init; }
    public bool Preview { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 10;
    /// Content types never returned (the Delivery API's disallowed types).
    public IReadOnlyCollection<string> ExcludedContentTypes { get; init; } = [];
    /// When not empty, only these content types are returned.
    public IReadOnlyCollection<string> AllowedContentTypes { get; init; } = [];
}

public sealed record SelectorOption(string Field, IReadOnlyList<string> Values);

public enum FilterOperation
{
    Is,
    IsNot,
    Contains,
    DoesNotContain,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// How a field's values compare: exact terms, whole-name "contains", or numbers of a width.
public enum FieldKind
{
    Term,
    Int32,
    Int64,
    Double,
}

public sealed record FilterOption(string Field, IReadOnlyList<string> Values, FilterOperation Operation, FieldKind Kind = FieldKind.Term);

public enum SortKind
{
    String,
    Int32,
    Int64,
    Double,
}

public sealed record SortOption(string Field, bool Descending, SortKind Kind);

public sealed record ContentQueryResult(int Total, IReadOnlyList<Guid> Keys);
