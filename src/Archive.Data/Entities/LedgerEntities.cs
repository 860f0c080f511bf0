namespace Archive.Data.Entities;

/// A row of the movement ledger; see Archive.Engine.Movements.Movement. Rows are inserted, never updated.
public sealed class MovementEntity
{
    public long Id { get; set; }
    public Guid Key { get; set; }
    /// The object or crate that moved.
    public Guid Subject { get; set; }
    public Guid? From { get; set; }
    public Guid To { get; set; }
    public DateTime Departed { get; set; }
    public DateTime? Arrived { get; set; }
    public required string Reason { get; set; }
    public string? AuthorisedBy { get; set; }
    public string? MovedBy { get; set; }
    public Guid? Crate { get; set; }
    public Guid? Stop { get; set; }
    public Guid? Loan { get; set; }
    public string? Note { get; set; }
    public Guid? Supersedes { get; set; }
    public DateTime Recorded { get; set; }
    public required string RecordedBy { get; set; }
}

/// A condition check; see Archive.Engine.Movements.ConditionCheck. Inserted, never updated.
public sealed class ConditionCheckEntity
{
    public long Id { get; set; }
    public Guid Key { get; set; }
    public Guid Object { get; set; }
    public DateTime Checked { get; set; }
    public required string CheckedBy { get; set; }
    public required string Grade { get; set; }
    public string? Notes { get; set; }
    /// Media keys, comma-separated.
    public string? Photographs { get; set; }
    public Guid? Movement { get; set; }
    public Guid? Stop { get; set; }
    public Guid? Supersedes { get; set; }
    public DateTime Recorded { get; set; }
    public required string RecordedBy { get; set; }
}

/// An object's normal (home) location from a date on. Inserted, never updated: the latest one stands.
public sealed class HomeLocationEntity
{
    public long Id { get; set; }
    public Guid Object { get; set; }
    public Guid Location { get; set; }
    public DateTime Since { get; set; }
    public DateTime Recorded { get; set; }
    public required string RecordedBy { get; set; }
}

/// A crate (or case, or pallet) that objects travel in; where it is comes from the ledger.
public sealed class CrateEntity
{
    public Guid Key { get; set; }
    /// The registrar's number painted on it ("KZ-2026-014"), unique.
    public required string Number { get; set; }
    public string? Description { get; set; }
    public DateTime Created { get; set; }
    public required string CreatedBy { get; set; }
}
