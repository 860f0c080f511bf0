using System.ComponentModel.DataAnnotations;

namespace Archive.Web.Delivery;

/// Archive:Delivery:Cache — how much of the items' rendered responses a node keeps (the rest are rendered on demand).
public sealed class DeliveryCacheOptions
{
    public const int DefaultMegabytes = 256;

    [Range(1, 1_000_000)]
    public int MaxMegabytes { get; set; } = DefaultMegabytes;

    /// Whether the published cache is kept on disk in the data folder, so that a restart reads it and catches up from
    /// the change log instead of reading the whole catalogue from the database (minutes at a million items).
    public bool KeepOnDisk { get; set; } = true;

    /// How often at most the cache is kept again while changes come (it is also kept at shutdown).
    [Range(1, 24 * 60)]
    public int KeepEveryMinutes { get; set; } = 5;
}
