using System.Security.Claims;
using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Document;

/// GET /document/{id}/published: the version the public sees, so the back office can mark pending changes.
public static class PublishedDocumentEndpoints
{
    public static void MapPublishedDocument(this RouteGroupBuilder api) =>
        api.MapGet("document/{id:guid}/published", async (Guid id, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct) =>
        {
            var caller = Caller.From(principal);
            if (await DocumentEndpoints.LoadAsync(db, id, ct) is not { } item)
                return ManagementRequests.Problem(404, "Not found", $"No document with id {id}.");
            if (!caller.Reaches(item.PathKeys))
                return ManagementRequests.Forbidden("This document is outside the collections granted to you.");
            var published = await db.NodeVersions.AsNoTracking().Where(v => v.NodeId == item.Node.Id && v.IsPublished).Select(v => v.Data).FirstOrDefaultAsync(ct);
            if (published is null)
                return ManagementRequests.Problem(404, "Not published", $"Document {id} has no published version.");
            var cultures = item.Cultures.Where(c => c.Published).ToList();
            return Results.Ok(await DocumentEndpoints.ResponseAsync(db, schemas, item with { Draft = ContentData.FromJson(published), Cultures = cultures }, caller, ct));
        }).WithName("GetDocumentByIdPublished").WithTags("Document");
}
