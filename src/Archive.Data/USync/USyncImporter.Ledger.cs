using Archive.Data.Entities;
using Archive.Data.Movements;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.USync;

public sealed partial class USyncImporter
{
    /// Every item a ledger names must exist, in the folder or the database: its subject (or the crate it defines),
    /// the places, stops and loans of its movements.
    private static void ValidateLedgers(USyncPackage package, Dictionary<Guid, NodeRef> nodeIndex, List<string> problems)
    {
        if (package.Ledgers.Count == 0)
            return;
        var known = package.Nodes.Select(n => n.Key).Concat(nodeIndex.Keys).ToHashSet();
        var crates = package.Ledgers.Where(l => l.Item.CrateNumber is not null).Select(l => l.Item.Subject).ToHashSet();
        foreach (var entry in package.Ledgers)
        {
            var ledger = entry.Item;
            if (!known.Contains(ledger.Subject) && ledger.CrateNumber is null)
                problems.Add($"{entry.File}: the ledger's subject {ledger.Subject} is neither an item nor a crate.");
            foreach (var m in ledger.Movements)
                foreach (var (name, key) in new[] { ("From", m.From), ("To", m.To), ("Stop", m.Stop), ("Loan", m.Loan) })
                    if (key is { } k && !known.Contains(k))
                        problems.Add($"{entry.File}: movement {m.Key} {name} {k} is not an item of the folder or the archive.");
            foreach (var m in ledger.Movements.Where(m => m.Crate is { } c && !crates.Contains(c)))
                problems.Add($"{entry.File}: movement {m.Key} names the crate {m.Crate}, which no Ledger file defines.");
        }
    }

    /// Appends what the archive's ledgers lack: entries are matched by key and never changed. A subject's new
    /// entries are written in time order, so its latest entry stays its newest row.
    private async Task ImportLedgersAsync(USyncPackage package, ImportReport report, CancellationToken ct)
    {
        if (package.Ledgers.Count == 0)
            return;
        var crates = (await db.Crates.AsNoTracking().Select(c => c.Key).ToListAsync(ct)).ToHashSet();
        foreach (var entry in package.Ledgers.Where(l => l.Item.CrateNumber is not null && !crates.Contains(l.Item.Subject)))
        {
            db.Crates.Add(new CrateEntity
            {
                Key = entry.Item.Subject, Number = entry.Item.CrateNumber!, Description = entry.Item.CrateDescription,
                Created = entry.Item.Movements.Select(m => m.Recorded).DefaultIfEmpty(clock.GetUtcNow().UtcDateTime).Min(), CreatedBy = "uSync"
            });
            report.Count(report.Created, "crate");
        }
        var movementKeys = (await db.Movements.AsNoTracking().Select(m => m.Key).ToListAsync(ct)).ToHashSet();
        var checkKeys = (await db.ConditionChecks.AsNoTracking().Select(c => c.Key).ToListAsync(ct)).ToHashSet();
        var homes = (await db.HomeLocations.AsNoTracking().Select(h => new { h.Object, h.Location, h.Since }).ToListAsync(ct))
            .Select(h => (h.Object, h.Location, LedgerRows.Utc(h.Since))).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ledger in package.Ledgers.Select(l => l.Item))
        {
            var added = ledger.Movements.Where(m => !movementKeys.Contains(m.Key)).OrderBy(m => m.Departed).ThenBy(m => m.Recorded).ToList();
            foreach (var m in added)
            {
                db.Movements.Add(LedgerRows.ToRow(m));
                report.Count(report.Created, "movement");
            }
            // The object's public whereabouts come from its ledger.
            if (added.Count > 0 && ledger.CrateNumber is null)
                db.ChangeLog.Add(new ChangeLogEntity { Timestamp = now, EntityType = ChangeTypes.Document, Key = ledger.Subject, Change = LedgerWriter.LedgerChange });
            foreach (var c in ledger.Checks.Where(c => !checkKeys.Contains(c.Key)))
            {
                db.ConditionChecks.Add(LedgerRows.ToRow(c));
                report.Count(report.Created, "condition check");
            }
            foreach (var h in ledger.Homes.Where(h => !homes.Contains((h.Object, h.Location, h.Since))))
            {
                db.HomeLocations.Add(new HomeLocationEntity { Object = h.Object, Location = h.Location, Since = h.Since, Recorded = h.Recorded, RecordedBy = h.RecordedBy });
                report.Count(report.Created, "home location");
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
