namespace Archive.Engine.USync;

public sealed record ScheduleEntry(string? Culture, string Action, DateTime Date);

/// A Content or Media item as uSync holds it. Values are the stored strings, culture "" for invariant.
public sealed record USyncNode
{
    public required Guid Key { get; init; }
    public required bool IsMedia { get; init; }
    public required string Name { get; init; }
    public required string ContentTypeAlias { get; init; }
    public Guid ParentKey { get; init; }
    public string ParentName { get; init; } = "";
    public string Path { get; init; } = "";
    public int Level { get; init; } = 1;
    public int SortOrder { get; init; }
    public bool Trashed { get; init; }
    public DateTime CreateDate { get; init; }
    /// culture → name, for culture-variant items; empty for invariant ones.
    public IReadOnlyDictionary<string, string> CultureNames { get; init; } = new Dictionary<string, string>();
    public bool PublishedDefault { get; init; }
    public IReadOnlyDictionary<string, bool> PublishedCultures { get; init; } = new Dictionary<string, bool>();
    public IReadOnlyList<ScheduleEntry> Schedule { get; init; } = [];
    public Guid? TemplateKey { get; init; }
    public string? TemplateAlias { get; init; }
    /// alias → (culture or "") → stored value, in file order.
    public IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> Values { get; init; } =
        new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>();
}
