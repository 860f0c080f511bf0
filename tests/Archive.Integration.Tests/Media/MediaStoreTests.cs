using System.Text;
using Archive.Integration.Tests.Infrastructure;
using Archive.Media.Storage;

namespace Archive.Integration.Tests.Media;

/// The media store contract, run on the local folder and on Azure Blob Storage (a real Azurite
/// that the test command starts, ARCHIVE_TEST_AZURITE).
public abstract class MediaStoreTests
{
    protected abstract IMediaStore Store { get; }

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<string?> ReadAsync(string path)
    {
        await using var stream = await Store.OpenReadAsync(path);
        return stream is null ? null : await new StreamReader(stream).ReadToEndAsync();
    }

    [SkippableFact]
    public async Task A_written_blob_reads_back_with_its_length_and_type_and_an_overwrite_replaces_it_whole()
    {
        var written = await Store.WriteAsync("a1b2c3/portrait.jpg", Bytes("first version"), "image/jpeg");
        Assert.Equal(13, written.Length);
        var info = await Store.GetInfoAsync("a1b2c3/portrait.jpg");
        Assert.Equal(13, info!.Length);
        Assert.Equal("image/jpeg", info.ContentType);
        Assert.Equal("first version", await ReadAsync("a1b2c3/portrait.jpg"));

        await Store.WriteAsync("a1b2c3/portrait.jpg", Bytes("v2"), "image/jpeg");
        Assert.Equal("v2", await ReadAsync("a1b2c3/portrait.jpg"));
    }

    [SkippableFact]
    public async Task A_write_that_fails_midway_leaves_what_was_there()
    {
        await Store.WriteAsync("d4e5f6/letter.pdf", Bytes("the whole letter"), "application/pdf");
        await Assert.ThrowsAnyAsync<Exception>(() => Store.WriteAsync("d4e5f6/letter.pdf", new FailingStream(), "application/pdf"));
        Assert.Equal("the whole letter", await ReadAsync("d4e5f6/letter.pdf"));
        await Assert.ThrowsAnyAsync<Exception>(() => Store.WriteAsync("d4e5f6/never.pdf", new FailingStream(), "application/pdf"));
        Assert.Null(await Store.GetInfoAsync("d4e5f6/never.pdf"));
    }

    [SkippableFact]
    public async Task Deleting_and_listing()
    {
        await Store.WriteAsync("list01/a.png", Bytes("a"), "image/png");
        await Store.WriteAsync("list01/b.png", Bytes("b"), "image/png");
        await Store.WriteAsync("list02/c.png", Bytes("c"), "image/png");
        var listed = new List<string>();
        await foreach (var path in Store.ListAsync("list01/"))
            listed.Add(path);
        Assert.Equal(["list01/a.png", "list01/b.png"], listed.Order());
        Assert.True(await Store.DeleteAsync("list01/a.png"));
        Assert.False(await Store.DeleteAsync("list01/a.png"));
        Assert.Null(await Store.GetInfoAsync("list01/a.png"));
        Assert.Null(await Store.OpenReadAsync("list01/a.png"));
    }

    [SkippableTheory]
    [InlineData("../outside.txt")]
    [InlineData("a/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\..\\b.txt")]
    public async Task Paths_that_leave_the_store_are_refused(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(path, Bytes("x"), "text/plain"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetInfoAsync(path));
    }

    /// Gives a few bytes, then fails, as a dropped upload does.
    private sealed class FailingStream : Stream
    {
        private int _reads;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (++_reads > 1)
                throw new IOException("the connection dropped");
            buffer[offset] = (byte)'x';
            return 1;
        }
    }
}

public sealed class FileSystemMediaStoreTests : MediaStoreTests
{
    protected override IMediaStore Store { get; } = new FileSystemMediaStore(Paths.TempFolder());
}

public sealed class AzureBlobMediaStoreTests : MediaStoreTests
{
    private static string Connection => TestServices.Setting("ARCHIVE_TEST_AZURITE", "Azurite");
    private readonly string _container = "media-" + Guid.NewGuid().ToString("N")[..12];

    public AzureBlobMediaStoreTests() => Store = AzureBlobMediaStore.Connect(Connection, _container);

    protected override IMediaStore Store { get; }

    [SkippableFact]
    public async Task Blob_properties_are_remembered_briefly_and_the_store_s_own_changes_are_seen_at_once()
    {
        await Store.WriteAsync("1a2b/kiosk.jpg", new MemoryStream([1, 2, 3]), "image/jpeg");
        var first = await Store.GetInfoAsync("1a2b/kiosk.jpg");
        // Another process deletes it: this one still knows the properties (no round trip), and a read finds nothing.
        Assert.True(await AzureBlobMediaStore.Connect(Connection, _container).DeleteAsync("1a2b/kiosk.jpg"));
        Assert.Equal(first, await Store.GetInfoAsync("1a2b/kiosk.jpg"));
        Assert.Null(await Store.OpenReadAsync("1a2b/kiosk.jpg"));

        // Its own write and delete are seen at once.
        var rewritten = await Store.WriteAsync("1a2b/kiosk.jpg", new MemoryStream([1, 2, 3, 4]), "image/jpeg");
        Assert.Equal(4, (await Store.GetInfoAsync("1a2b/kiosk.jpg"))!.Length);
        Assert.Equal(rewritten, await Store.GetInfoAsync("1a2b/kiosk.jpg"));
        await Store.DeleteAsync("1a2b/kiosk.jpg");
        Assert.Null(await Store.GetInfoAsync("1a2b/kiosk.jpg"));
    }
}

/// The host on Azure Blob Storage: the start-up import puts the demo catalogue's images there.
public sealed class AzureBlobHostTests
{
    [SkippableFact]
    public async Task The_archive_starts_on_blob_storage_and_imports_the_demo_images_into_it()
    {
        var connection = TestServices.Setting("ARCHIVE_TEST_AZURITE", "Azurite");
        var container = "host-" + Guid.NewGuid().ToString("N")[..12];
        await using var host = new Web.ArchiveHostFactory();
        host.Settings["Archive:Media:Store"] = "AzureBlob";
        host.Settings["Archive:Media:AzureBlob:ConnectionString"] = connection;
        host.Settings["Archive:Media:AzureBlob:Container"] = container;
        await host.ReadyClientAsync();
        var store = AzureBlobMediaStore.Connect(connection, container);
        var blobs = new List<string>();
        await foreach (var path in store.ListAsync("demo"))
            blobs.Add(path);
        Assert.Equal(63, blobs.Count(b => b.EndsWith(".jpg")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.MediaRoot));
    }
}
