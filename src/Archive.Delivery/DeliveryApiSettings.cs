namespace Archive.Delivery;

/// Umbraco's `Umbraco:CMS:DeliveryApi` settings, with the same names and defaults.
public sealed class DeliveryApiSettings
{
    public const string Section = "Umbraco:CMS:DeliveryApi";

    public bool Enabled { get; set; }
    public bool PublicAccess { get; set; } = true;
    public string? ApiKey { get; set; }
    public string[] DisallowedContentTypeAliases { get; set; } = [];
    public string[] AllowedContentTypeAliases { get; set; } = [];
    public bool RichTextOutputAsJson { get; set; }
    public MediaSettings Media { get; set; } = new();
    public OutputCacheSettings OutputCache { get; set; } = new();

    /// The largest `take` a query may ask for (Umbraco has none; Archive caps it).
    public const int MaxTake = 1000;

    public sealed class MediaSettings
    {
        public bool Enabled { get; set; }
        public bool PublicAccess { get; set; } = true;
    }

    public sealed class OutputCacheSettings
    {
        public bool Enabled { get; set; }
        public TimeSpan ContentDuration { get; set; } = TimeSpan.FromMinutes(1);
        public TimeSpan MediaDuration { get; set; } = TimeSpan.FromMinutes(1);
    }

    /// Whether items of a content type may be served at all.
    public bool IsAllowed(string contentTypeAlias) =>
        AllowedContentTypeAliases.Length > 0
            ? AllowedContentTypeAliases.Contains(contentTypeAlias, StringComparer.OrdinalIgnoreCase)
            : !DisallowedContentTypeAliases.Contains(contentTypeAlias, StringComparer.OrdinalIgnoreCase);
}
