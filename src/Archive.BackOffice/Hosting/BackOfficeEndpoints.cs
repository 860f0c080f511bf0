using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Archive.BackOffice.Hosting;

/// Umbraco's back office at /umbraco: the host page for the application's own URLs, and its files.
public static class BackOfficeEndpoints
{
    /// Where the application navigates by itself: its start, sections and workspaces (deep links, reloads),
    /// the page the sign-in returns to and the one sign-out lands on.
    private static readonly string[] AppRoutes = ["/umbraco", "/umbraco/section/{**rest}", "/umbraco/oauth_complete", "/umbraco/logout"];

    /// The routes a person opens; the other two are steps of signing in and out.
    private static readonly string[] OpenedRoutes = ["/umbraco", "/umbraco/section/{**rest}"];

    /// The files of the build: under this build's fingerprint (/umbraco/backoffice/{fingerprint}) kept by browsers
    /// for a year, as every address there always holds the same bytes; at /umbraco/backoffice itself (the
    /// stylesheets Umbraco's code names by that address) revalidated on every use (a 304 costs no body).
    public static IApplicationBuilder UseArchiveBackOfficeFiles(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetService<BackOfficeFiles>() is not { } files)
            return app;
        // The application's modules are text (about 11 MB of JavaScript): compressed on the way, these files
        // only — they hold no secrets, so compression over TLS gives nothing away.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(BackOfficeFiles.AssetsPath), branch => branch.UseResponseCompression());
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".mjs"] = "text/javascript";
        var provider = new PhysicalFileProvider(files.Assets);
        StaticFileOptions Served(string path, string cacheControl) => new()
        {
            RequestPath = path,
            FileProvider = provider,
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = cacheControl;
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        };
        app.UseStaticFiles(Served(files.Base, "public, max-age=31536000, immutable"));
        app.UseStaticFiles(Served(BackOfficeFiles.AssetsPath, "no-cache"));
        return app;
    }

    /// keepUserLoggedIn: Umbraco's setting of that name; opening: what the host does first (lets the
    /// back office's OAuth client return to this origin).
    public static IServiceCollection AddArchiveBackOfficeCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/javascript", "text/css", "application/json", "image/svg+xml"];
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        }).Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

    /// signInFirst: where to send someone who opens the back office with no session at all (the sign-in page,
    /// returning to the address they opened), or null: they go there at once instead of after the application
    /// has loaded only to find it has no session.
    public static void MapArchiveBackOffice(this IEndpointRouteBuilder app, Func<HttpContext, bool> keepUserLoggedIn, Func<HttpContext, Task> opening,
        Func<HttpContext, string?> signInFirst)
    {
        if (app.ServiceProvider.GetService<BackOfficeFiles>() is not { } files)
            return;
        foreach (var route in AppRoutes)
            app.MapGet(route, async (HttpContext context) =>
            {
                if (OpenedRoutes.Contains(route) && signInFirst(context) is { } signIn)
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Results.Redirect(signIn);
                }
                await opening(context);
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers["X-Frame-Options"] = "SAMEORIGIN";
                context.Response.Headers["Referrer-Policy"] = "same-origin";
                return Results.Content(BackOfficeHostPage.Render(files, keepUserLoggedIn(context)), "text/html; charset=utf-8");
            }).ExcludeFromDescription();
        // Umbraco's graphics (logo on the header and the sign-in pages): the archive's own mark, anonymous as in Umbraco.
        app.MapGet("/umbraco/management/api/v1/security/back-office/graphics/{name}", (string name) =>
            name is "logo" or "logo-alternative" or "login-logo" or "login-logo-alternative" or "login-background"
                ? Results.File(Path.Combine(files.Assets, "css", "archive-logo.svg"), "image/svg+xml")
                : Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
    }
}
