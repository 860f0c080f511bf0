namespace Archive.Kiosk;

/// `Archive:Kiosks`: when the fleet view flags a screen, and how large a bundle may grow.
public sealed class KioskOptions
{
    public const string Section = "Archive:Kiosks";

    public bool Enabled { get; set; } = true;

    /// A screen with no heartbeat for this long is flagged silent.
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// A screen still running an older bundle this long after a newer one was ready is flagged stale (screens swap
    /// bundles at the next idle reset, so a short lag is normal).
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// How often screens report (seconds); sent to them in their bundle.
    public int HeartbeatSeconds { get; set; } = 60;

    /// The most objects one bundle holds (a kiosk showing a large collection shows its first ones by sort order).
    public int MaxItems { get; set; } = 300;
}
