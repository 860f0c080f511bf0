using Archive.Kiosk.Bundles;
using Archive.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archive.Kiosk.Hosting;

/// The kiosk application at /kiosk/ and the API its screens use under /kiosk/api/: pairing by code, the bundle, the
/// update stream, heartbeats and use statistics. Everything but pairing needs the device cookie.
public static class KioskEndpoints
{
    public static IServiceCollection AddArchiveKiosks(this IServiceCollection services, IConfiguration configuration, KioskAssets assets)
    {
        services.Configure<KioskOptions>(configuration.GetSection(KioskOptions.Section));
        services.AddSingleton(assets);
        services.AddSingleton(s => new BundleBuilder(s.GetRequiredService<SiteServices>(), s.GetRequiredService<IOptions<KioskOptions>>().Value, s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<KioskBundles>();
        return services;
    }

    public static void MapArchiveKiosks(this IEndpointRouteBuilder app)
    {
        // Routing does not tell "/kiosk" from "/kiosk/": the shell answers the one, a redirect the other.
        app.MapGet("/kiosk", (HttpContext http, KioskAssets assets) =>
            http.Request.Path.Value!.EndsWith('/') ? Shell(http, assets, "index.html") : Results.Redirect("/kiosk/" + http.Request.QueryString, permanent: true));
        app.MapGet("/kiosk/sw.js", (HttpContext http, KioskAssets assets) =>
        {
            // The worker controls /kiosk/ and nothing else of the archive.
            http.Response.Headers["Service-Worker-Allowed"] = "/kiosk/";
            return Shell(http, assets, "sw.js");
        });
        app.MapGet("/kiosk/manifest.webmanifest", (HttpContext http, KioskAssets assets) => Shell(http, assets, "manifest.webmanifest"));
        app.MapGet("/kiosk/app/{**file}", (HttpContext http, KioskAssets assets, string file) => AssetFiles.ServeFrom(http, Path.Combine(assets.Root, "app"), file, immutable: true));
        var api = app.MapGroup("/kiosk/api");
        api.MapPost("/pairing", Pairing.StartAsync);
        api.MapGet("/pairing", Pairing.CollectAsync);
        api.MapGet("/device", Screen.DeviceAsync);
        api.MapGet("/bundle", Screen.BundleAsync);
        api.MapGet("/events", Screen.EventsAsync);
        api.MapPost("/heartbeat", Screen.HeartbeatAsync);
        api.MapPost("/usage", Screen.UsageAsync);
    }

    private static IResult Shell(HttpContext http, KioskAssets assets, string file)
    {
        http.Response.Headers["X-Frame-Options"] = "DENY";
        return AssetFiles.ServeFrom(http, assets.Root, file, immutable: false);
    }
}
