using System.Net;
using System.Text.Json;

namespace Archive.Integration.Tests.Cluster;

/// What an operator watching the cluster sees: each node's metrics on its own port, naming the node, with one leader
/// among them and each node's change-log lag; nothing of it through the load balancer; log lines naming their node.
public sealed partial class ClusterTests
{
    [Fact]
    public async Task Each_node_is_scraped_on_its_own_port_one_reports_leading_and_its_log_lines_name_it()
    {
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var leaders = await PollAsync(async () =>
        {
            var count = 0;
            for (var i = 1; i <= ClusterFixture.Nodes; i++)
            {
                var lines = (await scraper.GetStringAsync(cluster.Metrics(i))).Split('\n');
                Assert.Contains(lines, l => l.StartsWith("target_info{", StringComparison.Ordinal) && l.Contains($"service_instance_id=\"node{i}\""));
                Assert.Contains(lines, l => l.StartsWith("archive_changelog_lag_seconds", StringComparison.Ordinal));
                count += lines.Count(l => l.StartsWith("archive_cluster_leader", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
            }
            return count == 1 ? count : (int?)null;
        });
        Assert.Equal(1, leaders);

        using var balancer = cluster.Client();
        var through = await balancer.GetAsync("/metrics");
        Assert.DoesNotContain("archive_changelog", await through.Content.ReadAsStringAsync());

        for (var i = 1; i <= ClusterFixture.Nodes; i++)
        {
            string[] lines;
            using (var log = new FileStream(cluster.LogOf(i), FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(log))
                lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var entries = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal($"node{i}", e.GetProperty("node").GetString()));
        }
    }
}
