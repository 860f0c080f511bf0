using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Media.Uploads;
using Archive.Spreadsheets.Mapping;
using Archive.Spreadsheets.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Spreadsheets.Importing;

/// What an import is asked to do: the file, the collection its records go into, the mapping (else the one saved for
/// the collection, else one read from the headers), the media folder or ZIP, who asks.
public sealed record ImportRequest(string File, string FileName, Guid Collection, ColumnMapping? Mapping, string? MediaPath, string Actor, long MaxUploadBytes);

public sealed record RowSummary(int Row, string Action, string? AccessionNumber, Guid? Key, IReadOnlyList<string> Changed);

/// The dry-run report (and the report of a run): counts per action, every problem with its row and column, and the
/// first rows' plans (all of them with `AllRows`).
public sealed record ImportReport(string Format, string? Encoding, string? Delimiter, IReadOnlyDictionary<string, ColumnTarget?> Mapping,
    int Rows, int Create, int Update, int Unchanged, int Errors, IReadOnlyList<SheetProblem> Problems, IReadOnlyList<RowSummary> RowPlans)
{
    public bool CanImport => Errors == 0 && !Problems.Any(p => p.IsError);
}

/// Imports a spreadsheet into a collection as drafts (never published), created or updated by accession number, as
/// one batch: every row is planned first, and an import with any error writes nothing; a run that fails part-way is
/// undone at once, so nothing is ever half-imported. A batch can be undone later too: records it created are removed,
/// records it updated go back to the draft they had. A running batch holds a cluster lock: a batch whose process died
/// is found by the lock it no longer holds and undone (AbandonedImports).
public sealed partial class SpreadsheetImporter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int RowsShown = 1000;
    private const int WritesPerScope = 200;

    public async Task<ImportReport> DryRunAsync(ImportRequest request, bool allRows, CancellationToken ct)
    {
        using var sheet = SheetReader.Open(request.File);
        using var media = request.MediaPath is null ? null : new MediaSource(request.MediaPath, request.MaxUploadBytes);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var (planner, mapping) = await PlannerAsync(db, scope.ServiceProvider.GetRequiredService<SchemaStore>(), sheet, request, media, ct);
        var problems = new List<SheetProblem>(sheet.Problems.Concat(planner.ColumnProblems));
        var counts = new Dictionary<string, int>();
        var rows = new List<RowSummary>();
        var total = 0;
        if (!planner.HasColumnErrors)
            await foreach (var plan in planner.PlanAsync(db, sheet.Rows, ct))
            {
                total++;
                counts[plan.Action] = counts.GetValueOrDefault(plan.Action) + 1;
                problems.AddRange(plan.Problems);
                if (allRows || rows.Count < RowsShown)
                    rows.Add(new RowSummary(plan.Row, plan.Action, plan.AccessionNumber, plan.Key, plan.Changed));
            }
        return new ImportReport(sheet.Format, sheet.Encoding, sheet.Delimiter, mapping.Columns, total, counts.GetValueOrDefault("create"), counts.GetValueOrDefault("update"),
            counts.GetValueOrDefault("unchanged"), counts.GetValueOrDefault("error"), problems, rows);
    }

    /// Starts a batch for a report that can be imported; the rows are written by RunAsync.
    public async Task<Guid> BeginAsync(ImportRequest request, ImportReport report, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var batch = new ImportBatchEntity
        {
            Id = Guid.NewGuid(),
            CollectionKey = request.Collection,
            FileName = request.FileName,
            CreatedBy = request.Actor,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            State = "running",
            Total = report.Create + report.Update,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return batch.Id;
    }

    /// Writes the batch's rows; on any failure undoes what it wrote and marks the batch failed.
    public async Task RunAsync(Guid batchId, ImportRequest request, IProgress<int>? progress, CancellationToken ct)
    {
        var written = 0;
        await using var lockScope = scopes.CreateAsyncScope();
        var lockDb = lockScope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await using var running = await Archive.Data.Cluster.ClusterLock.AcquireAsync(lockDb, LockName(batchId), ct);
        // Given up for dead before it started (its process was slow to come): nothing is written.
        if (await lockDb.ImportBatches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.State).FirstOrDefaultAsync(ct) != "running")
            throw new SheetRefusedException("This import was stopped before it began.");
        try
        {
            using var sheet = SheetReader.Open(request.File);
            using var media = request.MediaPath is null ? null : new MediaSource(request.MediaPath, request.MaxUploadBytes);
            await using var planScope = scopes.CreateAsyncScope();
            var planDb = planScope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var (planner, _) = await PlannerAsync(planDb, planScope.ServiceProvider.GetRequiredService<SchemaStore>(), sheet, request, media, ct);
            // Rows are written a few hundred to a transaction (one commit, not one per row); a failure rolls back the
            // open one and undoes those committed before.
            AsyncServiceScope? scope = null;
            Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
            try
            {
                await foreach (var plan in planner.PlanAsync(planDb, sheet.Rows, ct))
                {
                    if (plan.Action == "error")
                        throw new InvalidOperationException($"Row {plan.Row} no longer imports: {plan.Problems.FirstOrDefault()?.Message}");
                    if (plan.Action is not ("create" or "update"))
                        continue;
                    if (scope is null || written % WritesPerScope == 0)
                    {
                        if (transaction is not null)
                        {
                            await transaction.CommitAsync(ct);
                            await transaction.DisposeAsync();
                            progress?.Report(written);
                        }
                        if (scope is { } old)
                            await old.DisposeAsync();
                        scope = scopes.CreateAsyncScope();
                        transaction = await scope.Value.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.BeginTransactionAsync(ct);
                    }
                    await WriteAsync(scope.Value.ServiceProvider, batchId, plan, request, media, ct);
                    written++;
                }
                if (transaction is not null)
                    await transaction.CommitAsync(ct);
            }
            finally
            {
                if (transaction is not null)
                    await transaction.DisposeAsync();
                if (scope is { } last)
                    await last.DisposeAsync();
            }
            await FinishAsync(batchId, "done", null, ct);
            progress?.Report(written);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await UndoAsync(batchId, request.Actor, CancellationToken.None);
            await FinishAsync(batchId, "failed", ex.Message, CancellationToken.None);
            throw new SheetRefusedException($"The import stopped after {written} rows and was undone: {ex.Message}");
        }
    }

    private async Task WriteAsync(IServiceProvider services, Guid batchId, RowPlan plan, ImportRequest request, MediaSource? media, CancellationToken ct)
    {
        var db = services.GetRequiredService<ArchiveDbContext>();
        var content = services.GetRequiredService<ContentService>();
        var values = plan.Edit!.Values.ToList();
        foreach (var (alias, files) in plan.Media)
        {
            var picks = new JsonArray();
            foreach (var file in files)
            {
                var (stream, problem) = media!.Open(file);
                if (stream is null)
                    throw new InvalidOperationException($"Row {plan.Row}: {problem}");
                await using (stream)
                {
                    var uploaded = await services.GetRequiredService<MediaUploads>().UploadAsync(stream, file, null, request.Actor, request.MaxUploadBytes, ct);
                    if (uploaded.Status is not (UploadStatus.Created or UploadStatus.Duplicate))
                        throw new InvalidOperationException($"Row {plan.Row}: '{file}' was not stored: {uploaded.Detail}");
                    picks.Add(new JsonObject { ["key"] = Guid.NewGuid().ToString(), ["mediaKey"] = uploaded.Key.ToString() });
                }
            }
            values.Add(new ValueEdit(alias, null, picks.Count == 0 ? null : picks));
        }
        var edit = plan.Edit with { Values = values };
        long? previous = null;
        OperationResult result;
        if (plan.Key is { } key)
        {
            previous = await db.NodeVersions.Where(v => v.Node!.Key == key && v.IsDraft).Select(v => (long?)v.Id).FirstOrDefaultAsync(ct);
            result = await content.SaveAsync(key, edit, request.Actor, ct: ct);
        }
        else
            result = await content.CreateAsync(request.Collection, Archive.Engine.Publishing.ArchiveAliases.Artefact, edit, request.Actor, ct: ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Row {plan.Row}: {string.Join("; ", result.Problems)}");
        db.ImportBatchItems.Add(new ImportBatchItemEntity { BatchId = batchId, NodeKey = result.Key!.Value, Row = plan.Row, Action = plan.Key is null ? "created" : "updated", PreviousVersionId = previous });
        var batch = db.ImportBatches.Local.FirstOrDefault(b => b.Id == batchId) ?? await db.ImportBatches.FirstAsync(b => b.Id == batchId, ct);
        if (plan.Key is null)
            batch.Created++;
        else
            batch.Updated++;
        batch.Processed++;
        await db.SaveChangesAsync(ct);
    }

    /// Undoes a batch: its created records removed, its updated ones back to the draft they had. Refused for a batch
    /// already undone; a record published since keeps its published version (only the draft goes back).
    public async Task<(bool Undone, string Message)> UndoAsync(Guid batchId, string actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
            return (false, "There is no such import.");
        if (batch.State == "undone")
            return (false, "This import was undone already.");
        var items = await db.ImportBatchItems.Where(i => i.BatchId == batchId).OrderByDescending(i => i.Id).ToListAsync(ct);
        var removed = 0;
        var restored = 0;
        foreach (var item in items)
        {
            if (item.Action == "created")
            {
                var trashed = await content.TrashAsync(item.NodeKey, actor, ct);
                if (trashed.Succeeded && (await content.DeleteAsync(item.NodeKey, actor, ct)).Succeeded)
                    removed++;
            }
            else if (item.PreviousVersionId is { } version && (await content.RollbackAsync(item.NodeKey, version, actor, ct)).Succeeded)
                restored++;
        }
        if (batch.State != "failed")
            batch.State = "undone";
        batch.FinishedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (true, $"Removed {removed} created and restored {restored} updated records.");
    }

    private async Task FinishAsync(Guid batchId, string state, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var batch = db.ImportBatches.Local.FirstOrDefault(b => b.Id == batchId) ?? await db.ImportBatches.FirstAsync(b => b.Id == batchId, ct);
        batch.State = state;
        batch.Error = error?.Length > 4000 ? error[..4000] : error;
        batch.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<(ImportPlanner, ColumnMapping)> PlannerAsync(ArchiveDbContext db, SchemaStore store, SheetReader sheet, ImportRequest request, MediaSource? media, CancellationToken ct)
    {
        var schema = await store.GetAsync(db, ct);
        var type = schema.FindType(Archive.Engine.Publishing.ArchiveAliases.Artefact, Archive.Engine.Schema.ContentTypeKind.Document)!;
        var mapping = request.Mapping;
        if (mapping is null && await db.SpreadsheetMappings.AsNoTracking().FirstOrDefaultAsync(m => m.CollectionKey == request.Collection, ct) is { } saved)
            mapping = ColumnMapping.Parse(saved.Json);
        // Headers a saved mapping does not know are read from their names, as for a first file.
        var guessed = ColumnMapping.FromHeaders(sheet.Headers, schema, type);
        var merged = new Dictionary<string, ColumnTarget?>(guessed.Columns);
        foreach (var (column, target) in mapping?.Columns ?? new Dictionary<string, ColumnTarget?>())
            merged[column] = target;
        var effective = new ColumnMapping(merged);
        return (await ImportPlanner.CreateAsync(db, schema, request.Collection, effective, sheet.Headers, media, ct), effective);
    }

    /// Saves a mapping for a collection's next files.
    public async Task SaveMappingAsync(Guid collection, ColumnMapping mapping, string actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var row = await db.SpreadsheetMappings.FirstOrDefaultAsync(m => m.CollectionKey == collection, ct);
        if (row is null)
            db.SpreadsheetMappings.Add(row = new SpreadsheetMappingEntity { CollectionKey = collection, Json = "", SavedBy = actor });
        row.Json = mapping.ToJson();
        row.SavedBy = actor;
        row.SavedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
