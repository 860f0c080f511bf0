using Archive.BackOffice.Hosting;
using Archive.Data;
using Archive.Data.Schema;

namespace Archive.Web.Management.Manifest;

/// Umbraco's package manifests: the back office loads its extensions from them. Archive's own package
/// (its property editors, review actions and dashboards) is given to signed-in people only.
public static class ManifestEndpoints
{
    public sealed record ManifestResponseModel(string Name, string? Id, string? Version, IReadOnlyList<object> Extensions);

    public static void MapManifestAnonymous(this IEndpointRouteBuilder app) =>
        app.MapGet(ManagementSecurity.Root + "/manifest/manifest/public", () => Results.Ok(Array.Empty<ManifestResponseModel>()))
            .AllowAnonymous().WithGroupName(ManagementOpenApi.DocumentName).WithTags("Manifest").WithName("GetManifestManifestPublic").DescribeContracts();

    public static void MapManifests(this RouteGroupBuilder api)
    {
        api.MapGet("manifest/manifest/private", ArchiveAsync).WithName("GetManifestManifestPrivate").WithTags("Manifest");
        api.MapGet("manifest/manifest", ArchiveAsync).WithName("GetManifestManifest").WithTags("Manifest");
    }

    private static async Task<IResult> ArchiveAsync(IServiceProvider services, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct)
    {
        if (services.GetService<BackOfficeFiles>() is not { } files)
            return Results.Ok(Array.Empty<ManifestResponseModel>());
        var schema = await schemas.GetAsync(db, ct);
        return Results.Ok(new[]
        {
            new ManifestResponseModel("Archive", "Archive.BackOffice", files.Version, [
                new { type = "backofficeEntryPoint", alias = "Archive.EntryPoint", name = "Archive", js = files.Base + "/archive/index.js" },
                .. DictionaryLocalizations.Of(schema),
            ]),
        });
    }
}
