using Archive.Data.Entities;
using Archive.Engine.Kiosks;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Kiosks;

/// What a screen learns when it asks about its pairing.
public abstract record PairingState
{
    public sealed record Waiting(string Code, DateTime ExpiresAt) : PairingState;
    /// Bound by a curator: the device token, handed over this once.
    public sealed record Paired(KioskDeviceEntity Device, string Token) : PairingState;
    public sealed record Gone : PairingState;
}

/// What a screen reports with each heartbeat.
public sealed record KioskHeartbeat(string? AppVersion, string? BundleVersion, long? FreeStorageBytes, string? LastError, string? Screen);

/// Kiosk screens: pairing by a one-time code, device tokens (stored only as hashes), revocation and heartbeats. Pairing
/// and revoking are in the audit trail.
public sealed class KioskDevices(ArchiveDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan PairingLife = TimeSpan.FromMinutes(15);
    /// Unclaimed codes the archive keeps at once: beyond it a screen is asked to wait (a flood of anonymous requests
    /// cannot fill the table).
    public const int MaxOpenPairings = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// A new code for an unpaired screen and the secret it collects its token with; null when too many are open.
    public async Task<(KioskPairingEntity Pairing, string Secret)?> StartPairingAsync(CancellationToken ct)
    {
        var now = Now;
        await db.KioskPairings.Where(p => p.ExpiresAt < now).ExecuteDeleteAsync(ct);
        if (await db.KioskPairings.CountAsync(p => p.DeviceId == null, ct) >= MaxOpenPairings)
            return null;
        for (var attempt = 0; ; attempt++)
        {
            var code = PairingCode.New();
            if (await db.KioskPairings.AnyAsync(p => p.Code == code, ct) && attempt < 5)
                continue;
            var secret = PairingCode.NewSecret();
            var pairing = new KioskPairingEntity { Id = Guid.NewGuid(), Code = code, SecretHash = PairingCode.Hash(secret), CreatedAt = now, ExpiresAt = now + PairingLife };
            db.KioskPairings.Add(pairing);
            await db.SaveChangesAsync(ct);
            return (pairing, secret);
        }
    }

    /// The screen's question: still waiting, or paired (the token made now and handed over once), or gone.
    public async Task<PairingState> CollectAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret))
            return new PairingState.Gone();
        var hash = PairingCode.Hash(secret);
        var pairing = await db.KioskPairings.FirstOrDefaultAsync(p => p.SecretHash == hash, ct);
        if (pairing is null)
            return new PairingState.Gone();
        if (pairing.DeviceId is not { } deviceId)
            return pairing.ExpiresAt < Now ? new PairingState.Gone() : new PairingState.Waiting(pairing.Code, pairing.ExpiresAt);
        var device = await db.KioskDevices.FirstOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null || device.RevokedAt is not null)
            return new PairingState.Gone();
        var token = "kiosk_" + PairingCode.NewSecret();
        device.TokenHash = PairingCode.Hash(token);
        db.KioskPairings.Remove(pairing);
        await db.SaveChangesAsync(ct);
        return new PairingState.Paired(device, token);
    }

    /// A curator binds the code a screen shows to a kiosk item. Problems name the field: `code` (unknown, expired or
    /// used), `name`.
    public async Task<(KioskDeviceEntity? Device, string? Field, string? Problem)> PairAsync(string? typedCode, Guid kiosk, string? name, string actor, CancellationToken ct)
    {
        if (PairingCode.Normalize(typedCode) is not { } code)
            return (null, "code", $"A pairing code has {PairingCode.Length} letters and digits, as the screen shows it (e.g. K7QM-4XRT).");
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length > 200)
            return (null, "name", "A device name has at most 200 characters.");
        var pairing = await db.KioskPairings.FirstOrDefaultAsync(p => p.Code == code, ct);
        if (pairing is null || pairing.ExpiresAt < Now)
            return (null, "code", "No screen shows this code now: codes last 15 minutes; the screen shows a new one when its code has expired.");
        if (pairing.DeviceId is not null)
            return (null, "code", "This code has already been used to pair a screen.");
        var now = Now;
        var device = new KioskDeviceEntity
        {
            Id = Guid.NewGuid(), KioskKey = kiosk, Name = trimmed.Length > 0 ? trimmed : $"Screen {PairingCode.Display(code)}", PairedAt = now, PairedBy = actor,
        };
        db.KioskDevices.Add(device);
        pairing.DeviceId = device.Id;
        // A screen may take a little while to ask again: the bound code stays collectable for the code's life from now.
        pairing.ExpiresAt = now + PairingLife;
        db.Audit.Add(new AuditEntity { Timestamp = now, Actor = actor, Action = "KioskPair", EntityType = ChangeTypes.Document, EntityKey = kiosk, Comment = $"{device.Name} ({device.Id})" });
        await db.SaveChangesAsync(ct);
        return (device, null, null);
    }

    /// The device a token belongs to, unless it was revoked.
    public async Task<KioskDeviceEntity?> AuthenticateAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith("kiosk_", StringComparison.Ordinal) || token.Length > 100)
            return null;
        var hash = PairingCode.Hash(token);
        return await db.KioskDevices.FirstOrDefaultAsync(d => d.TokenHash == hash && d.RevokedAt == null, ct);
    }

    public Task<KioskDeviceEntity?> FindAsync(Guid id, CancellationToken ct) => db.KioskDevices.FirstOrDefaultAsync(d => d.Id == id, ct);

    /// Revoked: its token stops working at once (and its open update stream at its next beat).
    public async Task<bool> RevokeAsync(Guid id, string actor, CancellationToken ct)
    {
        var device = await db.KioskDevices.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (device is null)
            return false;
        if (device.RevokedAt is null)
        {
            device.RevokedAt = Now;
            device.RevokedBy = actor;
            db.Audit.Add(new AuditEntity { Timestamp = Now, Actor = actor, Action = "KioskRevoke", EntityType = ChangeTypes.Document, EntityKey = device.KioskKey, Comment = $"{device.Name} ({device.Id})" });
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    public async Task HeartbeatAsync(KioskDeviceEntity device, KioskHeartbeat beat, string? currentBundle, CancellationToken ct)
    {
        var now = Now;
        device.LastSeenAt = now;
        device.AppVersion = Clip(beat.AppVersion, 100) ?? device.AppVersion;
        device.BundleVersion = Clip(beat.BundleVersion, 100);
        device.FreeStorageBytes = beat.FreeStorageBytes is >= 0 ? beat.FreeStorageBytes : device.FreeStorageBytes;
        device.Screen = Clip(beat.Screen, 40) ?? device.Screen;
        if (!string.IsNullOrWhiteSpace(beat.LastError) && beat.LastError != device.LastError)
        {
            device.LastError = Clip(beat.LastError, 2000);
            device.LastErrorAt = now;
        }
        device.BundleBehindSince = currentBundle is null || device.BundleVersion == currentBundle ? null : device.BundleBehindSince ?? now;
        await db.SaveChangesAsync(ct);
    }

    private static string? Clip(string? value, int length) => string.IsNullOrWhiteSpace(value) ? null : value.Length > length ? value[..length] : value;

    public async Task<IReadOnlyList<KioskDeviceEntity>> ListAsync(Guid? kiosk, CancellationToken ct) =>
        await db.KioskDevices.AsNoTracking().Where(d => kiosk == null || d.KioskKey == kiosk).OrderBy(d => d.PairedAt).ToListAsync(ct);
}
