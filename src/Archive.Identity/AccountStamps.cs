using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Archive.Identity;

/// The security stamp each account signed in with must still be its current one: a change of role,
/// grants, credentials or state, a disabled or deleted account, ends every token and cookie issued
/// before it. Stamps are remembered briefly so a request costs no query; this process forgets an
/// account the moment it changes it, other processes within <see cref="Memory"/>.
public sealed class AccountStamps(TimeProvider clock)
{
    public static readonly TimeSpan Memory = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (string? Stamp, DateTimeOffset Until)> _known = new();

    public async Task<bool> IsCurrentAsync(IdentityDb db, Guid userId, string? stamp, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(stamp))
            return false;
        var now = clock.GetUtcNow();
        if (!_known.TryGetValue(userId, out var known) || known.Until < now)
        {
            var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
            known = (current, now + Memory);
            _known[userId] = known;
        }
        return known.Stamp == stamp;
    }

    public void Forget(Guid userId) => _known.TryRemove(userId, out _);
}
