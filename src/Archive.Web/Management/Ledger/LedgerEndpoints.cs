using Archive.Data;
using Archive.Data.Movements;
using Archive.Data.Schema;
using Archive.Engine.Movements;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Ledger;

/// Archive's own: the movement ledger (Spectrum's location and movement control, condition checking). Registrars
/// (curators) record movements, condition checks, home locations and crates; everyone signed in reads, an
/// association's people (scoped roles) only the ledgers of objects within their grants. Entries are never changed:
/// a correction is a new entry superseding the latest one.
public static class LedgerEndpoints
{
    public static void MapLedger(this RouteGroupBuilder api)
    {
        var archive = api.MapGroup("archive").WithTags("Archive");
        archive.MapPost("movement", RecordAsync).RequireAuthorization(ManagementPolicies.Reviewer).WithName("PostArchiveMovement");
        archive.MapPost("condition-check", CheckAsync).RequireAuthorization(ManagementPolicies.Reviewer).WithName("PostArchiveConditionCheck");
        archive.MapPost("crate", CreateCrateAsync).RequireAuthorization(ManagementPolicies.Reviewer).WithName("PostArchiveCrate");
        archive.MapPut("object/{id:guid}/home", SetHomeAsync).RequireAuthorization(ManagementPolicies.Reviewer).WithName("PutArchiveObjectHome");
        archive.MapGet("object/{id:guid}/ledger", LedgerAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveObjectLedger");
        archive.MapGet("object/{id:guid}/whereabouts", WhereaboutsAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveObjectWhereabouts");
        archive.MapGet("whereabouts", EveryObjectAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveWhereabouts");
        archive.MapGet("whereabouts/away", AwayAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveWhereaboutsAway");
        archive.MapGet("location/{id:guid}/objects", AtLocationAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveLocationObjects");
        archive.MapGet("places", PlacesAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchivePlaces");
        archive.MapGet("crate/{id:guid}", CrateAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveCrate");
    }

    private static async Task<IResult> RecordAsync(HttpContext context, LedgerWriter writer, LedgerViews views, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<MovementRequestModel>(context);
        if (problem is not null)
            return problem;
        if (body!.To is not { } to)
            return ManagementRequests.Invalid("$.to", "Name the location the movement goes to.");
        if (string.IsNullOrWhiteSpace(body.Reason))
            return ManagementRequests.Invalid("$.reason", $"A reason is required: one of {string.Join(", ", MovementReasons.All)}.");
        if (LedgerTime.Parse(body.Departed) is not { } departed)
            return ManagementRequests.Invalid("$.departed", "A departure date (yyyy-mm-dd) or time (yyyy-mm-ddThh:mm, Kazakhstan time unless an offset is given) is required.");
        var arrived = LedgerTime.Parse(body.Arrived);
        if (body.Arrived is { Length: > 0 } && arrived is null)
            return ManagementRequests.Invalid("$.arrived", "The arrival is not a date (yyyy-mm-dd) or time (yyyy-mm-ddThh:mm).");
        var caller = Caller.From(context.User);
        var write = await writer.RecordAsync(new MovementInput(body.Object, body.Crate, body.From, to, departed, arrived, body.Reason.Trim(), body.AuthorisedBy,
            body.MovedBy, body.Stop, body.Loan, body.Note, body.Supersedes), caller.Actor, ct);
        if (!write.Result.Succeeded)
            return ManagementRequests.From(write.Result);
        await views.NameAsync(write.Written.SelectMany(LedgerViews.KeysOf), context.Request.Query["culture"], ct);
        context.Response.Headers["Umb-Generated-Resource"] = write.Result.Key.ToString();
        return Results.Created($"{ManagementSecurity.Root}/archive/object/{write.Written[0].Subject}/ledger", write.Written.Select(m => views.Movement(m, false)).ToList());
    }

    private static async Task<IResult> CheckAsync(HttpContext context, LedgerWriter writer, SchemaStore schemas, LedgerViews views, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<ConditionCheckRequestModel>(context);
        if (problem is not null)
            return problem;
        if (body!.Object is not { } obj)
            return ManagementRequests.Invalid("$.object", "Name the object checked.");
        if (LedgerTime.Parse(body.Checked) is not { } checkedAt)
            return ManagementRequests.Invalid("$.checked", "The date (yyyy-mm-dd) or time of the check is required.");
        if (string.IsNullOrWhiteSpace(body.Grade))
            return ManagementRequests.Invalid("$.grade", "A condition grade is required.");
        var (result, check) = await writer.CheckAsync(new ConditionCheckInput(obj, checkedAt, body.CheckedBy ?? "", body.Grade.Trim(), body.Notes, body.Photographs,
            body.Movement, body.Stop, body.Supersedes), Caller.From(context.User).Actor, schemas, ct);
        if (!result.Succeeded)
            return ManagementRequests.From(result);
        await views.NameAsync([check!.Stop], context.Request.Query["culture"], ct);
        context.Response.Headers["Umb-Generated-Resource"] = check.Key.ToString();
        return Results.Created($"{ManagementSecurity.Root}/archive/object/{obj}/ledger", views.Check(check, false));
    }

    private static async Task<IResult> CreateCrateAsync(HttpContext context, LedgerWriter writer, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<CrateRequestModel>(context);
        if (problem is not null)
            return problem;
        var result = await writer.CreateCrateAsync(body!.Number, body.Description, Caller.From(context.User).Actor, ct);
        return result.Succeeded ? ManagementRequests.Created(context, "archive/crate", result.Key!.Value.ToString()) : ManagementRequests.From(result);
    }

    private static async Task<IResult> SetHomeAsync(HttpContext context, Guid id, LedgerWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<HomeLocationRequestModel>(context);
        if (problem is not null)
            return problem;
        if (body!.Location is not { } location)
            return ManagementRequests.Invalid("$.location", "Name the object's home location.");
        var since = body.Since is { Length: > 0 } ? LedgerTime.Parse(body.Since) : clock.GetUtcNow().UtcDateTime;
        if (since is null)
            return ManagementRequests.Invalid("$.since", "Not a date (yyyy-mm-dd) or time (yyyy-mm-ddThh:mm).");
        var result = await writer.SetHomeAsync(id, location, since.Value, Caller.From(context.User).Actor, ct);
        return result.Succeeded ? Results.Ok() : ManagementRequests.From(result);
    }

    private static async Task<IResult> LedgerAsync(HttpContext context, Guid id, string? culture, ArchiveDbContext db, LedgerReader reader, LedgerViews views, TimeProvider clock, CancellationToken ct)
    {
        if (await ReachedAsync(context, db, id, ct) is { } refused)
            return refused;
        var history = await reader.HistoryAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var where = (await reader.WhereAsync([id], now, ct))[0];
        await views.NameAsync(history.Movements.SelectMany(LedgerViews.KeysOf).Concat(history.Checks.Select(c => c.Stop)).Concat(history.Homes.Select(h => (Guid?)h.Location))
            .Concat(LedgerViews.KeysOf(where)), culture, ct);
        var supersededChecks = history.Checks.Where(c => c.Supersedes is not null).Select(c => c.Supersedes!.Value).ToHashSet();
        return Results.Ok(new LedgerResponseModel(views.Ref(id), history.Movements.Select(m => views.Movement(m, history.Superseded.Contains(m.Key))).ToList(),
            history.Checks.Select(c => views.Check(c, supersededChecks.Contains(c.Key))).ToList(),
            history.Homes.Select(h => new HomeLocationResponseModel(views.Ref(h.Location), LedgerTime.Format(h.Since), LedgerTime.Format(h.Recorded), h.RecordedBy)).ToList(),
            views.Where(where, now)));
    }

    private static async Task<IResult> WhereaboutsAsync(HttpContext context, Guid id, string? at, string? culture, ArchiveDbContext db, LedgerReader reader, LedgerViews views, TimeProvider clock, CancellationToken ct)
    {
        if (Instant(at, clock) is not { } instant)
            return BadInstant();
        if (await ReachedAsync(context, db, id, ct) is { } refused)
            return refused;
        var where = (await reader.WhereAsync([id], instant, ct))[0];
        await views.NameAsync(LedgerViews.KeysOf(where), culture, ct);
        return Results.Ok(views.Where(where, instant));
    }

    private static Task<IResult> EveryObjectAsync(HttpContext context, string? at, string? culture, int? skip, int? take, ArchiveDbContext db, LedgerReader reader, LedgerViews views,
        TimeProvider clock, CancellationToken ct) => PageAsync(context, at, culture, skip, take, db, reader, views, clock, away: false, ct);

    private static Task<IResult> AwayAsync(HttpContext context, string? at, string? culture, int? skip, int? take, ArchiveDbContext db, LedgerReader reader, LedgerViews views,
        TimeProvider clock, CancellationToken ct) => PageAsync(context, at, culture, skip, take, db, reader, views, clock, away: true, ct);

    /// A page of objects with their whereabouts at the instant: all of them, or those away from home; a scoped
    /// caller's own objects only.
    private static async Task<IResult> PageAsync(HttpContext context, string? at, string? culture, int? skip, int? take, ArchiveDbContext db, LedgerReader reader,
        LedgerViews views, TimeProvider clock, bool away, CancellationToken ct)
    {
        if (Paging.Check(skip ?? 0, take ?? 100) is { } invalid)
            return invalid;
        if (Instant(at, clock) is not { } instant)
            return BadInstant();
        var caller = Caller.From(context.User);
        var (items, total) = caller.IsScoped
            ? await ScopedAsync(caller, db, reader, instant, skip ?? 0, take ?? 100, away, ct)
            : away ? await reader.AwayFromHomeAsync(instant, skip ?? 0, take ?? 100, ct) : await reader.EveryObjectAsync(instant, skip ?? 0, take ?? 100, ct);
        await views.NameAsync(items.SelectMany(LedgerViews.KeysOf), culture, ct);
        return Results.Ok(new PagedWhereaboutsResponseModel(total, items.Select(w => views.Where(w, instant)).ToList()));
    }

    private static async Task<IResult> AtLocationAsync(HttpContext context, Guid id, string? at, string? culture, ArchiveDbContext db, LedgerReader reader, LedgerViews views,
        TimeProvider clock, CancellationToken ct)
    {
        if (Instant(at, clock) is not { } instant)
            return BadInstant();
        if (!await db.Nodes.AnyAsync(n => n.Key == id && LedgerWriter.PlaceTypes.Contains(n.ContentTypeAlias), ct))
            return ManagementRequests.Problem(404, "Not found", $"No location, venue or institution with key {id}.");
        var items = await reader.AtAsync(id, instant, ct);
        var caller = Caller.From(context.User);
        if (caller.IsScoped)
        {
            var paths = await db.Nodes.AsNoTracking().Where(n => items.Select(i => i.Object).Contains(n.Key)).ToDictionaryAsync(n => n.Key, n => n.Path, ct);
            items = await caller.WithinReachAsync(db, items, i => paths.GetValueOrDefault(i.Object, ""), ct);
        }
        await views.NameAsync(items.SelectMany(LedgerViews.KeysOf), culture, ct);
        return Results.Ok(new PagedWhereaboutsResponseModel(items.Count, items.Select(w => views.Where(w, instant)).ToList()));
    }

    private static async Task<IResult> CrateAsync(Guid id, string? at, string? culture, ArchiveDbContext db, LedgerReader reader, LedgerWriter writer, LedgerViews views,
        TimeProvider clock, CancellationToken ct)
    {
        if (Instant(at, clock) is not { } now)
            return BadInstant();
        var crate = await db.Crates.AsNoTracking().FirstOrDefaultAsync(c => c.Key == id, ct);
        if (crate is null)
            return ManagementRequests.Problem(404, "Not found", $"No crate with key {id}.");
        var history = await reader.HistoryAsync(id, ct);
        var where = Archive.Engine.Movements.Ledger.At(Archive.Engine.Movements.Ledger.Standing(history.Movements), now);
        var contents = await writer.ContentsAsync(id, now, ct);
        var whereabouts = new ObjectWhereabouts(id, where, null, false);
        await views.NameAsync(contents.Select(c => (Guid?)c).Concat(LedgerViews.KeysOf(whereabouts)), culture, ct);
        return Results.Ok(new CrateResponseModel(crate.Key, crate.Number, crate.Description, where.Last is null ? null : views.Where(whereabouts, now), contents.Select(views.Ref).ToList()));
    }

    /// Every place a movement can go to (institutions, venues, locations), named with the places above it
    /// ("Museum › Store 1 › Shelf 3"), private ones marked: what the back office offers when a movement is recorded.
    private static async Task<IResult> PlacesAsync(string? culture, ArchiveDbContext db, Archive.Data.Publishing.PrivateRecordFacts privateRecords, CancellationToken ct)
    {
        var nodes = await db.Nodes.AsNoTracking().Where(n => LedgerWriter.PlaceTypes.Contains(n.ContentTypeAlias) && !n.Trashed)
            .Select(n => new { n.Id, n.Key, n.ContentTypeAlias, n.Path }).ToListAsync(ct);
        var names = await Archive.Data.Exhibitions.NodeNames.ReadAsync(db, nodes.Select(n => n.Key), culture ?? "", ct);
        var byId = nodes.ToDictionary(n => n.Id);
        var places = nodes.Select(n =>
        {
            var chain = n.Path.Split(',').Select(long.Parse).Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            return new PlaceResponseModel(n.Key, names.GetValueOrDefault(n.Key, ""), string.Join(" › ", chain.Select(c => names.GetValueOrDefault(c.Key, ""))),
                n.ContentTypeAlias, chain.Any(c => privateRecords.IsRecord(c.Key)));
        }).OrderBy(p => p.Path, StringComparer.CurrentCulture).ToList();
        return Results.Ok(places);
    }

    /// A scoped caller's objects (those within their grants) with where they were, all or only those away from home.
    private static async Task<(IReadOnlyList<ObjectWhereabouts>, int)> ScopedAsync(Caller caller, ArchiveDbContext db, LedgerReader reader, DateTime instant, int skip, int take,
        bool away, CancellationToken ct)
    {
        var artefacts = await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == Archive.Engine.Publishing.ArchiveAliases.Artefact && !n.Trashed)
            .OrderBy(n => n.Id).Select(n => new { n.Key, n.Path }).ToListAsync(ct);
        var mine = (await caller.WithinReachAsync(db, artefacts, a => a.Path, ct)).Select(a => a.Key).ToList();
        var where = await reader.WhereAsync(mine, instant, ct);
        var chosen = away ? where.Where(w => w.AwayFromHome).ToList() : where.ToList();
        return (chosen.Skip(skip).Take(take).ToList(), chosen.Count);
    }

    /// 404 for an unknown object, 403 for one outside a scoped caller's grants.
    private static async Task<IResult?> ReachedAsync(HttpContext context, ArchiveDbContext db, Guid id, CancellationToken ct)
    {
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == id && !n.Trashed, ct);
        if (node is null)
            return ManagementRequests.Problem(404, "Not found", $"No object with key {id}.");
        var caller = Caller.From(context.User);
        return caller.Reaches(await Caller.PathKeysAsync(db, node.Path, ct)) ? null : ManagementRequests.Forbidden("The object is outside the collections granted to you.");
    }

    private static DateTime? Instant(string? at, TimeProvider clock) => string.IsNullOrWhiteSpace(at) ? clock.GetUtcNow().UtcDateTime : LedgerTime.Parse(at, endOfDay: true);

    private static IResult BadInstant() => ManagementRequests.Invalid("at", "Not a date (yyyy-mm-dd) or time (yyyy-mm-ddThh:mm, Kazakhstan time unless an offset is given).");
}
