using System.Threading.RateLimiting;
using Archive.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Management.Security;

/// Secret guessing at the token endpoint, slowed per client address like the sign-in itself. Refresh grants
/// are not counted: the back office makes one on every page load, and a museum's curators share an address.
public static class TokenEndpointLimits
{
    /// Before OpenIddict checks a client's secret or a code: a guess refused there must have been counted here.
    /// The form is read once and kept, so the token endpoint reads the same one.
    public static IApplicationBuilder UseTokenEndpointLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(ManagementSecurity.TokenPath, StringComparison.OrdinalIgnoreCase)
            && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form["grant_type"] != "refresh_token" && !await context.RequestServices.GetRequiredService<SignInLimits>().TryAcquireAsync(context))
            {
                context.Response.Headers.RetryAfter = "60";
                await Results.Problem("Too many sign-in attempts from this address; wait a minute.", statusCode: 429, title: "Too many requests").ExecuteAsync(context);
                return;
            }
        }
        await next();
    });
}

/// The token endpoint's budget of attempts per client address and minute (Archive:Management:SignInPermitsPerMinute).
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
