using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Archive.Identity;

/// The key ring used to live in the data folder ("keys", one XML file per key). Its keys are carried into the database
/// once, so cookies and tokens issued before still open after the move.
public static class KeyRingFolder
{
    /// Copies every key file the database does not hold yet; returns how many.
    public static async Task<int> ImportAsync(IdentityDb db, string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
            return 0;
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml").Order(StringComparer.Ordinal))
        {
            // The file system repository names each key file after its friendly name, as the database repository keeps it.
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name))
                continue;
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await File.ReadAllTextAsync(file, ct) });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
