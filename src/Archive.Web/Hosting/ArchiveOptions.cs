using System.ComponentModel.DataAnnotations;

namespace Archive.Web.Hosting;

public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// Folder for the SQLite file, the search index and caches; relative to the repository root.
    [Required]
    public string DataPath { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();
    public USyncOptions USync { get; set; } = new();
    public MediaOptions Media { get; set; } = new();
    public SearchOptions Search { get; set; } = new();
    public ManagementOptions Management { get; set; } = new();
    public DataProtectionOptions DataProtection { get; set; } = new();
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
    public CdnOptions Cdn { get; set; } = new();
    public MapOptions Maps { get; set; } = new();
    public ClusterOptions Cluster { get; set; } = new();
    public BackupOptions Backup { get; set; } = new();
    public Protection.RateLimitOptions RateLimits { get; set; } = new();
    public Telemetry.TelemetryOptions Telemetry { get; set; } = new();
    public DeliveryOptions Delivery { get; set; } = new();

    /// Base for absolute URLs (IIIF ids); when empty, taken from the request.
    public string? PublicBaseUrl { get; set; }
}

/// Several identical nodes behind a load balancer, sharing the PostgreSQL database and the media store; each keeps its
/// own search index and published cache, following the change log.
public sealed class ClusterOptions
{
    /// This node is one of several: the database holds the schema (the uSync folder seeds an empty one only), and each
    /// answer names the node that gave it (X-Archive-Node). Needs PostgreSQL.
    public bool Enabled { get; set; }

    /// The node's name in logs, readiness and X-Archive-Node; the machine's name when empty.
    public string? NodeName { get; set; }

    /// How far (in seconds) a node may fall behind the change log before readiness says it is not ready.
    [Range(1, 3600)]
    public int MaxLagSeconds { get; set; } = 30;

    public string EffectiveNodeName => string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName;
}

public sealed class DeliveryOptions
{
    public Delivery.DeliveryCacheOptions Cache { get; set; } = new();
}

public sealed class BackupOptions
{
    /// The folder of PostgreSQL's pg_dump and pg_restore; the newest under /usr/lib/postgresql, else the PATH's, when empty.
    public string? PostgreSqlBin { get; set; }
}

public sealed class DatabaseOptions
{
    [RegularExpression("^(Sqlite|PostgreSQL)$", ErrorMessage = "Archive:Database:Provider must be Sqlite or PostgreSQL.")]
    public string Provider { get; set; } = "Sqlite";
}

public sealed class USyncOptions
{
    /// A uSync version folder (the one holding usync.config).
    public string Folder { get; set; } = "uSync/v17";
    /// Where the media binaries of imported Media items are read from.
    public string MediaFolder { get; set; } = "media";
    /// Import the schema when it changed, and content into an empty database, at start-up.
    public bool ImportOnStartup { get; set; } = true;
    /// Whether the start-up import includes content and media.
    public bool ImportContent { get; set; } = true;
    /// Write schema changes made through the Management API back to the folder (uSync's export on save).
    public bool ExportOnSave { get; set; } = true;
}

/// How the keys that protect cookies and tokens are kept at rest (in the data folder's "keys").
public sealed class DataProtectionOptions
{
    /// A PKCS#12 certificate (.pfx) whose key encrypts the key ring; without one the keys are stored unencrypted,
    /// protected only by the folder's permissions.
    public string? CertificatePath { get; set; }
    /// Its password (keep it out of the repository: environment or secret store).
    public string? CertificatePassword { get; set; }
}

/// The proxies (a load balancer, a TLS terminator) whose X-Forwarded-For and X-Forwarded-Proto headers
/// are believed: the client's address and scheme come from them only. None by default: the headers are ignored.
public sealed class ForwardedHeadersSettings
{
    /// Proxy addresses ("10.0.0.4").
    public List<string> KnownProxies { get; set; } = [];
    /// Proxy networks in CIDR notation ("10.0.0.0/24").
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// A CDN (or any shared cache) in front of the archive: told at once what it must forget when items leave
/// the public projection, so a record turned private is gone from it without waiting for max-age.
public sealed class CdnOptions
{
    /// Where the archive POSTs each purge (JSON: ids, paths and path prefixes); none by default.
    public Uri? PurgeUrl { get; set; }
    /// Signs each purge body (HMAC-SHA256, hex, in X-Archive-Signature: sha256=…) so the receiver can trust it.
    public string? PurgeSecret { get; set; }
}

/// The map tiles editors and pages draw places on. None by default: the archive fetches nothing from the
/// internet on its own, and every coordinate stays editable as numbers without a map.
public sealed class MapOptions
{
    /// A tile URL template with {z}, {x} and {y} ("https://tile.openstreetmap.org/{z}/{x}/{y}.png").
    public string? TileUrl { get; set; }
    /// The attribution the tile provider asks for, as plain text ("© OpenStreetMap contributors").
    public string? Attribution { get; set; }
    public int MaxZoom { get; set; } = 18;

    public bool Configured => TileUrl is { } url && url.Contains("{z}") && url.Contains("{x}") && url.Contains("{y}") &&
        (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith('/'));
}

public sealed class ManagementOptions
{
    /// Sign-in and token requests accepted per client address per minute.
    [Range(1, 100_000)]
    public int SignInPermitsPerMinute { get; set; } = 10;
}

public sealed class SearchOptions
{
    /// Items indexed between the checkpoints of a rebuild; a rebuild cut short resumes after the last one.
    [Range(100, 1_000_000)]
    public int CheckpointEvery { get; set; } = 5000;

    /// Facets are counted over every hit up to this many; above, over a fixed random sample of between half and all of
    /// this many, the counts estimated with their margins.
    [Range(1, int.MaxValue)]
    public int FacetsExactUpTo { get; set; } = 10_000;
}

public sealed class MediaOptions
{
    [RegularExpression("^(FileSystem|AzureBlob)$", ErrorMessage = "Archive:Media:Store must be FileSystem or AzureBlob.")]
    public string Store { get; set; } = "FileSystem";
    public string RootPath { get; set; } = "media";
    public AzureBlobOptions AzureBlob { get; set; } = new();
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 1L << 30;
    /// Widths and heights an unsigned image URL may ask for (beside the schema's crops and the presets);
    /// a configured list replaces the defaults. Signed URLs may ask any size.
    public List<int>? AllowedSizes { get; set; }
    /// The most the derivative cache ("_cache/" in the store) may hold; the least recently used go first.
    [Range(1, int.MaxValue)]
    public int DerivativeCacheMegabytes { get; set; } = 20_480;
    /// With a remote store (Azure Blob Storage): the most this node's copies of derivatives and tiles may hold on its disk.
    [Range(1, int.MaxValue)]
    public int NodeCopiesMegabytes { get; set; } = 2_048;
    /// Derivatives made in the background for every image (ImageSharp.Web query strings), so the
    /// sizes visitors and kiosks ask for most are ready before anyone asks. A configured list replaces
    /// the defaults (the binder would add to a list it found filled); empty entries are skipped, so a
    /// single empty one turns presets off.
    public List<string>? Presets { get; set; }

    /// How long browsers and shared caches may keep a media file, derivative or IIIF image without asking
    /// again (at most Umbraco's Imaging:Cache:BrowserMaxAge). Short because a record can be made private at
    /// any time; asking again is a 304 that reads nothing from storage.
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan PublicMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    public static readonly IReadOnlyList<string> DefaultPresets = ["width=400&height=400&mode=crop&format=webp", "width=1200&format=webp", "width=1920&height=1080&mode=max&format=jpg"];

    public IEnumerable<string> EffectivePresets => (Presets ?? [.. DefaultPresets]).Where(p => !string.IsNullOrWhiteSpace(p));
}

public sealed class AzureBlobOptions
{
    /// A storage connection string (keep it out of the repository: environment or secret store).
    public string? ConnectionString { get; set; }
    /// Or an account URL that carries its own authorisation (a SAS token).
    public Uri? ServiceUri { get; set; }
    public string Container { get; set; } = "media";
}
