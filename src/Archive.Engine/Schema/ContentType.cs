namespace Archive.Engine.Schema;

public enum ContentTypeKind
{
    Document,
    Media,
    Member,
}

public sealed record PropertyType(
    Guid Key,
    string Alias,
    string Name,
    Guid? DataTypeKey,
    string EditorAlias,
    bool Mandatory,
    string? ValidationRegex,
    string? Description,
    int SortOrder,
    string? GroupAlias,
    Variation Variations,
    string? MandatoryMessage,
    string? ValidationRegexMessage,
    bool LabelOnTop,
    bool IsSensitive)
{
    /// Member types only: whether a member may edit or view the property.
    public bool MemberCanEdit { get; init; }
    public bool MemberCanView { get; init; }
}

/// Umbraco's per-type version clean-up settings; empty strings mean "inherit the global setting".
public sealed record HistoryCleanup(bool PreventCleanup = false, string KeepAllVersionsNewerThanDays = "", string KeepLatestVersionPerDayForDays = "");

public sealed record PropertyGroup(Guid Key, string Alias, string Caption, string Type, int SortOrder);

public sealed record ContentTypeReference(Guid Key, string Alias, int SortOrder = 0);

/// A document type, element type, composition or media type.
public sealed record ContentType
{
    public required Guid Key { get; init; }
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public ContentTypeKind Kind { get; init; } = ContentTypeKind.Document;
    public string Icon { get; init; } = "icon-document";
    public string? Thumbnail { get; init; } = "folder.png";
    public string? Description { get; init; }
    public bool AllowAtRoot { get; init; }
    public Guid? ListView { get; init; }
    public Variation Variations { get; init; } = Variation.Nothing;
    public bool IsElement { get; init; }
    public HistoryCleanup HistoryCleanup { get; init; } = new();
    public string? Folder { get; init; }
    public IReadOnlyList<ContentTypeReference> Compositions { get; init; } = [];
    public IReadOnlyList<ContentTypeReference> AllowedChildren { get; init; } = [];
    public string? DefaultTemplate { get; init; }
    public IReadOnlyList<ContentTypeReference> AllowedTemplates { get; init; } = [];
    public IReadOnlyList<PropertyType> Properties { get; init; } = [];
    public IReadOnlyList<PropertyGroup> Groups { get; init; } = [];

    public bool VariesByCulture => Variations.VariesByCulture();
}
