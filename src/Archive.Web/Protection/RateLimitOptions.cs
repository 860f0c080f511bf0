using System.ComponentModel.DataAnnotations;

namespace Archive.Web.Protection;

/// Per-client limits on the public channels (Delivery API, search, IIIF, media, OAI-PMH, kiosk shell, site). Off by
/// default (one machine on a museum's own network); when on, the defaults leave a polite crawler or harvester (one
/// request at a time) far below them. Each client has a bucket per channel, so a viewer's burst of tiles does not use
/// up its pages. The client is its address as the trusted proxies of Archive:ForwardedHeaders report it; IPv6 clients
/// are counted by their /64 network (one household or device, whatever addresses it rotates through).
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; }

    /// Requests a client may make per second, on average, on each channel.
    [Range(1, 100_000)]
    public int PermitsPerSecond { get; set; } = 20;

    /// How many it may make at once after a pause (a page's images, a viewer's tiles).
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 100;

    /// Other figures for some channels ("iiif", "media", "delivery", "search", "oai", "kiosk", "site").
    public Dictionary<string, ChannelLimit> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// Networks never limited (CIDR, "10.20.0.0/16"): a partner's harvester, monitoring.
    public List<string> ExemptNetworks { get; set; } = [];

    public (int PermitsPerSecond, int Burst) For(string channel) =>
        Channels.TryGetValue(channel, out var limit) ? (limit.PermitsPerSecond ?? PermitsPerSecond, limit.Burst ?? Burst) : (PermitsPerSecond, Burst);
}

public sealed class ChannelLimit
{
    [Range(1, 100_000)]
    public int? PermitsPerSecond { get; set; }

    [Range(1, 1_000_000)]
    public int? Burst { get; set; }
}
