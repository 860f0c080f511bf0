using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Delivery.Cache;
using Archive.Harvesting.Records;
using Microsoft.AspNetCore.DataProtection;

namespace Archive.Harvesting.Oai;

/// What every verb answers from: the request, the harvest records, the published cache, the repository's settings.
public sealed partial record OaiContext(
    OaiRequest Request,
    ArchiveDbContext Db,
    PublishedCache Cache,
    HarvestingOptions Options,
    RecordLinks Links,
    string RepositoryIdentifier,
    IDataProtectionProvider Protection,
    DateTime Now)
{
    public const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";

    public string BaseUrl => Links.BaseUrl + "/oai";

    public string IdentifierOf(Guid key) => $"oai:{RepositoryIdentifier}:{key:D}";

    /// The key an identifier names, if it is one of this repository's.
    public Guid? KeyOf(string identifier)
    {
        var prefix = $"oai:{RepositoryIdentifier}:";
        return identifier.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParseExact(identifier[prefix.Length..], "D", out var key) ? key : null;
    }

    /// Whether the identifier namespace is a domain name, as the `oai-identifier` description requires.
    public bool HasDomainIdentifier => DomainName().IsMatch(RepositoryIdentifier);

    public static string Format(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")]
    private static partial Regex DomainName();
}
