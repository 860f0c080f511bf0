using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Movements;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Movements;

public sealed record ConditionCheckInput(Guid Object, DateTime Checked, string CheckedBy, string Grade, string? Notes, IReadOnlyList<Guid>? Photographs,
    Guid? Movement, Guid? Stop, Guid? Supersedes);

public sealed partial class LedgerWriter
{
    /// A condition check at a hand-over: the grade on the artefact's condition scale, photographs from the media library.
    public async Task<(OperationResult Result, ConditionCheck? Check)> CheckAsync(ConditionCheckInput input, string actor, Schema.SchemaStore schemas, CancellationToken ct)
    {
        var problems = new List<ContentProblem>();
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == input.Object && !n.Trashed, ct);
        if (node?.ContentTypeAlias != ArchiveAliases.Artefact)
            problems.Add(new("$.object", null, $"{input.Object} is not an artefact."));
        var schema = await schemas.GetAsync(db, ct);
        var grades = schema.FindType(ArchiveAliases.Artefact)?.Properties.FirstOrDefault(p => p.Alias == "condition") is { } property
            && property.DataTypeKey is { } dataTypeKey && schema.FindDataType(dataTypeKey) is { } dataType ? DropDownEditor.Items(dataType.Config()) : [];
        if (grades.Count > 0 && !grades.Contains(input.Grade))
            problems.Add(new("$.grade", null, $"'{input.Grade}' is not a condition grade; use one of {string.Join(", ", grades)}."));
        if (string.IsNullOrWhiteSpace(input.CheckedBy))
            problems.Add(new("$.checkedBy", null, "Name who checked the object."));
        var photographs = input.Photographs ?? [];
        var media = await db.Nodes.AsNoTracking().Where(n => photographs.Contains(n.Key) && n.IsMedia && !n.Trashed).Select(n => n.Key).ToListAsync(ct);
        foreach (var missing in photographs.Except(media))
            problems.Add(new($"$.photographs[{photographs.ToList().IndexOf(missing)}]", null, $"{missing} is not a media item."));
        if (input.Movement is { } movement && !await db.Movements.AnyAsync(m => m.Key == movement && m.Subject == input.Object, ct))
            problems.Add(new("$.movement", null, $"{movement} is not a movement of this object."));
        if (input.Stop is { } stop && !await db.Nodes.AnyAsync(n => n.Key == stop && n.ContentTypeAlias == ArchiveAliases.ExhibitionStop && !n.Trashed, ct))
            problems.Add(new("$.stop", null, $"{stop} is not an exhibition stop."));
        if (input.Supersedes is { } replaced && !await db.ConditionChecks.AnyAsync(c => c.Key == replaced && c.Object == input.Object, ct))
            problems.Add(new("$.supersedes", null, $"{replaced} is not a condition check of this object."));
        if (problems.Count > 0)
            return (OperationResult.Fail(OperationStatus.RuleBroken, problems), null);

        var now = clock.GetUtcNow().UtcDateTime;
        var check = new ConditionCheck(Guid.NewGuid(), input.Object, input.Checked, input.CheckedBy.Trim(), input.Grade, Trim(input.Notes), photographs,
            input.Movement, input.Stop, input.Supersedes, now, actor);
        db.ConditionChecks.Add(LedgerRows.ToRow(check));
        db.Audit.Add(new AuditEntity { Timestamp = now, Actor = actor, Action = "ConditionCheck", EntityType = ChangeTypes.Document, EntityKey = input.Object, Comment = input.Grade });
        await db.SaveChangesAsync(ct);
        return (OperationResult.Ok(check.Key, 0), check);
    }

    /// Sets an object's normal (home) location from a date on; earlier homes stay on record.
    public async Task<OperationResult> SetHomeAsync(Guid obj, Guid location, DateTime since, string actor, CancellationToken ct)
    {
        var types = await db.Nodes.AsNoTracking().Where(n => (n.Key == obj || n.Key == location) && !n.Trashed).ToDictionaryAsync(n => n.Key, n => n.ContentTypeAlias, ct);
        if (types.GetValueOrDefault(obj) != ArchiveAliases.Artefact)
            return OperationResult.Fail(OperationStatus.NotFound, "$.id", $"{obj} is not an artefact.");
        if (!types.TryGetValue(location, out var alias) || !PlaceTypes.Contains(alias))
            return OperationResult.Fail(OperationStatus.RuleBroken, "$.location", $"{location} is not a location, venue or institution.");
        var now = clock.GetUtcNow().UtcDateTime;
        db.HomeLocations.Add(new HomeLocationEntity { Object = obj, Location = location, Since = since, Recorded = now, RecordedBy = actor });
        db.Audit.Add(new AuditEntity { Timestamp = now, Actor = actor, Action = "SetHomeLocation", EntityType = ChangeTypes.Document, EntityKey = obj, Comment = location.ToString() });
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(obj, 0);
    }

    public async Task<OperationResult> CreateCrateAsync(string number, string? description, string actor, CancellationToken ct)
    {
        var trimmed = number.Trim();
        if (trimmed.Length is 0 or > 100)
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.number", "A crate number of 1 to 100 characters is required.");
        if (await db.Crates.AnyAsync(c => c.Number == trimmed, ct))
            return OperationResult.Fail(OperationStatus.DuplicateValue, "$.number", $"A crate numbered '{trimmed}' exists.");
        var crate = new CrateEntity { Key = Guid.NewGuid(), Number = trimmed, Description = Trim(description), Created = clock.GetUtcNow().UtcDateTime, CreatedBy = actor };
        db.Crates.Add(crate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another registrar took the number between the check and the insert.
            return OperationResult.Fail(OperationStatus.DuplicateValue, "$.number", $"A crate numbered '{trimmed}' exists.");
        }
        return OperationResult.Ok(crate.Key, 0);
    }
}
