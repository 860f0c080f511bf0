namespace Archive.Engine.Movements;

/// One entry of the movement ledger (Spectrum's location and movement control): an object or a crate left one
/// location for another. Entries are never changed: a mistake is put right by a later entry that supersedes it.
/// An object packed in a crate carries the crate's key; when the crate moves, each object in it gets its own entry.
public sealed record Movement(
    Guid Key,
    Guid Subject,
    Guid? From,
    Guid To,
    DateTime Departed,
    DateTime? Arrived,
    string Reason,
    string? AuthorisedBy,
    string? MovedBy,
    Guid? Crate,
    Guid? Stop,
    Guid? Loan,
    string? Note,
    Guid? Supersedes,
    DateTime Recorded,
    string RecordedBy)
{
    /// When the move was over: on arrival, or at departure where no arrival is recorded.
    public DateTime Ended => Arrived ?? Departed;
}

/// Why something moved: Spectrum's movement reasons, as stored.
public static class MovementReasons
{
    public const string Inventory = "inventory";
    public const string Storage = "storage";
    public const string Exhibition = "exhibition";
    public const string LoanOut = "loanOut";
    public const string LoanReturn = "loanReturn";
    public const string Conservation = "conservation";
    public const string Photography = "photography";
    public const string Packing = "packing";
    public const string Unpacking = "unpacking";
    public const string Transit = "transit";

    public static readonly string[] All = [Inventory, Storage, Exhibition, LoanOut, LoanReturn, Conservation, Photography, Packing, Unpacking, Transit];
}

/// A condition check at a hand-over (Spectrum's condition checking): when, by whom, the grade on the artefact's own
/// scale, notes and photographs. Append-only as movements are.
public sealed record ConditionCheck(
    Guid Key,
    Guid Object,
    DateTime Checked,
    string CheckedBy,
    string Grade,
    string? Notes,
    IReadOnlyList<Guid> Photographs,
    Guid? Movement,
    Guid? Stop,
    Guid? Supersedes,
    DateTime Recorded,
    string RecordedBy);

/// An object's normal (home) location from a date on: where it is kept when it is not away.
public sealed record HomeLocation(Guid Object, Guid Location, DateTime Since, DateTime Recorded, string RecordedBy);
