using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Data.USync;
using Archive.Engine.Cultures;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Schema;

/// Schema changes made in the archive (rather than by a uSync import): checked by the engine's
/// rules, saved with a change-log entry (so caches, the index and other processes reload the
/// schema) and an audit entry, then written back to the uSync folder.
public sealed class SchemaService(ArchiveDbContext db, SchemaStore schemas, SchemaFiles files, TimeProvider clock)
{
    public async Task<OperationResult> SaveLanguageAsync(Language proposed, bool creating, string actor, CancellationToken ct = default)
    {
        var current = (await schemas.GetAsync(db, ct)).Cultures.Languages;
        var existing = await db.Languages.FirstOrDefaultAsync(l => l.IsoCode.ToLower() == proposed.IsoCode.ToLower(), ct);
        if (!creating && existing is null)
            return OperationResult.Fail(OperationStatus.NotFound, "$.isoCode", $"No language {proposed.IsoCode}.");
        var problems = LanguageRules.CheckSave(current, proposed, creating);
        if (problems.Count > 0)
            return OperationResult.Fail(problems.Any(p => p.Message.Contains("exists already")) ? OperationStatus.DuplicateValue : OperationStatus.ValidationFailed, problems);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var isoCode = existing?.IsoCode ?? proposed.IsoCode;
        if (proposed.IsDefault)
            await db.Languages.Where(l => l.IsDefault && l.IsoCode != isoCode).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsDefault, false), ct);
        var row = existing ?? db.Languages.Add(new LanguageEntity { IsoCode = proposed.IsoCode, Name = proposed.Name, Key = proposed.Key == Guid.Empty ? Guid.NewGuid() : proposed.Key }).Entity;
        (row.Name, row.IsDefault, row.IsMandatory, row.FallbackIsoCode) = (proposed.Name.Trim(), proposed.IsDefault, proposed.IsMandatory, proposed.FallbackIsoCode is { Length: > 0 } f ? f : null);
        Changed(actor, creating ? "LanguageCreate" : "LanguageSave", row.Key, row.IsoCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        schemas.Invalidate();

        await ExportLanguagesAsync(ct);
        return OperationResult.Ok(row.Key, 0);
    }

    public async Task<OperationResult> DeleteLanguageAsync(string isoCode, string actor, CancellationToken ct = default)
    {
        var current = (await schemas.GetAsync(db, ct)).Cultures.Languages;
        if (current.FirstOrDefault(l => l.IsoCode.Equals(isoCode, StringComparison.OrdinalIgnoreCase)) is not { } doomed)
            return OperationResult.Fail(OperationStatus.NotFound, "$.isoCode", $"No language {isoCode}.");
        var problems = LanguageRules.CheckDelete(current, doomed);
        if (problems.Count > 0)
            return OperationResult.Fail(OperationStatus.NotAllowed, problems);
        // Deleting a language would orphan every name and value written in it: refused while any exist.
        var users = await db.NodeCultures.CountAsync(c => c.Culture.ToLower() == doomed.IsoCode.ToLower(), ct);
        if (users > 0)
            return OperationResult.Fail(OperationStatus.InUse, "$.isoCode", $"{users} item(s) have a name in {doomed.IsoCode}; their text would be lost.");

        var row = await db.Languages.FirstAsync(l => l.IsoCode == doomed.IsoCode, ct);
        db.Languages.Remove(row);
        Changed(actor, "LanguageDelete", row.Key, row.IsoCode);
        await db.SaveChangesAsync(ct);
        schemas.Invalidate();
        files.MarkDeleted(row.USyncFile, "Languages", row.IsoCode.ToLowerInvariant(), row.Key, row.IsoCode);
        return OperationResult.Ok(row.Key, 0);
    }

    private void Changed(string actor, string action, Guid key, string comment)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeLog.Add(new ChangeLogEntity { Timestamp = now, EntityType = ChangeTypes.Schema, Key = key, Change = ChangeTypes.SchemaChanged });
        db.Audit.Add(new AuditEntity { Timestamp = now, Actor = actor, Action = action, EntityType = ChangeTypes.Schema, EntityKey = key, Comment = comment });
    }

    /// Every language's file: a change of default or fallback can touch more than the one saved.
    private async Task ExportLanguagesAsync(CancellationToken ct)
    {
        if (!files.Enabled)
            return;
        foreach (var language in await db.Languages.ToListAsync(ct))
            language.USyncFile = files.Write(language.USyncFile, "Languages", language.IsoCode.ToLowerInvariant(), LanguageSerializer.Write(SchemaStore.ToLanguage(language)));
        await db.SaveChangesAsync(ct);
    }
}
