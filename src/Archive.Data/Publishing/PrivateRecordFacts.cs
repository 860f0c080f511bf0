using System.Text.RegularExpressions;
using Archive.Data.Entities;
using Archive.Engine.Content;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Publishing;

/// Which records are private (their draft or published version says so) and which media they use: facts
/// the projection needs about relations between items. Kept between reads and read again only when a
/// change touches an item that is, or says it is, a private record.
public sealed partial class PrivateRecordFacts
{
    private volatile Snapshot? _current;

    private sealed record Snapshot(HashSet<Guid> Records, HashSet<Guid> Media);

    public bool IsRecord(Guid key) => _current?.Records.Contains(key) == true;

    public bool IsUsedByRecord(Guid key) => _current?.Media.Contains(key) == true;

    /// Makes sure the facts are current for a change to these items; returns the media whose standing changed.
    public async Task<IReadOnlyCollection<Guid>> FollowAsync(ArchiveDbContext db, IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        if (_current is not null && !keys.Any(IsRecord)
            && !await db.VersionsMentioning(ArchiveAliases.PrivateRecord).AsNoTracking().AnyAsync(v => keys.Contains(v.Node!.Key), ct))
            return [];
        return await RefreshAsync(db, ct);
    }

    /// Reads the private records and what they use; returns the media whose standing changed.
    public async Task<IReadOnlyCollection<Guid>> RefreshAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var records = new HashSet<Guid>();
        var media = new HashSet<Guid>();
        var versions = await db.VersionsMentioning(ArchiveAliases.PrivateRecord).AsNoTracking().Where(v => v.IsPublished || v.IsDraft)
            .Select(v => new { v.Node!.Key, v.Data }).ToListAsync(ct);
        foreach (var version in versions)
        {
            if (!PublicProjection.SaysPrivate(ContentData.FromJson(version.Data)))
                continue;
            records.Add(version.Key);
            foreach (Match match in MediaReference().Matches(version.Data))
                if (Guid.TryParse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value, out var key))
                    media.Add(key);
        }
        var previous = _current ?? new Snapshot([], []);
        _current = new Snapshot(records, media);
        return previous.Media.Except(media).Concat(media.Except(previous.Media)).ToList();
    }

    [GeneratedRegex(@"umb://media/([0-9a-fA-F]{32})|mediaKey\\?""\s*:\s*\\?""([0-9a-fA-F-]{36})")]
    private static partial Regex MediaReference();
}
