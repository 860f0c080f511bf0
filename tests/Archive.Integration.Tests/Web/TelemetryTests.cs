using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Archive.Web.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Archive.Integration.Tests.Web;

/// What an operator sees: a Prometheus listener on a port of its own (never the public one) with request rates and
/// latencies per channel, the output cache's hits and misses, rate-limit rejections, the change log's lag, the search
/// index, the published cache and the background queues; and log lines as JSON naming the node.
public sealed class TelemetryTests(TelemetryTests.Host host) : IClassFixture<TelemetryTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public int MetricsPort { get; } = FreePort();

        public Host()
        {
            Settings["Archive:Telemetry:PrometheusUrl"] = $"http://127.0.0.1:{MetricsPort}/metrics";
            Settings["Archive:RateLimits:Enabled"] = "true";
            Settings["Archive:RateLimits:Burst"] = "3";
            Settings["Archive:RateLimits:PermitsPerSecond"] = "1";
        }

        public async Task InitializeAsync() => await ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    [Fact]
    public async Task Prometheus_scrapes_a_port_of_its_own_with_requests_per_channel_caches_limits_lag_index_and_queues()
    {
        var client = host.CreateClient();
        // Past the burst of 3 at once (one token a second comes back, so a slow machine still goes past it).
        for (var i = 0; i < 30; i++)
            await client.GetAsync("/umbraco/delivery/api/v2/content?take=1");
        // The public port has no metrics.
        var publicMetrics = await client.GetAsync("/metrics");
        Assert.DoesNotContain("archive_changelog", await publicMetrics.Content.ReadAsStringAsync());

        using var scraper = new HttpClient();
        var text = "";
        // The listener collects on request; the gauges and counters are there at the first scrape.
        for (var attempt = 0; attempt < 20 && !text.Contains("archive_rate_limit_rejections"); attempt++, await Task.Delay(250))
            text = await scraper.GetStringAsync($"http://127.0.0.1:{host.MetricsPort}/metrics");
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("archive_channel=\"delivery\""));
        Assert.Contains(lines, l => l.StartsWith("archive_output_cache_lookups_total{", StringComparison.Ordinal) && l.Contains("result=\"hit\""));
        Assert.Contains(lines, l => l.StartsWith("archive_output_cache_lookups_total{", StringComparison.Ordinal) && l.Contains("result=\"miss\""));
        Assert.Contains(lines, l => l.StartsWith("archive_rate_limit_rejections_total{", StringComparison.Ordinal) && l.Contains("channel=\"delivery\""));
        Assert.Contains(lines, l => l.StartsWith("archive_changelog_lag_seconds", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("archive_changelog_position", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("archive_search_index_documents{", StringComparison.Ordinal) && Value(l) > 100);
        Assert.Contains(lines, l => l.StartsWith("archive_search_index_size_bytes{", StringComparison.Ordinal) && Value(l) > 0);
        Assert.Contains(lines, l => l.StartsWith("archive_published_cache_items", StringComparison.Ordinal) && Value(l) > 100);
        Assert.Contains(lines, l => l.StartsWith("archive_queue_depth{", StringComparison.Ordinal) && l.Contains("queue=\"image_processing\""));
        Assert.Contains(lines, l => l.StartsWith("archive_cluster_leader", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("target_info{", StringComparison.Ordinal) && l.Contains("service_name=\"archive\""));
    }

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_JSON_log_line_names_the_node_the_message_its_template_values_and_exception()
    {
        var formatter = new JsonLogFormatter(new Monitor(new JsonLogFormatterOptions { Node = "node2" }));
        IReadOnlyList<KeyValuePair<string, object?>> state =
        [
            new("Count", 3),
            new("Kiosk", "Hall \"A\""),
            new("{OriginalFormat}", "Undid {Count} imports for {Kiosk}"),
        ];
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(LogLevel.Warning, "Archive.Web.Cluster.LeaderSweeps", new EventId(7), state,
            new InvalidOperationException("gone"), (_, _) => "Undid 3 imports for Hall \"A\"");
        using var output = new StringWriter();
        formatter.Write(entry, null, output);
        var line = output.ToString();
        Assert.Single(line.TrimEnd('\n').Split('\n'));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("node2", json.GetProperty("node").GetString());
        Assert.Equal("Warning", json.GetProperty("level").GetString());
        Assert.Equal("Archive.Web.Cluster.LeaderSweeps", json.GetProperty("category").GetString());
        Assert.Equal("Undid 3 imports for Hall \"A\"", json.GetProperty("message").GetString());
        Assert.Equal("Undid {Count} imports for {Kiosk}", json.GetProperty("template").GetString());
        Assert.Equal(3, json.GetProperty("Count").GetInt32());
        Assert.Equal("Hall \"A\"", json.GetProperty("Kiosk").GetString());
        Assert.Contains("gone", json.GetProperty("exception").GetString());
    }

    private sealed class Monitor(JsonLogFormatterOptions value) : IOptionsMonitor<JsonLogFormatterOptions>
    {
        public JsonLogFormatterOptions CurrentValue => value;

        public JsonLogFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<JsonLogFormatterOptions, string?> listener) => null;
    }
}
