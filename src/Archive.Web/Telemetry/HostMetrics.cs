using System.Diagnostics.Metrics;

namespace Archive.Web.Telemetry;

/// The host's own instruments (those of the engine's parts live beside them, in meters named "Archive.*").
public static class HostMetrics
{
    public const string MeterName = "Archive.Web";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("archive.rate_limit.rejections", "{request}",
        "Requests refused by the public rate limits, by channel.");
}
