using Archive.Data;
using Archive.Data.Exhibitions;
using Archive.Data.Movements;
using Archive.Engine.Movements;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Ledger;

/// Turns ledger records into responses, naming every item once per response in the language asked for.
public sealed class LedgerViews(ArchiveDbContext db)
{
    private Dictionary<Guid, string> _names = [];

    public async Task NameAsync(IEnumerable<Guid?> keys, string? culture, CancellationToken ct)
    {
        var wanted = keys.OfType<Guid>().Where(k => !_names.ContainsKey(k)).Distinct().ToList();
        if (wanted.Count == 0)
            return;
        foreach (var (key, name) in await NodeNames.ReadAsync(db, wanted, culture ?? "", ct))
            _names[key] = name;
        foreach (var crate in await db.Crates.AsNoTracking().Where(c => wanted.Contains(c.Key)).Select(c => new { c.Key, c.Number }).ToListAsync(ct))
            _names[crate.Key] = crate.Number;
    }

    public static IEnumerable<Guid?> KeysOf(Movement m) => [m.Subject, m.From, m.To, m.Crate, m.Stop, m.Loan];

    public static IEnumerable<Guid?> KeysOf(ObjectWhereabouts w) => [w.Object, w.Where.Location, w.Where.From, w.Where.Crate, w.Home];

    public LedgerReferenceModel Ref(Guid key) => new(key, _names.GetValueOrDefault(key));

    public LedgerReferenceModel? Ref(Guid? key) => key is { } k ? Ref(k) : null;

    public MovementResponseModel Movement(Movement m, bool superseded) => new(m.Key, Ref(m.Subject), Ref(m.From), Ref(m.To), LedgerTime.Format(m.Departed),
        m.Arrived is { } a ? LedgerTime.Format(a) : null, m.Reason, m.AuthorisedBy, m.MovedBy, Ref(m.Crate), Ref(m.Stop), Ref(m.Loan), m.Note, m.Supersedes,
        superseded, LedgerTime.Format(m.Recorded), m.RecordedBy);

    public ConditionCheckResponseModel Check(ConditionCheck c, bool superseded) => new(c.Key, c.Object, LedgerTime.Format(c.Checked), c.CheckedBy, c.Grade, c.Notes,
        c.Photographs, c.Movement, Ref(c.Stop), c.Supersedes, superseded, LedgerTime.Format(c.Recorded), c.RecordedBy);

    public WhereaboutsResponseModel Where(ObjectWhereabouts w, DateTime at) => new(Ref(w.Object), LedgerTime.Format(at), Ref(w.Where.Location), w.Where.InTransit,
        Ref(w.Where.From), Ref(w.Where.Crate), Ref(w.Home), w.AwayFromHome, w.Where.Last?.Key);
}
