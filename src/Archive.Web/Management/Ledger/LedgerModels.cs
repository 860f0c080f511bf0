namespace Archive.Web.Management;

// Request and response shapes of the movement ledger (Archive's own Management API resources).

public sealed record MovementRequestModel(Guid? Object, Guid? Crate, Guid? From, Guid? To, string? Departed, string? Arrived, string? Reason,
    string? AuthorisedBy, string? MovedBy, Guid? Stop, Guid? Loan, string? Note, Guid? Supersedes);

public sealed record ConditionCheckRequestModel(Guid? Object, string? Checked, string? CheckedBy, string? Grade, string? Notes, List<Guid>? Photographs,
    Guid? Movement, Guid? Stop, Guid? Supersedes);

public sealed record HomeLocationRequestModel(Guid? Location, string? Since);

public sealed record CrateRequestModel(string Number, string? Description);

/// An item named in the caller's language (a location, venue, institution, stop, loan, object or crate).
public sealed record LedgerReferenceModel(Guid Id, string? Name);

public sealed record MovementResponseModel(Guid Id, LedgerReferenceModel Subject, LedgerReferenceModel? From, LedgerReferenceModel To, string Departed, string? Arrived,
    string Reason, string? AuthorisedBy, string? MovedBy, LedgerReferenceModel? Crate, LedgerReferenceModel? Stop, LedgerReferenceModel? Loan, string? Note,
    Guid? Supersedes, bool Superseded, string Recorded, string RecordedBy);

public sealed record ConditionCheckResponseModel(Guid Id, Guid Object, string Checked, string CheckedBy, string Grade, string? Notes, IReadOnlyList<Guid> Photographs,
    Guid? Movement, LedgerReferenceModel? Stop, Guid? Supersedes, bool Superseded, string Recorded, string RecordedBy);

public sealed record HomeLocationResponseModel(LedgerReferenceModel Location, string Since, string Recorded, string RecordedBy);

/// Where an object was at an instant: at a location (in a crate or not) or in transit between two, beside its home.
public sealed record WhereaboutsResponseModel(LedgerReferenceModel Object, string At, LedgerReferenceModel? Location, bool InTransit,
    LedgerReferenceModel? From, LedgerReferenceModel? Crate, LedgerReferenceModel? Home, bool AwayFromHome, Guid? LastMovement);

public sealed record LedgerResponseModel(LedgerReferenceModel Object, IReadOnlyList<MovementResponseModel> Movements, IReadOnlyList<ConditionCheckResponseModel> ConditionChecks,
    IReadOnlyList<HomeLocationResponseModel> Homes, WhereaboutsResponseModel Now);

public sealed record PagedWhereaboutsResponseModel(int Total, IReadOnlyList<WhereaboutsResponseModel> Items);

/// A place movements can go to: its name, its name with the places above it, its type, whether it is private.
public sealed record PlaceResponseModel(Guid Id, string Name, string Path, string Type, bool Private);

public sealed record CrateResponseModel(Guid Id, string Number, string? Description, WhereaboutsResponseModel? Where, IReadOnlyList<LedgerReferenceModel> Contents);
