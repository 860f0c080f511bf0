using Microsoft.Extensions.FileProviders;

namespace Archive.Web.Delivery;

/// The OpenAPI documents where Umbraco serves them, and an interactive reference page over them
/// (Swagger UI, from npm) at /umbraco/swagger and /umbraco/openapi.
public static class ApiReference
{
    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/umbraco/swagger/{documentName}/swagger.json");
        var assets = Locate(app.Services.GetRequiredService<Hosting.RepositoryPaths>());
        if (assets is not null)
            app.UseStaticFiles(new StaticFileOptions { RequestPath = "/umbraco/swagger/ui", FileProvider = new PhysicalFileProvider(assets) });
        foreach (var path in new[] { "/umbraco/swagger", "/umbraco/openapi" })
            app.MapGet(path, () => Results.Content(Page, "text/html; charset=utf-8")).ExcludeFromDescription();
    }

    /// Beside the binaries after a build; in the project's node_modules when run from elsewhere (tests).
    private static string? Locate(Hosting.RepositoryPaths paths) => new[]
    {
        Path.Combine(AppContext.BaseDirectory, "swagger-ui"),
        Path.Combine(paths.Resolve("src"), "Archive.Web", "node_modules", "swagger-ui-dist"),
    }.FirstOrDefault(p => File.Exists(Path.Combine(p, "swagger-ui-bundle.js")));

    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Archive API reference</title>
          <link rel="stylesheet" href="/umbraco/swagger/ui/swagger-ui.css">
        </head>
        <body>
          <nav style="font-family: sans-serif; padding: 8px 20px"><a href="?api=delivery">Content Delivery API</a> · <a href="?api=management">Management API</a></nav>
          <div id="reference"></div>
          <script src="/umbraco/swagger/ui/swagger-ui-bundle.js"></script>
          <script>
            const documents = {
              delivery: '/umbraco/swagger/delivery/swagger.json',
              management: '/umbraco/swagger/management/swagger.json',
            };
            window.ui = SwaggerUIBundle({
              dom_id: '#reference',
              url: documents[new URLSearchParams(location.search).get('api')] || documents.delivery,
              deepLinking: true,
            });
          </script>
        </body>
        </html>
        """;
}
