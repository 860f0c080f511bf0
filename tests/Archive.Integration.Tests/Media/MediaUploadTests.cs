using System.Text;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Infrastructure;
using Archive.Media.Storage;
using Archive.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Integration.Tests.Media;

/// Uploads into the media library (SQLite, the local store): the kind from the bytes, Umbraco's
/// file values, duplicates found by hash, refused files leave nothing behind.
public sealed class MediaUploadTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly string _media = Paths.TempFolder();
    private ArchiveServices _services = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = new ArchiveServices(_database);
        await _services.ImportAsync(Paths.ArchiveUSync, content: false);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<UploadResult> UploadAsync(byte[] bytes, string name)
    {
        await using var db = _database.NewContext();
        var uploads = new MediaUploads(db, _services.Content(db), _services.Schemas, new FileSystemMediaStore(_media));
        return await uploads.UploadAsync(new MemoryStream(bytes), name, null, "curator", maxBytes: 10_000_000);
    }

    private static byte[] Jpeg()
    {
        using var image = new Image<Rgb24>(120, 80, new Rgb24(10, 90, 160));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private List<string> StoredFiles() => Directory.EnumerateFiles(_media, "*", SearchOption.AllDirectories).ToList();

    [Fact]
    public async Task An_image_becomes_an_Image_item_with_its_file_values_and_the_same_bytes_twice_are_one_item()
    {
        var bytes = Jpeg();
        // The name says PNG; the bytes are a JPEG, and the stored file says so.
        var created = await UploadAsync(bytes, "Portrait of Abai.PNG");
        Assert.Equal(UploadStatus.Created, created.Status);
        Assert.EndsWith("/portrait-of-abai.jpg", created.Url);
        await using (var db = _database.NewContext())
        {
            var node = await db.Nodes.SingleAsync(n => n.Key == created.Key);
            Assert.True(node.IsMedia);
            Assert.Equal("Image", node.ContentTypeAlias);
            var data = ContentData.FromJson((await db.NodeVersions.SingleAsync(v => v.NodeId == node.Id && v.IsDraft)).Data);
            Assert.Contains(created.Url!, data.GetValue("umbracoFile"));
            Assert.Equal("120", data.GetValue("umbracoWidth"));
            Assert.Equal("80", data.GetValue("umbracoHeight"));
            Assert.Equal(bytes.Length.ToString(), data.GetValue("umbracoBytes"));
            Assert.Equal("jpg", data.GetValue("umbracoExtension"));
        }
        Assert.Single(StoredFiles());

        var again = await UploadAsync(bytes, "another name.jpg");
        Assert.Equal(UploadStatus.Duplicate, again.Status);
        Assert.Equal(created.Key, again.Key);
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task A_document_becomes_a_File_item()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% a small document\n%%EOF\n");
        var created = await UploadAsync(pdf, "letter.pdf");
        Assert.Equal(UploadStatus.Created, created.Status);
        await using var db = _database.NewContext();
        Assert.Equal("File", (await db.Nodes.SingleAsync(n => n.Key == created.Key)).ContentTypeAlias);
    }

    [Fact]
    public async Task Refused_files_leave_nothing_behind()
    {
        int before;
        await using (var db = _database.NewContext())
            before = await db.Nodes.CountAsync();
        var empty = await UploadAsync([], "empty.jpg");
        var text = await UploadAsync(Encoding.UTF8.GetBytes("not an image at all"), "photo.jpg");
        var truncated = await UploadAsync(Jpeg()[..100], "cut.jpg");
        Assert.Equal((UploadProblem.Empty, UploadProblem.UnsupportedType, UploadProblem.CorruptImage), (empty.Problem, text.Problem, truncated.Problem));
        Assert.All(new[] { empty, text, truncated }, r => Assert.Equal(UploadStatus.Refused, r.Status));
        await using (var db = _database.NewContext())
            Assert.Equal(before, await db.Nodes.CountAsync());
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task The_command_line_uploads_a_file_and_recognises_it_the_second_time()
    {
        var data = Paths.TempFolder();
        var file = Path.Combine(Paths.TempFolder(), "scan.jpg");
        await File.WriteAllBytesAsync(file, Jpeg());
        var environment = new Dictionary<string, string> { ["Archive__DataPath"] = data, ["Archive__Media__RootPath"] = Path.Combine(data, "media") };
        Task<(int Code, string Output)> Run(params string[] args) => HostProcess.RunAsync(environment, args);
        Assert.Equal(0, (await Run("usync", "import", Paths.ArchiveUSync, "--schema-only")).Code);
        var first = await Run("media", "upload", file);
        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("Uploaded scan.jpg", first.Output);
        var second = await Run("media", "upload", file);
        Assert.Contains("in the media library already", second.Output);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(data, "media"), "*.jpg", SearchOption.AllDirectories));
        var missing = await Run("media", "upload", Path.Combine(data, "nope.jpg"));
        Assert.Equal(1, missing.Code);
    }
    [Fact]
    public async Task A_photograph_with_a_location_is_stored_without_it_and_its_facts_become_labels()
    {
        using var image = new Image<Rgb24>(90, 60, new Rgb24(120, 40, 30));
        var exif = new SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifProfile();
        exif.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.Model, "NIKON D850");
        exif.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.Artist, "Yerlan Nurpeisov");
        exif.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.DateTimeOriginal, "2023:09:01 08:15:00");
        exif.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.GPSLatitude, [new Rational(43, 1), new Rational(14, 1), new Rational(18, 1)]);
        image.Metadata.ExifProfile = exif;
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);

        var created = await UploadAsync(stream.ToArray(), "field photo.jpg");
        Assert.Equal(UploadStatus.Created, created.Status);
        var path = created.Url!["/media/".Length..];
        var served = await File.ReadAllBytesAsync(Path.Combine(_media, path));
        Assert.DoesNotContain("GPS", string.Join(",", MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(served)).SelectMany(d => d.Tags).Select(t => t.Name)));
        Assert.Equal(stream.ToArray(), await File.ReadAllBytesAsync(Path.Combine(_media, "_private", path)));

        await using var db = _database.NewContext();
        var node = await db.Nodes.SingleAsync(n => n.Key == created.Key);
        var data = ContentData.FromJson((await db.NodeVersions.SingleAsync(v => v.NodeId == node.Id && v.IsDraft)).Data);
        Assert.Equal("NIKON D850", data.GetValue("camera"));
        Assert.Equal("Yerlan Nurpeisov", data.GetValue("creator"));
        Assert.Equal("2023-09-01T08:15:00", data.GetValue("captureDate"));
        Assert.Equal("JPEG", data.GetValue("imageFormat"));
    }
    [Fact]
    public async Task An_upload_while_blob_storage_is_down_records_nothing_and_can_be_retried()
    {
        var down = AzureBlobMediaStore.Connect(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;", "media");
        var bytes = Jpeg();
        await using (var db = _database.NewContext())
        {
            var result = await new MediaUploads(db, _services.Content(db), _services.Schemas, down).UploadAsync(new MemoryStream(bytes), "retry.jpg", null, "curator", 10_000_000);
            Assert.Equal(UploadStatus.Unavailable, result.Status);
            Assert.Contains("try the upload again", result.Detail);
        }
        await using (var db = _database.NewContext())
            Assert.False(await db.Nodes.AnyAsync(n => n.IsMedia));
        Assert.Equal(UploadStatus.Created, (await UploadAsync(bytes, "retry.jpg")).Status);
    }
}
