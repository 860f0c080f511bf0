using System.Threading.RateLimiting;
using Archive.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Management.Security;

/// Secret guessing at the token endpoint, slowed per client address like the sign-in itself. Refresh grants
/// are not counted: the back office makes one on every page load, and a museum's curators share an address.
public sealed class SignInLimits(IOptions<ArchiveOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.Management.SignInPermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public async Task<bool> TryAcquireAsync(HttpContext context)
    {
        using var lease = await _limiter.AcquireAsync(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", 1, context.RequestAborted);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
