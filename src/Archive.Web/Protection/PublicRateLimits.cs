using System.Net;
using System.Threading.RateLimiting;
using Archive.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Protection;

/// Token buckets per client and public channel (Archive:RateLimits). A request beyond its bucket is answered 429 with
/// Retry-After — 503 on OAI-PMH, the answer the protocol tells harvesters to wait on. Exempt: callers with the Delivery
/// API key, the configured networks, and paired kiosk screens (checked only when a bucket is empty, so a forged cookie
/// costs no database read while there are tokens).
public sealed class PublicRateLimits : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly IReadOnlyList<System.Net.IPNetwork> _exempt;
    private readonly PartitionedRateLimiter<(string Channel, string Client)> _limiter;

    public PublicRateLimits(RateLimitOptions options)
    {
        _options = options;
        _exempt = [.. options.ExemptNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network
            : throw new InvalidOperationException($"Archive:RateLimits:ExemptNetworks: '{n}' is not a network in CIDR notation (\"10.20.0.0/16\")."))];
        _limiter = PartitionedRateLimiter.Create<(string Channel, string Client), (string Channel, string Client)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k =>
            {
                var (permits, burst) = options.For(k.Channel);
                return new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                };
            }));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var channel = ApiChannel.Of(context.Request.Path);
        if (!ApiChannel.IsPublic(channel) || IsExempt(context))
        {
            await next(context);
            return;
        }
        using (var lease = _limiter.AttemptAcquire((channel, ClientOf(context.Connection.RemoteIpAddress))))
        {
            if (lease.IsAcquired || await IsPairedKioskAsync(context))
            {
                lease.Dispose();
                await next(context);
                return;
            }
            await RefuseAsync(context, channel, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
        }
    }

    /// The bucket a client fills: its IPv4 address, or the /64 network of its IPv6 one.
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private bool IsExempt(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } address && _exempt.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))
            return true;
        return context.Request.Headers.TryGetValue("Api-Key", out var key)
            && Delivery.DeliveryRequest.KeyMatches(key.ToString(), context.RequestServices.GetRequiredService<IOptions<Archive.Delivery.DeliveryApiSettings>>().Value.ApiKey);
    }

    private static async Task<bool> IsPairedKioskAsync(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Archive.Kiosk.Hosting.KioskCookies.Device, out var token)
        && context.RequestServices.GetService<Archive.Data.Kiosks.KioskDevices>() is { } devices
        && await devices.AuthenticateAsync(token, context.RequestAborted) is not null;

    private async Task RefuseAsync(HttpContext context, string channel, TimeSpan after)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
        Telemetry.HostMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("channel", channel));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        var (permits, burst) = _options.For(channel);
        var detail = $"More than {permits} requests a second (or {burst} at once) came from your address to the {channel} channel; try again in {seconds} s.";
        if (channel == ApiChannel.Oai)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail, context.RequestAborted);
            return;
        }
        await Results.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context);
    }

    public void Dispose() => _limiter.Dispose();
}

public static class PublicRateLimitsSetup
{
    public static IServiceCollection AddArchiveRateLimits(this IServiceCollection services, RateLimitOptions options) =>
        options.Enabled ? services.AddSingleton(new PublicRateLimits(options)) : services;

    public static IApplicationBuilder UseArchiveRateLimits(this IApplicationBuilder app, RateLimitOptions options)
    {
        if (!options.Enabled)
            return app;
        var limits = app.ApplicationServices.GetRequiredService<PublicRateLimits>();
        return app.Use((context, next) => limits.InvokeAsync(context, next));
    }
}
