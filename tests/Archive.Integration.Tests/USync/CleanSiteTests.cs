using System.Text;
using Archive.Data.USync;
using Archive.Engine.Content;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Archive.Integration.Tests.USync;

/// The complete Umbraco 17 site in the shared fixtures (prjseal/Clean): schema, 25 content nodes,
/// 37 media items and their images.
public abstract class CleanSiteTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static string Site => Path.Combine(Paths.CleanSite, "uSync", "v17");
    private static string SiteMedia => Path.Combine(Paths.CleanSite, "wwwroot", "media");

    [SkippableFact]
    public async Task The_site_imports_exports_byte_for_byte_and_reimports_unchanged()
    {
        var archive = new ArchiveServices(database);
        var report = await archive.ImportAsync(Site, mediaFolder: SiteMedia);
        Assert.Equal(25, report.Created["content"]);
        Assert.Equal(37, report.Created["media"]);
        Assert.Empty(report.Warnings);

        await using (var db = database.NewContext())
        {
            Assert.Equal(25, await db.Nodes.CountAsync(n => !n.IsMedia));
            Assert.Equal(37, await db.Nodes.CountAsync(n => n.IsMedia));
            var home = await db.Nodes.SingleAsync(n => n.Key == Guid.Parse("dcf18a51-6919-4cf8-89d1-36b94ce4d963"));
            var data = ContentData.FromJson((await db.NodeVersions.SingleAsync(v => v.NodeId == home.Id && v.IsPublished)).Data);
            Assert.Contains("\"contentTypeKey\": \"60085a63-b77b-4509-9df4-bcb75db2755f\"", data.GetValue("contentRows"));
        }
        // Every media file the items name is in the store, byte for byte; one that names where it was taken
        // (these photographs' IPTC records give the city) is served cleaned, its original kept privately.
        var mediaFiles = Directory.EnumerateFiles(SiteMedia, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(34, mediaFiles.Count);
        var cleaned = 0;
        foreach (var file in mediaFiles)
        {
            var relative = Path.GetRelativePath(SiteMedia, file);
            var stored = Path.Combine(archive.MediaRoot, relative);
            var original = Path.Combine(archive.MediaRoot, Archive.Media.Metadata.PublicCopy.PrivateFolder, relative);
            Assert.True(File.Exists(stored), stored);
            if (File.Exists(original))
            {
                cleaned++;
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(original));
                Assert.False(Archive.Media.Metadata.ImageFacts.Read(File.OpenRead(stored)).HasLocation, relative);
            }
            else
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(stored));
        }
        Assert.True(cleaned < mediaFiles.Count);

        var exported = Paths.TempFolder();
        await using (var db = database.NewContext())
            await archive.Exporter(db).ExportAsync(exported);
        var differences = new List<string>();
        foreach (var original in Directory.EnumerateFiles(Site, "*.config", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Site, original);
            var copy = Path.Combine(exported, relative);
            if (!File.Exists(copy))
                differences.Add($"missing {relative}");
            else if (!SameUSync(File.ReadAllBytes(original), File.ReadAllBytes(copy)))
                differences.Add($"differs {relative}");
        }
        Assert.Empty(differences);
        Assert.Equal(34, Directory.EnumerateFiles(Path.Combine(exported, "media"), "*", SearchOption.AllDirectories).Count());

        var again = await archive.ImportAsync(exported, mediaFolder: Path.Combine(exported, "media"));
        Assert.Equal(0, again.Total(again.Created));
        Assert.Equal(0, again.Total(again.Updated));
        Assert.Equal(62, again.Unchanged["content"] + again.Unchanged["media"]);
    }

    /// uSync writes no trailing newline; one file in the fixture has one, which is not content.
    private static bool SameUSync(byte[] a, byte[] b) =>
        Encoding.UTF8.GetString(a).TrimEnd('\n') == Encoding.UTF8.GetString(b).TrimEnd('\n');
}

public sealed class SqliteCleanSiteTests(SqliteTestDatabase database) : CleanSiteTests<SqliteTestDatabase>(database);

public sealed class PostgresCleanSiteTests(PostgresTestDatabase database) : CleanSiteTests<PostgresTestDatabase>(database);
