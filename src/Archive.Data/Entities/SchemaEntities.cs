namespace Archive.Data.Entities;

public sealed class LanguageEntity
{
    public required string IsoCode { get; set; }
    public required string Name { get; set; }
    public bool IsDefault { get; set; }
    public bool IsMandatory { get; set; }
    public string? FallbackIsoCode { get; set; }
    public Guid Key { get; set; }
    public string? USyncFile { get; set; }
}

/// Data types, content/media/member types and uninterpreted uSync items (templates, relation types…),
/// each kept as its engine definition (JSON; for uninterpreted items, their uSync XML).
public sealed class SchemaItemEntity
{
    public Guid Key { get; set; }
    public required string Kind { get; set; }
    public required string Alias { get; set; }
    public required string Definition { get; set; }
    public string? USyncFile { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class SchemaKinds
{
    public const string DataType = "DataType";
    public const string ContentType = "ContentType";
    public const string MediaType = "MediaType";
    public const string MemberType = "MemberType";
    public const string Opaque = "Opaque";
}

public sealed class DictionaryItemEntity
{
    public Guid Key { get; set; }
    public required string ItemKey { get; set; }
    public Guid? ParentKey { get; set; }
    /// culture → translation, as JSON.
    public required string Translations { get; set; }
    public string? USyncFile { get; set; }
}

public sealed class DomainEntity
{
    public Guid Key { get; set; }
    public required string Name { get; set; }
    public bool IsWildcard { get; set; }
    public required string Culture { get; set; }
    public Guid RootKey { get; set; }
    public int? SortOrder { get; set; }
    public string? USyncFile { get; set; }
}
