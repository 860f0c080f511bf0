using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Spreadsheets.Exporting;
using Archive.Spreadsheets.Importing;
using Archive.Spreadsheets.Mapping;
using Archive.Spreadsheets.Reading;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Archive.Web.Management.Spreadsheets;

/// A spreadsheet to catalogue: the temporary files of the sheet and (optionally) of a folder of images zipped, the
/// collection, a mapping (else the collection's saved one, else the headers) and whether to keep it.
public sealed record SpreadsheetImportRequestModel(Guid File, Guid? Media, Guid Collection, JsonObject? Mapping, bool SaveMapping);

public sealed record ImportBatchResponseModel(Guid Id, Guid Collection, string FileName, string State, int Total, int Processed, int Created, int Updated,
    string StartedBy, DateTime StartedAt, DateTime? FinishedAt, string? Error);

/// Archive's own: spreadsheet cataloguing. Writers (within their grants) run a dry run, import as drafts — a batch whose
/// progress is a resource — and undo it; everyone signed in exports a collection (private fields for those who read them).
public static class SpreadsheetEndpoints
{
    public static void MapSpreadsheets(this RouteGroupBuilder api)
    {
        var sheets = api.MapGroup("archive/spreadsheet").WithTags("Archive");
        sheets.MapPost("dry-run", DryRunAsync).RequireAuthorization(ManagementPolicies.Writer).WithName("PostArchiveSpreadsheetDryRun");
        sheets.MapPost("import", ImportAsync).RequireAuthorization(ManagementPolicies.Writer).WithName("PostArchiveSpreadsheetImport");
        sheets.MapGet("import/{id:guid}", BatchAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveSpreadsheetImportById");
        sheets.MapPost("import/{id:guid}/undo", UndoAsync).RequireAuthorization(ManagementPolicies.Writer).WithName("PostArchiveSpreadsheetImportByIdUndo");
        sheets.MapGet("mapping/{collection:guid}", MappingAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveSpreadsheetMappingByCollection");
        api.MapGet("archive/collection/{id:guid}/export", ExportAsync).RequireAuthorization(ManagementPolicies.Signed).WithTags("Archive").WithName("GetArchiveCollectionByIdExport");
    }

    private static async Task<(ImportRequest? Request, bool SaveMapping, IResult? Problem)> RequestAsync(HttpContext context, ArchiveDbContext db, TemporaryFiles files,
        IOptions<ArchiveOptions> options, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<SpreadsheetImportRequestModel>(context);
        if (body is null)
            return (null, false, problem);
        var caller = Caller.From(context.User);
        if (await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == body.Collection && !n.IsMedia && !n.Trashed, ct) is not { ContentTypeAlias: "collection" or "institution" } collection)
            return (null, false, ManagementRequests.Invalid("$.collection", "There is no collection or institution with this key."));
        if (!caller.Reaches(await Caller.PathKeysAsync(db, collection.Path, ct)))
            return (null, false, ManagementRequests.Forbidden("The collection is outside your institutions and collections."));
        if (await files.FindAsync(body.File, caller.Id, ct) is not { } sheet)
            return (null, false, ManagementRequests.Invalid("$.file", "There is no temporary file of yours with this id (they last an hour)."));
        string? media = null;
        if (body.Media is { } mediaId)
        {
            if (await files.FindAsync(mediaId, caller.Id, ct) is not { } zip)
                return (null, false, ManagementRequests.Invalid("$.media", "There is no temporary file of yours with this id (they last an hour)."));
            media = zip.Path;
        }
        ColumnMapping? mapping = null;
        if (body.Mapping is { } json)
        {
            try
            {
                mapping = ColumnMapping.Parse(json.ToJsonString());
            }
            catch (FormatException ex)
            {
                return (null, false, ManagementRequests.Invalid("$.mapping", ex.Message));
            }
        }
        return (new ImportRequest(sheet.Path, sheet.FileName, body.Collection, mapping, media, caller.Actor, options.Value.Media.MaxUploadBytes), body.SaveMapping, null);
    }

    private static async Task<IResult> DryRunAsync(HttpContext context, ArchiveDbContext db, TemporaryFiles files, IOptions<ArchiveOptions> options,
        SpreadsheetImporter importer, CancellationToken ct)
    {
        var (request, saveMapping, problem) = await RequestAsync(context, db, files, options, ct);
        if (request is null)
            return problem!;
        try
        {
            var report = await importer.DryRunAsync(request, allRows: false, ct);
            if (saveMapping)
                await importer.SaveMappingAsync(request.Collection, new ColumnMapping(report.Mapping), request.Actor, ct);
            return Results.Ok(report);
        }
        catch (SheetRefusedException refused)
        {
            return ManagementRequests.Problem(422, "The file cannot be imported", refused.Message, new Dictionary<string, object?> { ["field"] = "file" });
        }
    }

    private static async Task<IResult> ImportAsync(HttpContext context, ArchiveDbContext db, TemporaryFiles files, IOptions<ArchiveOptions> options,
        SpreadsheetImporter importer, ILoggerFactory logs, CancellationToken ct)
    {
        var (request, saveMapping, problem) = await RequestAsync(context, db, files, options, ct);
        if (request is null)
            return problem!;
        ImportReport report;
        try
        {
            report = await importer.DryRunAsync(request, allRows: false, ct);
        }
        catch (SheetRefusedException refused)
        {
            return ManagementRequests.Problem(422, "The file cannot be imported", refused.Message, new Dictionary<string, object?> { ["field"] = "file" });
        }
        if (!report.CanImport)
            return Results.Json(report, statusCode: 422);
        if (saveMapping)
            await importer.SaveMappingAsync(request.Collection, new ColumnMapping(report.Mapping), request.Actor, ct);
        // The run outlives the request and the temporary files' hour: it reads its own copies.
        var work = Directory.CreateTempSubdirectory("archive-import-").FullName;
        var copy = request with
        {
            File = Copy(request.File, work),
            MediaPath = request.MediaPath is { } m ? Copy(m, work) : null,
        };
        var batch = await importer.BeginAsync(copy, report, ct);
        var log = logs.CreateLogger("Archive.Spreadsheets");
        _ = Task.Run(async () =>
        {
            try
            {
                await importer.RunAsync(batch, copy, null, CancellationToken.None);
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Spreadsheet import {Batch} failed and was undone", batch);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        });
        context.Response.Headers.Location = $"{ManagementSecurity.Root}/archive/spreadsheet/import/{batch}";
        return Results.Json(await BatchModelAsync(db, batch, ct), statusCode: 202);
    }

    private static string Copy(string path, string folder)
    {
        var target = Path.Combine(folder, Guid.NewGuid().ToString("N") + Path.GetExtension(path));
        File.Copy(path, target);
        return target;
    }

    private static async Task<ImportBatchResponseModel?> BatchModelAsync(ArchiveDbContext db, Guid id, CancellationToken ct) =>
        await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).Select(b => new ImportBatchResponseModel(b.Id, b.CollectionKey, b.FileName, b.State, b.Total, b.Processed,
            b.Created, b.Updated, b.CreatedBy, b.StartedAt, b.FinishedAt, b.Error)).FirstOrDefaultAsync(ct);

    private static async Task<IResult> BatchAsync(Guid id, ArchiveDbContext db, CancellationToken ct) =>
        await BatchModelAsync(db, id, ct) is { } batch ? Results.Ok(batch) : ManagementRequests.Problem(404, "Not found", $"No import with id {id}.");

    private static async Task<IResult> UndoAsync(Guid id, HttpContext context, ArchiveDbContext db, SpreadsheetImporter importer, CancellationToken ct)
    {
        if (await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } batch)
            return ManagementRequests.Problem(404, "Not found", $"No import with id {id}.");
        var caller = Caller.From(context.User);
        if (await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == batch.CollectionKey, ct) is { } collection
            && !caller.Reaches(await Caller.PathKeysAsync(db, collection.Path, ct)))
            return ManagementRequests.Forbidden("The import's collection is outside your institutions and collections.");
        if (batch.State == "running")
            return ManagementRequests.Problem(409, "Still running", "The import is still running; undo it when it has finished.");
        var (undone, message) = await importer.UndoAsync(id, caller.Actor, ct);
        return undone ? Results.Ok(new { message }) : ManagementRequests.Problem(409, "Not undone", message);
    }

    private static async Task<IResult> MappingAsync(Guid collection, ArchiveDbContext db, CancellationToken ct) =>
        await db.SpreadsheetMappings.AsNoTracking().FirstOrDefaultAsync(m => m.CollectionKey == collection, ct) is { } saved
            ? Results.Text(saved.Json, "application/json")
            : ManagementRequests.Problem(404, "Not found", "No mapping is saved for this collection: its files are read by their headers.");

    private static async Task<IResult> ExportAsync(Guid id, string? format, HttpContext context, ArchiveDbContext db, SpreadsheetExporter exporter, CancellationToken ct)
    {
        format = (format ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
            return ManagementRequests.Invalid("format", "The format is csv or xlsx.");
        if (await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == id && !n.IsMedia && !n.Trashed, ct) is not { ContentTypeAlias: "collection" or "institution" } collection)
            return ManagementRequests.Problem(404, "Not found", $"No collection with key {id}.");
        var caller = Caller.From(context.User);
        var path = await Caller.PathKeysAsync(db, collection.Path, ct);
        if (!caller.Reaches(path))
            return ManagementRequests.Forbidden("The collection is outside your institutions and collections.");
        using var buffer = new MemoryStream();
        await exporter.ExportAsync(id, format, caller.SeesPrivate(path), buffer, ct);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"collection-{id:N}.{format}\"";
        return Results.Bytes(buffer.ToArray(), format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
