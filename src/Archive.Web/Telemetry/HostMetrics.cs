using System.Diagnostics.Metrics;

namespace Archive.Web.Telemetry;

/// The host's counters (the state it reports as gauges is in ArchiveGauges). Every meter of the archive is named
/// "Archive.*", which is what the exporters listen to.
public static class HostMetrics
{
    public const string MeterName = "Archive.Web";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("archive.rate_limit.rejections", "{request}",
        "Requests refused by the public rate limits, by channel.");

    public static readonly Counter<long> OutputCacheLookups = Meter.CreateCounter<long>("archive.output_cache.lookups", "{lookup}",
        "Answers looked for in the output cache (Delivery API, search, site pages), by result: hit or miss.");
}
