using Archive.Integration.Tests.Infrastructure;
using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Library;
using Archive.Media.Storage;
using Archive.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Integration.Tests.Media;

/// Deleting media is safe against content that still uses it, on both databases; what goes, goes
/// with its derivatives and tiles.
public abstract class MediaDeletionTests(TestDatabase database) : IAsyncLifetime
{
    private const string ChestImage = "88049aca-396f-f9ca-8e5d-3c099713cf03";
    private const string ChestArtefact = "ee109d7d-f924-0815-7492-041e2894165b";
    private ArchiveServices _services = null!;
    private FileSystemMediaStore _store = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _services = new ArchiveServices(database);
        _store = new FileSystemMediaStore(_services.MediaRoot);
        await _services.ImportAsync(Paths.ArchiveUSync, content: true, mediaFolder: Paths.ArchiveMedia);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    private MediaDeletion Deletion(Archive.Data.ArchiveDbContext db)
    {
        var hashes = new SourceHashes(_store);
        return new MediaDeletion(db, _services.Content(db), _store, hashes, new TilePyramids(_store));
    }

    [SkippableFact]
    public async Task Media_an_artefact_uses_is_not_deleted_and_nothing_changes()
    {
        var files = Directory.GetFiles(_services.MediaRoot, "*", SearchOption.AllDirectories).Length;
        await using var db = database.NewContext();
        var result = await Deletion(db).DeleteAsync(Guid.Parse(ChestImage), "curator");
        Assert.False(result.Deleted);
        Assert.Contains(result.ReferencedBy!, r => r.Key == Guid.Parse(ChestArtefact));
        Assert.True(await db.Nodes.AnyAsync(n => n.Key == Guid.Parse(ChestImage) && !n.Trashed));
        Assert.Equal(files, Directory.GetFiles(_services.MediaRoot, "*", SearchOption.AllDirectories).Length);
    }

    [SkippableFact]
    public async Task Unused_media_goes_with_its_file_derivatives_and_tiles()
    {
        using var image = new Image<Rgb24>(700, 300, new Rgb24(1, 2, 3));
        using var bytes = new MemoryStream();
        image.SaveAsPng(bytes);
        UploadResult upload;
        await using (var db = database.NewContext())
            upload = await new MediaUploads(db, _services.Content(db), _services.Schemas, _store).UploadAsync(new MemoryStream(bytes.ToArray()), "spare.png", null, "curator", 10_000_000);
        var path = upload.Url!["/media/".Length..];
        var blob = (await _store.GetInfoAsync(path))!;
        var hashes = new SourceHashes(_store);
        var hash = await hashes.GetAsync(blob);
        await new TilePyramids(_store).BuildAsync(path, hash);
        await new Derivatives(_store, hashes, new TilePyramids(_store)).GetAsync(blob, ImageCommands.Parse([KeyValuePair.Create("width", (string?)"50")], new ImagingSettings()).Commands!);
        Assert.True(Directory.GetFiles(_services.MediaRoot, "*", SearchOption.AllDirectories).Count(f => f.Contains(hash[..24])) > 2);

        await using (var db = database.NewContext())
            Assert.True((await Deletion(db).DeleteAsync(upload.Key!.Value, "curator")).Deleted);
        await using (var db = database.NewContext())
            Assert.False(await db.Nodes.AnyAsync(n => n.Key == upload.Key));
        Assert.Null(await _store.GetInfoAsync(path));
        Assert.DoesNotContain(Directory.GetFiles(_services.MediaRoot, "*", SearchOption.AllDirectories), f => f.Contains(hash[..24]));
        // The same file can be uploaded again.
        await using (var db = database.NewContext())
            Assert.Equal(UploadStatus.Created, (await new MediaUploads(db, _services.Content(db), _services.Schemas, _store).UploadAsync(new MemoryStream(bytes.ToArray()), "spare.png", null, "curator", 10_000_000)).Status);
    }
    [SkippableFact]
    public async Task Files_of_uploads_that_never_became_items_are_swept_once_a_day_old_and_nothing_else()
    {
        using var image = new Image<Rgb24>(64, 64, new Rgb24(9, 8, 7));
        using var bytes = new MemoryStream();
        image.SaveAsPng(bytes);
        UploadResult upload;
        await using (var db = database.NewContext())
            upload = await new MediaUploads(db, _services.Content(db), _services.Schemas, _store).UploadAsync(new MemoryStream(bytes.ToArray()), "kept.png", null, "curator", 10_000_000);
        var kept = upload.Url!["/media/".Length..];
        var old = DateTime.UtcNow.AddDays(-2);
        // A dead upload's file and its private original, both old; another dead upload too recent to judge; a file put by hand.
        var orphans = new[] { "0badf00d/orphan.jpg", "_private/0badf00d/orphan.jpg" };
        foreach (var path in orphans.Append("0badf00e/recent.jpg").Append("by-hand/notes.txt"))
            await _store.WriteAsync(path, new MemoryStream([1, 2, 3]), "application/octet-stream");
        foreach (var path in orphans.Append(kept).Append("by-hand/notes.txt"))
            File.SetLastWriteTimeUtc(_store.LocalPath(path)!, old);
        var before = Directory.GetFiles(_services.MediaRoot, "*", SearchOption.AllDirectories).ToHashSet();

        int swept;
        await using (var db = database.NewContext())
            swept = await new MediaOrphans(db, _store, TimeProvider.System).SweepAsync(CancellationToken.None);
        Assert.True(swept == 2, string.Join(", ", before.Except(Directory.GetFiles(_services.MediaRoot, "*", SearchOption.AllDirectories))));
        foreach (var path in orphans)
            Assert.Null(await _store.GetInfoAsync(path));
        foreach (var path in new[] { kept, "0badf00e/recent.jpg", "by-hand/notes.txt" })
            Assert.NotNull(await _store.GetInfoAsync(path));
        before.ExceptWith(orphans.Select(p => _store.LocalPath(p)!));
        Assert.Equal(before.Order(), Directory.GetFiles(_services.MediaRoot, "*", SearchOption.AllDirectories).Order());
    }
}

public sealed class SqliteMediaDeletionTests() : MediaDeletionTests(new SqliteTestDatabase());

public sealed class PostgresMediaDeletionTests() : MediaDeletionTests(new PostgresTestDatabase());
