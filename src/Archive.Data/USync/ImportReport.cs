namespace Archive.Data.USync;

public sealed class ImportReport
{
    public Dictionary<string, int> Created { get; } = [];
    public Dictionary<string, int> Updated { get; } = [];
    public Dictionary<string, int> Unchanged { get; } = [];
    public List<string> Warnings { get; } = [];
    /// Items in the database that the folder no longer has: reported, never deleted.
    public List<string> NotInFolder { get; } = [];
    /// uSync's deletion markers (<Empty Change="Delete"/>), reported for a curator to act on.
    public List<string> Removals { get; } = [];
    public bool SchemaChanged { get; set; }

    internal void Count(Dictionary<string, int> bucket, string kind, int by = 1) =>
        bucket[kind] = bucket.GetValueOrDefault(kind) + by;

    public int Total(Dictionary<string, int> bucket) => bucket.Values.Sum();

    public override string ToString()
    {
        static string Line(Dictionary<string, int> b) => b.Count == 0 ? "0" : string.Join(", ", b.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}"));
        return $"created: {Line(Created)}; updated: {Line(Updated)}; unchanged: {Line(Unchanged)}; warnings: {Warnings.Count}; not in folder: {NotInFolder.Count}";
    }
}

/// An import refused before anything was written: each problem names its file.
public sealed class USyncImportException(IReadOnlyList<string> problems)
    : Exception("The uSync import was refused; nothing was imported:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
