using Archive.Data.USync;
using Archive.Engine.USync;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Archive.Integration.Tests.USync;

public sealed class ImportRulesTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static string Nikcio => Path.Combine(Paths.Fixtures, "nikcio__Nikcio.UHeadless");

    [Fact]
    public async Task A_partial_folder_with_a_missing_content_type_is_refused_and_nothing_is_imported()
    {
        var archive = new ArchiveServices(database);
        var folder = Path.Combine(Nikcio, "examples", "code-examples", "uSync", "v17");
        var error = await Assert.ThrowsAsync<USyncImportException>(() => archive.ImportAsync(folder));
        Assert.Contains(error.Problems, p => p.StartsWith("Content/filledpage.config:") && p.Contains("'defaultCulture'"));
        await using var db = database.NewContext();
        Assert.False(await db.Nodes.AnyAsync());
    }

    [Fact]
    public async Task A_content_type_whose_data_type_no_file_defines_is_refused_naming_the_file()
    {
        var archive = new ArchiveServices(database);
        var folder = Path.Combine(Nikcio, "examples", "code-examples", "uSync", "v16");
        var error = await Assert.ThrowsAsync<USyncImportException>(() => archive.ImportAsync(folder));
        Assert.Contains(error.Problems, p => p.StartsWith("ContentTypes/textboxeditorculture.config:") && p.Contains("data type"));
        await using var db = database.NewContext();
        Assert.False(await db.SchemaItems.AnyAsync(s => s.Alias == "textBoxEditorCulture"));
        Assert.False(await db.Languages.AnyAsync(l => l.IsoCode == "da"));
    }

    [Fact]
    public async Task One_bad_reference_stops_the_whole_import()
    {
        var folder = DemoCopy();
        // Point one artefact at a parent that no file defines.
        var file = ArtefactFiles(folder).First();
        var text = File.ReadAllText(file);
        var parentKey = System.Text.RegularExpressions.Regex.Match(text, "<Parent Key=\"([^\"]+)\"").Groups[1].Value;
        File.WriteAllText(file, text.Replace(parentKey, "11111111-2222-3333-4444-555555555555"));

        await using var db = database.NewContext();
        var before = await db.Nodes.CountAsync();
        var error = await Assert.ThrowsAsync<USyncImportException>(() => new ArchiveServices(database).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia));
        Assert.Contains(error.Problems, p => p.StartsWith("Content/" + Path.GetFileName(file)) && p.Contains("parent"));
        Assert.Equal(before, await db.Nodes.CountAsync());
    }

    [Fact]
    public async Task Two_files_with_one_key_are_refused_naming_both_files()
    {
        var folder = DemoCopy();
        var file = ArtefactFiles(folder).First();
        File.Copy(file, Path.Combine(folder, "Content", "copy-of-an-artefact.config"));

        var error = await Assert.ThrowsAsync<USyncImportException>(() => new ArchiveServices(database).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia));
        var problem = Assert.Single(error.Problems, p => p.Contains("more than one file"));
        Assert.Contains("Content/" + Path.GetFileName(file), problem);
        Assert.Contains("Content/copy-of-an-artefact.config", problem);
    }

    /// Siblings of one name get numbered segments, whether the clash is within one import or with what an earlier import
    /// left in the archive.
    [Fact]
    public async Task Imported_siblings_of_one_name_get_numbered_segments_across_imports()
    {
        var folder = DemoCopy();
        var file = ArtefactFiles(folder).First();
        var text = File.ReadAllText(file);
        var key = KeyOf(text);
        string Twin(string twin) => System.Text.RegularExpressions.Regex.Replace(text.Replace(key, twin),
            @"(<accessionNumber>\s*<Value><!\[CDATA\[)[^\]]*", m => m.Groups[1].Value + "TWIN-" + twin[..8]);
        File.WriteAllText(Path.Combine(folder, "Content", "twin-a.config"), Twin("aaaaaaaa-0000-4000-8000-000000000001"));
        await using var fresh = await FreshDatabaseAsync();
        await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        File.WriteAllText(Path.Combine(folder, "Content", "twin-b.config"), Twin("bbbbbbbb-0000-4000-8000-000000000002"));
        await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);

        await using var db = fresh.NewContext();
        var keys = new[] { key, "aaaaaaaa-0000-4000-8000-000000000001", "bbbbbbbb-0000-4000-8000-000000000002" }.Select(Guid.Parse).ToList();
        var segments = await db.NodeCultures.Where(c => c.Culture == "en" && db.Nodes.Any(n => n.Id == c.NodeId && keys.Contains(n.Key)))
            .Select(c => c.UrlSegment).ToListAsync();
        Assert.Equal(3, segments.Count);
        var first = segments.OrderBy(s => s.Length).First();
        Assert.Equal([first, first + "-2", first + "-3"], segments.Order(StringComparer.Ordinal));
    }

    /// A collection the folder moves to another institution takes everything beneath it along: paths, levels, and so
    /// the ancestors every projection (and its privacy) reads from them.
    [Fact]
    public async Task A_collection_moved_in_the_folder_takes_its_objects_along_on_reimport()
    {
        var folder = DemoCopy();
        await using var fresh = await FreshDatabaseAsync();
        await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        var collection = Path.Combine(folder, "Content", "aqyn-kabineti.config");
        var text = File.ReadAllText(collection);
        const string pushkin = "dc6ccb45-dc15-1700-8ca4-b8e616264b24";
        var dostoevsky = KeyOf(File.ReadAllText(Path.Combine(folder, "Content", "f-m-dostoevskiidin-adebi-memorialdyq-murazhaiy-ulgi.config")));
        Assert.Contains(pushkin, text);
        File.WriteAllText(collection, text.Replace(pushkin, dostoevsky));

        await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        await using var db = fresh.NewContext();
        var moved = await db.Nodes.SingleAsync(n => n.Key == Guid.Parse(KeyOf(text)));
        var institution = await db.Nodes.SingleAsync(n => n.Key == Guid.Parse(dostoevsky));
        Assert.Equal($"{institution.Path},{moved.Id}", moved.Path);
        var beneath = await db.Nodes.Where(n => n.ParentId == moved.Id).ToListAsync();
        Assert.NotEmpty(beneath);
        Assert.All(beneath, n => Assert.Equal($"{moved.Path},{n.Id}", n.Path));
        Assert.All(beneath, n => Assert.Equal(moved.Level + 1, n.Level));
        // Their accession numbers are the new institution's now: checked against its numbers, freed in the old one.
        var ids = beneath.Select(n => n.Id).ToList();
        var claims = await db.UniqueValues.Where(u => ids.Contains(u.NodeId)).ToListAsync();
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal(Guid.Parse(dostoevsky), c.ScopeKey));
    }

    [Fact]
    public async Task A_reimported_accession_number_is_claimed_anew_and_one_already_used_is_refused()
    {
        var folder = DemoCopy();
        await using var fresh = await FreshDatabaseAsync();
        await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        var siblings = ArtefactFiles(folder).GroupBy(ParentOf).First(g => g.Count() >= 2).Take(2).ToList();
        var (renumbered, other) = (siblings[0], siblings[1]);
        var before = AccessionOf(File.ReadAllText(renumbered));
        File.WriteAllText(renumbered, File.ReadAllText(renumbered).Replace($"[CDATA[{before}]]", "[CDATA[RENUMBERED-1]]"));

        await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        await using (var db = fresh.NewContext())
        {
            var key = Guid.Parse(KeyOf(File.ReadAllText(renumbered)));
            var values = await db.UniqueValues.Where(u => u.Node!.Key == key && u.Alias == "accessionNumber").Select(u => u.Value).ToListAsync();
            Assert.Equal(["RENUMBERED-1"], values);
            Assert.False(await db.UniqueValues.AnyAsync(u => u.Value == before.ToUpperInvariant()));
        }

        // The sibling takes the number the first now has: the import stops, naming the file, and changes nothing.
        var text = File.ReadAllText(other);
        File.WriteAllText(other, text.Replace($"[CDATA[{AccessionOf(text)}]]", "[CDATA[renumbered-1]]"));
        var error = await Assert.ThrowsAsync<USyncImportException>(() => new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia));
        Assert.Contains(error.Problems, p => p.StartsWith("Content/" + Path.GetFileName(other)) && p.Contains("renumbered-1"));
        await using (var db = fresh.NewContext())
            Assert.Equal(1, await db.UniqueValues.CountAsync(u => u.Value == "RENUMBERED-1"));
    }

    private static string ParentOf(string file) =>
        System.Text.RegularExpressions.Regex.Match(File.ReadAllText(file), "<Parent Key=\"([^\"]+)\"").Groups[1].Value;

    private static string AccessionOf(string text) =>
        System.Text.RegularExpressions.Regex.Match(text, @"<accessionNumber>\s*<Value><!\[CDATA\[([^\]]+)\]\]>").Groups[1].Value;

    [Fact]
    public async Task Items_imported_before_and_gone_from_the_folder_are_reported_and_kept()
    {
        var folder = DemoCopy();
        await using var fresh = await FreshDatabaseAsync();
        await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        var gone = ArtefactFiles(folder).Take(2).ToList();
        var keys = gone.Select(f => KeyOf(File.ReadAllText(f))).ToList();
        gone.ForEach(File.Delete);

        var report = await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        Assert.Equal(2, report.NotInFolder.Count);
        Assert.All(keys, key => Assert.Contains(report.NotInFolder, line => line.Contains(key, StringComparison.OrdinalIgnoreCase)));
        await using var db = fresh.NewContext();
        var kept = keys.Select(Guid.Parse).ToList();
        Assert.Equal(2, await db.Nodes.CountAsync(n => kept.Contains(n.Key)));
    }

    [Fact]
    public async Task A_missing_media_file_is_refused_with_the_item_and_path()
    {
        var folder = DemoCopy();
        var error = await Assert.ThrowsAsync<USyncImportException>(() => new ArchiveServices(database).ImportAsync(folder, mediaFolder: Paths.TempFolder()));
        Assert.Contains(error.Problems, p => p.StartsWith("Media/") && p.Contains("/media/demo0001/"));
    }

    [Fact]
    public async Task Script_in_imported_rich_text_is_kept_and_reported()
    {
        var folder = DemoCopy();
        var file = ArtefactFiles(folder).First();
        var text = File.ReadAllText(file);
        var index = text.IndexOf("\"markup\": \"<p>", StringComparison.Ordinal) + "\"markup\": \"".Length;
        File.WriteAllText(file, text.Insert(index, "<script>alert(1)</script>"));

        await using var fresh = await FreshDatabaseAsync();
        var report = await new ArchiveServices(fresh).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        var warning = Assert.Single(report.Warnings);
        Assert.Contains(Path.GetFileName(file), warning);
        Assert.Contains("<script>", warning);
        await fresh.DisposeAsync();
    }

    /// A copy of the demo catalogue's uSync folder, to change before importing.
    private static string DemoCopy()
    {
        var folder = Paths.TempFolder();
        CopyFolder(Paths.ArchiveUSync, folder);
        return folder;
    }

    /// The demo copy's artefact files, in file order.
    private static IEnumerable<string> ArtefactFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(folder, "Content")).Order(StringComparer.Ordinal).Where(f => File.ReadAllText(f).Contains("<ContentType>artefact</ContentType>"));

    private static string KeyOf(string text) => System.Text.RegularExpressions.Regex.Match(text, "<Content Key=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<SqliteTestDatabase> FreshDatabaseAsync()
    {
        var fresh = new SqliteTestDatabase();
        await fresh.InitializeAsync();
        return fresh;
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

public sealed class DemoCatalogueTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task The_demo_catalogue_imports_once_and_again_without_changes()
    {
        var archive = new ArchiveServices(database);
        var first = await archive.ImportAsync(Paths.ArchiveUSync, mediaFolder: Paths.ArchiveMedia);
        Assert.Empty(first.Warnings);
        await using (var db = database.NewContext())
        {
            Assert.True(await db.Nodes.CountAsync(n => n.ContentTypeAlias == "artefact") >= 60);
            Assert.Equal(4, await db.Nodes.CountAsync(n => n.ContentTypeAlias == "institution" && db.NodeCultures.Any(c => c.NodeId == n.Id && c.Name.Contains("(үлгі)") && (c.Name.Contains("мұражай") || c.Name.Contains("Мұражай")))));
            Assert.Equal(2, await db.Nodes.CountAsync(n => n.ContentTypeAlias == "exhibitionStop"));
            Assert.All(await db.NodeCultures.Where(c => db.Nodes.Any(n => n.Id == c.NodeId && n.ContentTypeAlias == "artefact")).ToListAsync(), c => Assert.True(c.Published));
            Assert.True(await db.Languages.CountAsync() >= 8);
            Assert.Equal("kk", (await db.Languages.SingleAsync(l => l.IsDefault)).IsoCode);
        }

        var second = await archive.ImportAsync(Paths.ArchiveUSync, mediaFolder: Paths.ArchiveMedia);
        Assert.Equal(0, second.Total(second.Created));
        Assert.Equal(0, second.Total(second.Updated));
        Assert.False(second.SchemaChanged);
    }
}
