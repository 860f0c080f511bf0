using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Site;

/// The built scripts and styles under /site/: their names carry a hash of their content, so browsers keep them for a
/// year (`immutable`); sent Brotli- or gzip-compressed where the build made a compressed copy and the browser takes it.
public static class AssetFiles
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IResult Serve(HttpContext http, string file) => ServeFrom(http, http.RequestServices.GetRequiredService<SiteAssets>().Root, file, immutable: true);

    /// A built file under a folder (never outside it): kept for a year when its name is hashed (`immutable`), else
    /// asked for again each time (a service worker, an application shell).
    public static IResult ServeFrom(HttpContext http, string folder, string file, bool immutable)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, file));
        if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full) || full.EndsWith(".br", StringComparison.Ordinal) || full.EndsWith(".gz", StringComparison.Ordinal))
            return Results.NotFound();
        var type = Types.TryGetContentType(full, out var known) ? known : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal))
            type += "; charset=utf-8";
        http.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        http.Response.Headers.Vary = "Accept-Encoding";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        var accepted = http.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, extension) in new[] { ("br", ".br"), ("gzip", ".gz") })
            if (accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) && File.Exists(full + extension))
            {
                http.Response.Headers.ContentEncoding = encoding;
                return Results.File(full + extension, type);
            }
        return Results.File(full, type);
    }
}
