using System.ComponentModel.DataAnnotations;

namespace Archive.Web.Delivery;

/// Archive:Delivery:Cache — how much of the items' rendered responses a node keeps (the rest are rendered on demand).
public sealed class DeliveryCacheOptions
{
    public const int DefaultMegabytes = 256;

    [Range(1, 1_000_000)]
    public int MaxMegabytes { get; set; } = DefaultMegabytes;
}
