namespace Archive.Web.Telemetry;

/// Metrics, traces and logs for operators (Archive:Telemetry). Nothing is exported unless configured: the embedded
/// run writes readable text logs and opens no port beyond its own.
public sealed class TelemetryOptions
{
    /// Where Prometheus scrapes this node's metrics ("http://127.0.0.1:9464/metrics"). A listener of its own, never the
    /// public port: keep it on a private interface or network.
    public string? PrometheusUrl { get; set; }

    public Uri? Prometheus => string.IsNullOrWhiteSpace(PrometheusUrl) ? null
        : Uri.TryCreate(PrometheusUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp ? url
        : throw new InvalidOperationException($"Archive:Telemetry:PrometheusUrl must be an http URL (\"http://127.0.0.1:9464/metrics\"), not '{PrometheusUrl}'.");

    /// An OpenTelemetry collector (OTLP over gRPC, "http://collector:4317"): traces, metrics and logs are sent there.
    /// OTEL_EXPORTER_OTLP_ENDPOINT does the same.
    public Uri? OtlpEndpoint { get; set; }

    /// "text" (readable, the default) or "json": one JSON object per line, with the node's name, for log collectors.
    public string LogFormat { get; set; } = "text";

    public bool ExportsOtlp => OtlpEndpoint is not null || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));

    public bool Enabled => Prometheus is not null || ExportsOtlp;
}
