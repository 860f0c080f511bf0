using System.Text.Json;
using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Data.USync;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Schema;

/// Schema changes made in the archive (rather than by a uSync import): checked by the engine's
/// rules, saved with a change-log entry (so caches, the index and other processes reload the
/// schema) and an audit entry, then written back to the uSync folder.
public sealed class SchemaService(ArchiveDbContext db, SchemaStore schemas, SchemaFiles files, PropertyEditors editors, TimeProvider clock)
{
    /// Saves a document or media type. Stored content is never lost to it: a property that holds
    /// values cannot be removed, renamed, moved between cultures and invariance or given another
    /// editor, and a type in use keeps its alias. Private (sensitive) flags are the caller's to carry.
    public async Task<OperationResult> SaveContentTypeAsync(ContentType proposed, bool creating, string actor, CancellationToken ct = default)
    {
        var schema = await schemas.GetAsync(db, ct);
        var existing = schema.FindType(proposed.Key);
        if (creating && existing is not null)
            return OperationResult.Fail(OperationStatus.DuplicateValue, "$.id", $"A type with id {proposed.Key} exists already.");
        if (!creating && (existing is null || existing.Kind != proposed.Kind))
            return OperationResult.NotFound(proposed.Key);
        var problems = SchemaRules.CheckContentType(schema, proposed);
        if (problems.Count > 0)
            return OperationResult.Fail(OperationStatus.ValidationFailed, problems);

        if (existing is not null)
        {
            var isMedia = existing.Kind == ContentTypeKind.Media;
            if (!existing.Alias.Equals(proposed.Alias, StringComparison.Ordinal) && await db.Nodes.AnyAsync(n => n.ContentTypeAlias == existing.Alias && n.IsMedia == isMedia, ct))
                return OperationResult.Fail(OperationStatus.InUse, "$.alias", $"Items of type {existing.Alias} exist; the alias they are stored under stays.");
            var after = new SchemaSnapshot(schema.Cultures, schema.DataTypes, schema.ContentTypes.Where(t => t.Key != proposed.Key).Append(proposed));
            foreach (var affected in SchemaRules.ComposedBy(schema, existing))
            {
                var now = after.FindType(affected.Key) is { } changed ? after.PropertiesOf(changed).ToDictionary(p => p.Alias, StringComparer.OrdinalIgnoreCase) : [];
                var lost = schema.PropertiesOf(affected)
                    .Where(p => !now.TryGetValue(p.Alias, out var kept) || kept.Variations.VariesByCulture() != p.Variations.VariesByCulture() || kept.EditorAlias != p.EditorAlias)
                    .Select(p => p.Alias).ToList();
                if (lost.Count > 0 && await AliasesWithValuesAsync(affected, lost, ct) is { Count: > 0 } holding)
                    return OperationResult.Fail(OperationStatus.InUse, holding.Select(alias => new ContentProblem("$.properties", null,
                        $"'{alias}' holds values in items of type {affected.Alias}: it cannot be removed, renamed, or change its variation or editor while they do.")).ToList());
            }
        }

        var kind = proposed.Kind == ContentTypeKind.Media ? SchemaKinds.MediaType : SchemaKinds.ContentType;
        var row = await db.SchemaItems.FirstOrDefaultAsync(s => s.Key == proposed.Key, ct)
                  ?? db.SchemaItems.Add(new SchemaItemEntity { Key = proposed.Key, Kind = kind, Alias = proposed.Alias, Definition = "" }).Entity;
        (row.Alias, row.Definition, row.UpdatedAt) = (proposed.Alias, JsonSerializer.Serialize(proposed, SchemaStore.Json), clock.GetUtcNow().UtcDateTime);
        Changed(actor, creating ? "ContentTypeCreate" : "ContentTypeSave", proposed.Key, proposed.Alias);
        await db.SaveChangesAsync(ct);
        schemas.Invalidate();
        row.USyncFile = files.Write(row.USyncFile, proposed.Kind == ContentTypeKind.Media ? "MediaTypes" : "ContentTypes", USyncFileNames.ForAlias(proposed.Alias),
            ContentTypeSerializer.Write(proposed));
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(proposed.Key, 0);
    }

    public async Task<OperationResult> DeleteContentTypeAsync(Guid key, ContentTypeKind kind, string actor, CancellationToken ct = default)
    {
        var schema = await schemas.GetAsync(db, ct);
        if (schema.FindType(key) is not { } type || type.Kind != kind)
            return OperationResult.NotFound(key);
        var isMedia = kind == ContentTypeKind.Media;
        var count = await db.Nodes.CountAsync(n => n.ContentTypeAlias == type.Alias && n.IsMedia == isMedia, ct);
        if (count > 0)
            return OperationResult.Fail(OperationStatus.InUse, "$.id", $"{count} item(s) are of type {type.Alias}.");
        var referring = schema.ContentTypes.Where(t => t.Key != key && (t.Compositions.Any(c => c.Key == key) || t.AllowedChildren.Any(c => c.Key == key))).Select(t => t.Alias).ToList();
        if (referring.Count > 0)
            return OperationResult.Fail(OperationStatus.InUse, "$.id", $"{string.Join(", ", referring)} compose or allow {type.Alias}: change them first.");
        return await DeleteItemAsync(key, type.Alias, isMedia ? "MediaTypes" : "ContentTypes", "ContentTypeDelete", actor, ct);
    }

    /// Saves a data type. One that properties use keeps its editor (their stored values are that editor's).
    public async Task<OperationResult> SaveDataTypeAsync(DataType proposed, bool creating, string actor, CancellationToken ct = default)
    {
        var schema = await schemas.GetAsync(db, ct);
        var existing = schema.FindDataType(proposed.Key);
        if (creating && existing is not null)
            return OperationResult.Fail(OperationStatus.DuplicateValue, "$.id", $"A data type with id {proposed.Key} exists already.");
        if (!creating && existing is null)
            return OperationResult.NotFound(proposed.Key);
        var problems = SchemaRules.CheckDataType(proposed, editors);
        if (problems.Count > 0)
            return OperationResult.Fail(OperationStatus.ValidationFailed, problems);
        if (existing is not null && existing.EditorAlias != proposed.EditorAlias && UsersOf(schema, proposed.Key) is { Count: > 0 } users)
            return OperationResult.Fail(OperationStatus.InUse, "$.editorAlias", $"Used by {string.Join(", ", users)}: the editor stays while properties use it.");

        var normalised = proposed with { ConfigJson = DataTypeSerializer.CanonicalConfig(string.IsNullOrWhiteSpace(proposed.ConfigJson) ? "{}" : proposed.ConfigJson) };
        var row = await db.SchemaItems.FirstOrDefaultAsync(s => s.Key == proposed.Key, ct)
                  ?? db.SchemaItems.Add(new SchemaItemEntity { Key = proposed.Key, Kind = SchemaKinds.DataType, Alias = proposed.Name, Definition = "" }).Entity;
        (row.Alias, row.Definition, row.UpdatedAt) = (proposed.Name, JsonSerializer.Serialize(normalised, SchemaStore.Json), clock.GetUtcNow().UtcDateTime);
        Changed(actor, creating ? "DataTypeCreate" : "DataTypeSave", proposed.Key, proposed.Name);
        await db.SaveChangesAsync(ct);
        schemas.Invalidate();
        row.USyncFile = files.Write(row.USyncFile, "DataTypes", USyncFileNames.ForDataType(proposed.Name), DataTypeSerializer.Write(normalised));
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(proposed.Key, 0);
    }

    public async Task<OperationResult> DeleteDataTypeAsync(Guid key, string actor, CancellationToken ct = default)
    {
        var schema = await schemas.GetAsync(db, ct);
        if (schema.FindDataType(key) is not { } dataType)
            return OperationResult.NotFound(key);
        if (UsersOf(schema, key) is { Count: > 0 } users)
            return OperationResult.Fail(OperationStatus.InUse, "$.id", $"Used by {string.Join(", ", users)}.");
        return await DeleteItemAsync(key, dataType.Name, "DataTypes", "DataTypeDelete", actor, ct);
    }

    /// The properties ("type.alias") that use a data type.
    public static IReadOnlyList<string> UsersOf(SchemaSnapshot schema, Guid dataTypeKey) =>
        schema.ContentTypes.SelectMany(t => t.Properties.Where(p => p.DataTypeKey == dataTypeKey).Select(p => $"{t.Alias}.{p.Alias}")).ToList();

    private async Task<OperationResult> DeleteItemAsync(Guid key, string alias, string handler, string action, string actor, CancellationToken ct)
    {
        var row = await db.SchemaItems.FirstAsync(s => s.Key == key, ct);
        db.SchemaItems.Remove(row);
        Changed(actor, action, key, alias);
        await db.SaveChangesAsync(ct);
        schemas.Invalidate();
        files.MarkDeleted(row.USyncFile, handler, handler == "DataTypes" ? USyncFileNames.ForDataType(alias) : USyncFileNames.ForAlias(alias), key, alias);
        return OperationResult.Ok(key, 0);
    }

    /// Which of the given aliases hold a value in some version of an item of the type.
    private async Task<IReadOnlyList<string>> AliasesWithValuesAsync(ContentType type, IReadOnlyList<string> aliases, CancellationToken ct)
    {
        var isMedia = type.Kind == ContentTypeKind.Media;
        var nodeIds = db.Nodes.Where(n => n.ContentTypeAlias == type.Alias && n.IsMedia == isMedia).Select(n => n.Id);
        var holding = new List<string>();
        foreach (var alias in aliases)
        {
            // A cheap text match finds the candidates; reading them confirms a real, non-empty value.
            var candidates = await db.VersionsMentioning($"\"{alias}\"").Where(v => nodeIds.Contains(v.NodeId)).Select(v => v.Data).ToListAsync(ct);
            if (candidates.Select(ContentData.FromJson).Any(data => data.Values.TryGetValue(alias, out var byCulture) && byCulture.Values.Any(v => !PropertyEditors.IsEmpty(v))))
                holding.Add(alias);
        }
        return holding;
    }

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
