namespace Archive.Data.Entities;

/// A screen bound to a kiosk item. Its token is never stored: only its SHA-256, so a copy of the database cannot act as a
/// kiosk. Revoked devices stay on record (who revoked them, when).
public sealed class KioskDeviceEntity
{
    public Guid Id { get; set; }
    /// The kiosk item (content) the device shows.
    public Guid KioskKey { get; set; }
    public required string Name { get; set; }
    /// SHA-256 of the device token, hex; null until the device has collected its token.
    public string? TokenHash { get; set; }
    public DateTime PairedAt { get; set; }
    public required string PairedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    /// The last heartbeat.
    public DateTime? LastSeenAt { get; set; }
    public string? AppVersion { get; set; }
    public string? BundleVersion { get; set; }
    /// Since when the bundle the device runs has differed from the kiosk's current one (null: up to date).
    public DateTime? BundleBehindSince { get; set; }
    public long? FreeStorageBytes { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
    public string? Screen { get; set; }
}

/// A pairing code shown on an unpaired screen. The screen holds the secret (a cookie) that collects the device token once
/// a curator has entered the code; only the secret's hash is stored. Collecting the token removes the row.
public sealed class KioskPairingEntity
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// The device a curator bound the code to; its token is made when the screen collects it.
    public Guid? DeviceId { get; set; }
}

/// Aggregate use of a kiosk on one day (Kazakhstan time): how often an object was opened and for how long in total, how
/// often a language was chosen, how many visits began. Nothing in it tells one visitor from another.
public sealed class KioskUsageEntity
{
    public Guid KioskKey { get; set; }
    public DateOnly Day { get; set; }
    /// `open` (Subject: item key), `language` (Subject: culture) or `visit` (Subject: "").
    public required string Kind { get; set; }
    public required string Subject { get; set; }
    public long Count { get; set; }
    public long DwellMilliseconds { get; set; }
}
