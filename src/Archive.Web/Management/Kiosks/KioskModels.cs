namespace Archive.Web.Management;

// Request and response shapes of the kiosk fleet (Archive's own Management API resources).

public sealed record KioskPairRequestModel(string? Code, string? Name);

/// A screen bound to a kiosk: its state (`awaiting` the screen's collection of its token, `online`, `silent`, `revoked`)
/// and flags (`silent`: no heartbeat for longer than `Archive:Kiosks:SilentAfter`; `stale`: running an older bundle for
/// longer than `StaleAfter`; `error`: it reported an error in the last day).
public sealed record KioskDeviceResponseModel(Guid Id, string Name, string State, IReadOnlyList<string> Flags, string PairedAt, string PairedBy, string? LastSeenAt,
    string? AppVersion, string? BundleVersion, bool BundleCurrent, long? FreeStorageBytes, string? LastError, string? LastErrorAt, string? Screen, string? RevokedAt,
    string? RevokedBy);

/// A kiosk item with its current bundle (what its screens should be running) and its screens.
public sealed record KioskResponseModel(Guid Id, string Name, bool Published, Guid? Parent, string? ParentName, string? BundleVersion, int Items, int Files,
    long? BundleBytes, IReadOnlyList<string> Problems, IReadOnlyList<string> Flags, IReadOnlyList<KioskDeviceResponseModel> Devices);

public sealed record KioskUsageItemModel(Guid Id, string? Name, long Opens, long DwellMs, long AverageDwellMs);

public sealed record KioskUsageLanguageModel(string Culture, long Count);

/// Aggregate use over a period: visits begun, objects opened (how often, for how long), languages chosen.
public sealed record KioskUsageResponseModel(Guid Kiosk, string From, string To, long Visits, IReadOnlyList<KioskUsageItemModel> Objects, IReadOnlyList<KioskUsageLanguageModel> Languages);
