namespace Archive.Harvesting;

/// `Archive:Oai`: how the repository presents itself to harvesters.
public sealed class HarvestingOptions
{
    public const string Section = "Archive:Oai";

    public bool Enabled { get; set; } = true;
    public string RepositoryName { get; set; } = "Archive: museum and ethnographic collections of Kazakhstan";
    /// The `oai-identifier` namespace (a domain name the institution controls); identifiers are `oai:{it}:{key}`.
    /// Without it, the host of `Archive:PublicBaseUrl`, else of the request.
    public string? RepositoryIdentifier { get; set; }
    public List<string> AdminEmails { get; set; } = ["archive@archive.invalid"];
    /// Records (or headers) per page of a list.
    public int PageSize { get; set; } = 100;
    /// How long a resumption token stays good.
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
