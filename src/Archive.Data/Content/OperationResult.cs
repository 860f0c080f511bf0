using Archive.Engine.Content;

namespace Archive.Data.Content;

public enum OperationStatus
{
    Success,
    NotFound,
    ValidationFailed,
    ConcurrencyConflict,
    NotAllowed,
    DuplicateValue,
    CultureNotAllowed,
    ParentNotPublished,
    /// Still used by stored items: removing it would lose them or their text.
    InUse,
    /// Clashes with another record (an object booked at two stops at once): 409, naming it.
    Conflict,
    /// Well-formed but against a rule of the work (a stop's object no loan covers): 422.
    RuleBroken,
}

/// The outcome of an engine operation: expected failures are values, not exceptions.
public sealed record OperationResult(OperationStatus Status, IReadOnlyList<ContentProblem> Problems, Guid? Key = null, int? Revision = null)
{
    public bool Succeeded => Status == OperationStatus.Success;

    public static OperationResult Ok(Guid key, int revision) => new(OperationStatus.Success, [], key, revision);

    public static OperationResult Fail(OperationStatus status, string path, string message, string? culture = null) =>
        new(status, [new ContentProblem(path, culture, message)]);

    public static OperationResult Fail(OperationStatus status, IReadOnlyList<ContentProblem> problems) => new(status, problems);

    public static OperationResult NotFound(Guid key) => Fail(OperationStatus.NotFound, "$.id", $"No item with key {key}.");

    public override string ToString() => Succeeded ? "Success" : $"{Status}: {string.Join("; ", Problems)}";
}
