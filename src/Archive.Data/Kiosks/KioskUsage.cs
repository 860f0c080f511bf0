using Archive.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Kiosks;

/// One aggregate a screen sends: counts and total dwell for an item opened, a language chosen or visits begun, on a day.
public sealed record UsageCount(DateOnly Day, string Kind, string Subject, long Count, long DwellMilliseconds);

/// The kiosks' anonymous use statistics: aggregates only, added to per day and subject.
public sealed class KioskUsage(ArchiveDbContext db)
{
    public static readonly string[] Kinds = ["open", "language", "visit"];

    public async Task AddAsync(Guid kiosk, IReadOnlyList<UsageCount> counts, CancellationToken ct)
    {
        if (counts.Count == 0)
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var group in counts.GroupBy(c => (c.Day, c.Kind, c.Subject)))
        {
            var (day, kind, subject) = group.Key;
            var row = await db.KioskUsage.FirstOrDefaultAsync(u => u.KioskKey == kiosk && u.Day == day && u.Kind == kind && u.Subject == subject, ct);
            if (row is null)
                db.KioskUsage.Add(row = new KioskUsageEntity { KioskKey = kiosk, Day = day, Kind = kind, Subject = subject });
            row.Count += group.Sum(c => c.Count);
            row.DwellMilliseconds += group.Sum(c => c.DwellMilliseconds);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<KioskUsageEntity>> ReadAsync(Guid? kiosk, DateOnly from, DateOnly to, CancellationToken ct) =>
        await db.KioskUsage.AsNoTracking().Where(u => (kiosk == null || u.KioskKey == kiosk) && u.Day >= from && u.Day <= to).ToListAsync(ct);
}
