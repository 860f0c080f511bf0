using Archive.Data.Entities;
using Archive.Engine.Movements;

namespace Archive.Data.Movements;

/// Ledger rows to the engine's records and back.
public static class LedgerRows
{
    public static Movement ToMovement(MovementEntity m) => new(m.Key, m.Subject, m.From, m.To, Utc(m.Departed), m.Arrived is { } a ? Utc(a) : null, m.Reason,
        m.AuthorisedBy, m.MovedBy, m.Crate, m.Stop, m.Loan, m.Note, m.Supersedes, Utc(m.Recorded), m.RecordedBy);

    public static MovementEntity ToRow(Movement m) => new()
    {
        Key = m.Key, Subject = m.Subject, From = m.From, To = m.To, Departed = m.Departed, Arrived = m.Arrived, Reason = m.Reason,
        AuthorisedBy = m.AuthorisedBy, MovedBy = m.MovedBy, Crate = m.Crate, Stop = m.Stop, Loan = m.Loan, Note = m.Note,
        Supersedes = m.Supersedes, Recorded = m.Recorded, RecordedBy = m.RecordedBy,
    };

    public static ConditionCheck ToCheck(ConditionCheckEntity c) => new(c.Key, c.Object, Utc(c.Checked), c.CheckedBy, c.Grade, c.Notes,
        (c.Photographs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(), c.Movement, c.Stop, c.Supersedes, Utc(c.Recorded), c.RecordedBy);

    public static ConditionCheckEntity ToRow(ConditionCheck c) => new()
    {
        Key = c.Key, Object = c.Object, Checked = c.Checked, CheckedBy = c.CheckedBy, Grade = c.Grade, Notes = c.Notes,
        Photographs = c.Photographs.Count == 0 ? null : string.Join(",", c.Photographs), Movement = c.Movement, Stop = c.Stop,
        Supersedes = c.Supersedes, Recorded = c.Recorded, RecordedBy = c.RecordedBy,
    };

    /// SQLite gives dates back unspecified; every ledger instant is UTC.
    public static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
