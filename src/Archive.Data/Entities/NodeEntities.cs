namespace Archive.Data.Entities;

/// A content or media node: its place in the tree. Values live in its versions, where one is marked
/// the current draft and at most one the current published snapshot.
public sealed class NodeEntity
{
    public long Id { get; set; }
    public Guid Key { get; set; }
    public bool IsMedia { get; set; }
    public required string ContentTypeAlias { get; set; }
    public long? ParentId { get; set; }
    /// Ancestor ids and own id, comma-separated, root first ("1,5,42"), as Umbraco keeps it.
    public string Path { get; set; } = "";
    public int Level { get; set; }
    public int SortOrder { get; set; }
    public bool Trashed { get; set; }
    public DateTime? TrashedAt { get; set; }
    public DateTime CreateDate { get; set; }
    public DateTime UpdateDate { get; set; }
    public string CreatedBy { get; set; } = "system";
    public string UpdatedBy { get; set; } = "system";
    /// Incremented on every change; the optimistic concurrency token.
    public int Revision { get; set; }
    public Guid? TemplateKey { get; set; }
    public string? TemplateAlias { get; set; }
    public string? USyncFile { get; set; }
    /// The uSync XML this node was last imported from, to skip unchanged items.
    public string? USyncHash { get; set; }
}

/// Per culture ("" for invariant nodes): name and URL segment of the draft and of the published version.
public sealed class NodeCultureEntity
{
    public long NodeId { get; set; }
    public NodeEntity? Node { get; set; }
    public required string Culture { get; set; }
    public required string Name { get; set; }
    public required string UrlSegment { get; set; }
    public bool Published { get; set; }
    public string? PublishedName { get; set; }
    public string? PublishedUrlSegment { get; set; }
    public DateTime? PublishDate { get; set; }
    /// The draft differs from what is published in this culture.
    public bool Edited { get; set; }
}

public sealed class NodeVersionEntity
{
    public long Id { get; set; }
    public long NodeId { get; set; }
    public NodeEntity? Node { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "system";
    /// The engine's ContentData as one JSON document: names, segments and values by culture.
    public required string Data { get; set; }
    /// The current draft (exactly one per node).
    public bool IsDraft { get; set; }
    /// The current published snapshot (at most one per node): what the public sees.
    public bool IsPublished { get; set; }
    /// A snapshot taken on publish, as opposed to a saved draft.
    public bool IsPublishedSnapshot { get; set; }
    public string? Note { get; set; }
}

public sealed class ScheduleEntity
{
    public long Id { get; set; }
    public long NodeId { get; set; }
    public NodeEntity? Node { get; set; }
    /// "" for all cultures of an invariant node.
    public required string Culture { get; set; }
    public required string Action { get; set; }
    public DateTime Date { get; set; }
}

public sealed class AuditEntity
{
    public long Id { get; set; }
    public DateTime Timestamp { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public Guid? EntityKey { get; set; }
    public string? Cultures { get; set; }
    public string? Comment { get; set; }
}

/// An append-only log of changes. The published cache and the search index follow it, so every
/// process (and every server on the same database) sees every change, in order.
public sealed class ChangeLogEntity
{
    public long Id { get; set; }
    public DateTime Timestamp { get; set; }
    public required string EntityType { get; set; }
    public Guid Key { get; set; }
    public required string Change { get; set; }
    public string? Cultures { get; set; }
}

/// A route a published item used to have (Umbraco's URL tracking): requests for it are redirected to
/// the item's current route.
public sealed class RedirectUrlEntity
{
    public long Id { get; set; }
    public Guid ContentKey { get; set; }
    /// "" for invariant items.
    public required string Culture { get; set; }
    /// The root the path is relative to.
    public Guid RootKey { get; set; }
    /// The old path, lower-cased, without a trailing slash ("/blog/old-name").
    public required string Path { get; set; }
    public DateTime CreateDate { get; set; }
}

/// Values that must be unique within a scope (an accession number within its institution).
/// The database's unique index decides races between concurrent saves.
public sealed class UniqueValueEntity
{
    public Guid ScopeKey { get; set; }
    public required string Alias { get; set; }
    public required string Value { get; set; }
    public long NodeId { get; set; }
    public NodeEntity? Node { get; set; }
}
