using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Engine.Content;
using Archive.Engine.Movements;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Movements;

/// A movement as a registrar records it: an object (packed into a crate or not) or a whole crate with its contents.
public sealed record MovementInput(Guid? Object, Guid? Crate, Guid? From, Guid To, DateTime Departed, DateTime? Arrived, string Reason,
    string? AuthorisedBy, string? MovedBy, Guid? Stop, Guid? Loan, string? Note, Guid? Supersedes);

/// What a recorded movement wrote: the subject's entry and, for a crate, one entry per object inside it.
public sealed record LedgerWrite(OperationResult Result, IReadOnlyList<Movement> Written);

/// Appends to the movement ledger under the registrar's rules (MovementRules), each subject's rules checked against
/// its ledger inside one transaction, so two registrars recording the same object at once cannot both pass.
/// Every object that moved is logged as changed: its public whereabouts are rendered from the ledger.
public sealed partial class LedgerWriter(ArchiveDbContext db, TimeProvider clock)
{
    /// Content types a movement can start from or go to.
    public static readonly string[] PlaceTypes = ["location", "venue", ArchiveAliases.Institution];

    public const string LedgerChange = "Ledger";

    public async Task<LedgerWrite> RecordAsync(MovementInput input, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var problems = await ReferenceProblemsAsync(input, ct);
        if (problems.Count > 0)
            return Failed(OperationStatus.RuleBroken, problems);

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = input.Object ?? input.Crate!.Value;
        await LockAsync(subject, ct);
        var ledger = await LedgerOfAsync(subject, ct);
        // A correction starts where the subject was before the entry it replaces.
        var from = input.From ?? Ledger.Standing(ledger).Where(m => m.Key != input.Supersedes).LastOrDefault()?.To;
        // An object moved on its own carries the crate it is packed into; a crate's own entry carries none.
        var entry = new Movement(Guid.NewGuid(), subject, from, input.To, input.Departed, input.Arrived, input.Reason, Trim(input.AuthorisedBy), Trim(input.MovedBy),
            input.Object is null ? null : input.Crate, input.Stop, input.Loan, Trim(input.Note), input.Supersedes, now, actor);
        var written = new List<Movement> { entry };
        var broken = MovementRules.Check(entry, ledger).ToList();
        if (input.Object is null && input.Crate is { } crate)
        {
            // A crate moves with its contents: each object in it gets its own entry, checked against its own ledger.
            foreach (var inside in await ContentsAsync(crate, input.Departed, ct))
            {
                var own = await LedgerOfAsync(inside, ct);
                var objectEntry = entry with { Key = Guid.NewGuid(), Subject = inside, From = Ledger.Standing(own).LastOrDefault()?.To ?? from, Crate = crate, Supersedes = null };
                broken.AddRange(MovementRules.Check(objectEntry, own).Select(p => p with { Message = $"{inside}: {p.Message}" }));
                written.Add(objectEntry);
            }
        }
        if (broken.Count > 0)
            return Failed(broken.Any(p => p.Conflicting is not null) ? OperationStatus.Conflict : OperationStatus.RuleBroken,
                broken.Select(p => new ContentProblem(p.Path, null, p.Message)).ToList());

        db.Movements.AddRange(written.Select(LedgerRows.ToRow));
        foreach (var key in written.Select(m => m.Subject).Where(k => k != input.Crate || input.Object is not null))
            db.ChangeLog.Add(new ChangeLogEntity { Timestamp = now, EntityType = ChangeTypes.Document, Key = key, Change = LedgerChange });
        db.Audit.Add(new AuditEntity
        {
            Timestamp = now, Actor = actor, Action = "Move", EntityType = ChangeTypes.Document, EntityKey = subject,
            Comment = $"{input.Reason}: {from} → {input.To}" + (written.Count > 1 ? $" with {written.Count - 1} objects" : "")
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new LedgerWrite(OperationResult.Ok(entry.Key, 0), written);
    }

    /// The objects in a crate at an instant: those whose standing entry then says they travel in it.
    public async Task<IReadOnlyList<Guid>> ContentsAsync(Guid crate, DateTime instant, CancellationToken ct)
    {
        var candidates = await db.Movements.AsNoTracking().Where(m => m.Crate == crate && m.Subject != crate).Select(m => m.Subject).Distinct().ToListAsync(ct);
        var latest = await LedgerReader.LatestAsync(db.Movements.Where(m => candidates.Contains(m.Subject)), instant, ct);
        return latest.Values.Where(m => Ledger.Of(m, instant).Crate == crate).Select(m => m.Subject).ToList();
    }

    public async Task<IReadOnlyList<Movement>> LedgerOfAsync(Guid subject, CancellationToken ct) =>
        (await db.Movements.AsNoTracking().Where(m => m.Subject == subject).OrderBy(m => m.Id).ToListAsync(ct)).Select(LedgerRows.ToMovement).ToList();

    /// PostgreSQL: one writer per subject at a time (SQLite writes one transaction at a time anyway).
    private async Task LockAsync(Guid subject, CancellationToken ct)
    {
        if (db.Database.IsPostgres())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({BitConverter.ToInt64(subject.ToByteArray(), 0)})", ct);
    }

    private async Task<List<ContentProblem>> ReferenceProblemsAsync(MovementInput input, CancellationToken ct)
    {
        var problems = new List<ContentProblem>();
        if (input.Object is null && input.Crate is null)
            problems.Add(new("$.object", null, "Name the object that moves, or the crate that moves with its contents."));
        var keys = new[] { input.Object, input.From, input.To, input.Stop, input.Loan }.OfType<Guid>().ToList();
        var types = await db.Nodes.AsNoTracking().Where(n => keys.Contains(n.Key) && !n.Trashed).ToDictionaryAsync(n => n.Key, n => n.ContentTypeAlias, ct);
        void Expect(Guid? key, string path, string what, params string[] aliases)
        {
            if (key is { } k && (!types.TryGetValue(k, out var alias) || !aliases.Contains(alias)))
                problems.Add(new(path, null, $"{k} is not {what}."));
        }
        Expect(input.Object, "$.object", "an artefact", ArchiveAliases.Artefact);
        Expect(input.From, "$.from", "a location, venue or institution", PlaceTypes);
        Expect(input.To, "$.to", "a location, venue or institution", PlaceTypes);
        Expect(input.Stop, "$.stop", "an exhibition stop", ArchiveAliases.ExhibitionStop);
        Expect(input.Loan, "$.loan", "a loan", "loan");
        if (input.Crate is { } crate && !await db.Crates.AnyAsync(c => c.Key == crate, ct))
            problems.Add(new("$.crate", null, $"{crate} is not a crate."));
        return problems;
    }

    private static LedgerWrite Failed(OperationStatus status, IReadOnlyList<ContentProblem> problems) => new(OperationResult.Fail(status, problems), []);

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
