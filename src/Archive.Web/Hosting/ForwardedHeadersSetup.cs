using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Archive.Web.Hosting;

/// Behind a load balancer or TLS terminator: the client's address (rate limits) and scheme (Secure
/// cookies, absolute URLs) come from X-Forwarded-For and X-Forwarded-Proto, believed from the proxies
/// Archive:ForwardedHeaders names and no one else.
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddArchiveForwardedHeaders(this IServiceCollection services, ForwardedHeadersSettings settings)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: the loopback defaults would let anyone on the machine pose as one.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.KnownNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    public static IApplicationBuilder UseArchiveForwardedHeaders(this IApplicationBuilder app, ForwardedHeadersSettings settings) =>
        settings.Enabled ? app.UseForwardedHeaders() : app;
}
