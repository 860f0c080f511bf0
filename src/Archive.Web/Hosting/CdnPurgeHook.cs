using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Archive.Delivery.Cache;
using Microsoft.Extensions.Options;

namespace Archive.Web.Hosting;

/// Tells a CDN what to forget when items leave the public projection (made private, unpublished, trashed)
/// or lose the file they had: one POST per change to Archive:Cdn:PurgeUrl with the items' ids, the paths
/// that served them and the path prefixes of their derivatives and IIIF images. Retried with back-off;
/// a purge that still fails is logged, and Archive:Media:PublicMaxAge bounds how long the CDN keeps it.
public sealed class CdnPurgeHook(PublishedCache cache, IHttpClientFactory clients, IOptions<ArchiveOptions> options, ILogger<CdnPurgeHook> logger)
    : BackgroundService
{
    public const string ClientName = "cdn-purge";
    public const string SignatureHeader = "X-Archive-Signature";

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];
    private readonly Channel<PurgeRequest> _queue = Channel.CreateBounded<PurgeRequest>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// Purges waiting to be sent.
    public int Pending => _queue.Reader.Count;

    /// What one purge asks the CDN to forget.
    public sealed record PurgeRequest(string Event, IReadOnlyList<Guid> Ids, IReadOnlyList<string> Paths, IReadOnlyList<string> Prefixes);

    public static PurgeRequest Of(IEnumerable<PublishedNode> nodes)
    {
        var list = nodes.ToList();
        var paths = new List<string>();
        var prefixes = new List<string>();
        foreach (var node in list)
        {
            if (node.IsMedia)
            {
                paths.Add($"/umbraco/delivery/api/v2/media/item/{node.Key}");
                if (node.FilePath is { } file)
                {
                    paths.Add($"/media/{file}");
                    prefixes.Add($"/media/{file}?");
                }
                prefixes.Add($"/iiif/3/{node.Key}/");
            }
            else
            {
                paths.Add($"/umbraco/delivery/api/v2/content/item/{node.Key}");
                paths.Add($"/iiif/3/manifest/{node.Key}");
                paths.Add($"/iiif/3/collection/{node.Key}");
            }
        }
        return new PurgeRequest("withdrawn", list.Select(n => n.Key).ToList(), paths, prefixes);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Cdn.PurgeUrl is not null)
            cache.Withdrawn += OnWithdrawn;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        cache.Withdrawn -= OnWithdrawn;
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private void OnWithdrawn(IReadOnlyList<PublishedNode> nodes)
    {
        // The cache may withdraw thousands at once (a collection made private): purges of a bounded size.
        foreach (var chunk in nodes.Chunk(500))
            _queue.Writer.TryWrite(Of(chunk));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Cdn.PurgeUrl is not { } url)
            return;
        await foreach (var request in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                    message.Content.Headers.ContentType = new("application/json");
                    if (options.Value.Cdn.PurgeSecret is { Length: > 0 } secret)
                        message.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
                    using var response = await clients.CreateClient(ClientName).SendAsync(message, stoppingToken);
                    response.EnsureSuccessStatusCode();
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    if (attempt >= Backoff.Length)
                    {
                        logger.LogWarning(e, "The CDN purge of {Count} items failed {Attempts} times and was given up; the CDN keeps them until max-age runs out.", request.Ids.Count, attempt + 1);
                        break;
                    }
                    await Task.Delay(Backoff[attempt], stoppingToken);
                }
            }
        }
    }
}
