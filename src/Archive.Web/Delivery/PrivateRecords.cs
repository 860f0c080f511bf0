using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Engine.Content;
using Archive.Media.Storage;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Delivery;

/// Records an owner lends for study but not for display ("privateRecord" set): they, the media they
/// use, those media's files, derivatives and IIIF images are kept from every public channel. Read
/// from the published versions; the published cache, the index and the media routes ask here.
public sealed partial class PrivateRecords
{
    public const string Alias = "privateRecord";
    private volatile Snapshot _current = new([], [], new HashSet<string>(StringComparer.Ordinal));

    private sealed record Snapshot(HashSet<Guid> Records, HashSet<Guid> Media, HashSet<string> Paths);

    public static bool IsPrivate(ContentData? data) =>
        data is not null && data.Values.TryGetValue(Alias, out var byCulture) && byCulture.Values.Any(v => v is "1" or "true" or "True");

    public bool IsRecord(Guid key) => _current.Records.Contains(key);

    public bool IsWithheldMedia(Guid key) => _current.Media.Contains(key);

    /// A media path ("<folder>/<file>") whose file belongs to withheld media.
    public bool IsWithheldPath(string path) => _current.Paths.Contains(path);

    /// Whether a change to these items can change what is private: one of them is (or says it is) a private record.
    public async Task<bool> MayChangeAsync(ArchiveDbContext db, IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        keys.Any(IsRecord) || await db.VersionsMentioning(Alias).AsNoTracking().AnyAsync(v => keys.Contains(v.Node!.Key), ct);

    /// Reads the private records and what they use; returns the media whose standing changed.
    public async Task<IReadOnlyCollection<Guid>> RefreshAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var records = new HashSet<Guid>();
        var media = new HashSet<Guid>();
        var versions = await db.VersionsMentioning(Alias).AsNoTracking().Where(v => v.IsPublished || v.IsDraft)
            .Select(v => new { v.Node!.Key, v.Node.Trashed, v.IsPublished, v.Data }).ToListAsync(ct);
        foreach (var version in versions)
        {
            // A record is private as soon as either its draft or its published version says so.
            if (!IsPrivate(ContentData.FromJson(version.Data)))
                continue;
            records.Add(version.Key);
            foreach (Match match in MediaReference().Matches(version.Data))
                if (Guid.TryParse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value, out var key))
                    media.Add(key);
        }
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (media.Count > 0)
        {
            var drafts = await db.NodeVersions.AsNoTracking().Where(v => v.IsDraft && media.Contains(v.Node!.Key)).Select(v => v.Data).ToListAsync(ct);
            foreach (var draft in drafts)
                if (FileOf(ContentData.FromJson(draft)) is { } path)
                    paths.Add(path);
        }
        var previous = _current;
        _current = new Snapshot(records, media, paths);
        return previous.Media.Except(media).Concat(media.Except(previous.Media)).ToList();
    }

    private static string? FileOf(ContentData data) => MediaPath.FromFileValue(data.GetValue("umbracoFile"));

    [GeneratedRegex(@"umb://media/([0-9a-fA-F]{32})|mediaKey\\?""\s*:\s*\\?""([0-9a-fA-F-]{36})")]
    private static partial Regex MediaReference();
}
