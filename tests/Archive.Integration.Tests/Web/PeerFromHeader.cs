using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Web;

/// The test server has no network peer: a test-only header (X-Test-Peer) plays the address a request comes from, so
/// tests can send requests from a trusted proxy and from anyone else.
public sealed class PeerFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void AddTo(IWebHostBuilder builder) => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return following(context);
        });
        next(app);
    };
}
