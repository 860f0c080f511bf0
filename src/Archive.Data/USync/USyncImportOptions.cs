namespace Archive.Data.USync;

public sealed record USyncImportOptions
{
    public bool Schema { get; init; } = true;
    public bool Content { get; init; } = true;
    /// Where media binaries named by Media items are read from (a site's wwwroot/media).
    public string? MediaFolder { get; init; }
    public int BatchSize { get; init; } = 2000;
}

public sealed record ImportProgress(string Stage, int Done, int Total);
