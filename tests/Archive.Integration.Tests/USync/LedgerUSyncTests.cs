using Archive.Data.USync;
using Archive.Engine.USync;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Archive.Integration.Tests.USync;

/// usync export and import carry the movement ledger (Archive's own Ledger/ files, one per object or crate): entries are
/// appended by key and never changed, a repeated import adds nothing, and a ledger naming what does not exist or a
/// malformed entry is refused with its file named and nothing imported.
public sealed class LedgerUSyncTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private const string Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce", Carpet = "603d0d87-e542-9427-79de-6898e56edf9d";

    private async Task<string> DemoFolderAsync()
    {
        await using var db = database.NewContext();
        if (!await db.Nodes.AnyAsync())
            await new ArchiveServices(database).ImportAsync(Paths.ArchiveUSync, mediaFolder: Paths.ArchiveMedia);
        var folder = Paths.TempFolder();
        ImportRulesTests.CopyFolder(Paths.ArchiveUSync, folder);
        return folder;
    }

    [Fact]
    public async Task The_demo_s_ledger_exports_as_it_was_imported_and_a_second_import_adds_nothing()
    {
        await DemoFolderAsync();
        var archive = new ArchiveServices(database);
        var exported = Paths.TempFolder();
        await using (var db = database.NewContext())
        {
            await archive.Exporter(db).ExportAsync(exported);
            Assert.True(await db.Movements.CountAsync() >= 182);
        }
        // (The carpet's ledger gains an entry in the next test, which shares this database.)
        foreach (var original in Directory.EnumerateFiles(Path.Combine(Paths.ArchiveUSync, "Ledger")).Where(f => !f.Contains(Carpet)))
            Assert.Equal(File.ReadAllText(original), File.ReadAllText(Path.Combine(exported, "Ledger", Path.GetFileName(original))));
        var dutar = File.ReadAllText(Path.Combine(exported, "Ledger", Dutar + ".config"));
        Assert.Contains("Reason=\"packing\"", dutar);
        Assert.Contains("<ConditionCheck ", dutar);
        Assert.Contains("<Home ", dutar);

        var report = await archive.ImportAsync(exported, mediaFolder: Paths.ArchiveMedia);
        Assert.False(report.Created.ContainsKey("movement"));
        Assert.False(report.Created.ContainsKey("condition check"));
    }

    [Fact]
    public async Task A_new_entry_in_a_ledger_file_is_appended_and_the_rest_left_alone()
    {
        var folder = await DemoFolderAsync();
        var file = Path.Combine(folder, "Ledger", Carpet + ".config");
        var key = Guid.NewGuid();
        File.WriteAllText(file, File.ReadAllText(file).Replace("</Ledger>",
            $"""  <Movement Key="{key}" From="59d05968-2d60-dadb-85da-7a7950eb6706" To="224b8b1c-691d-2b02-a42d-3d8528fd2dbc" Departed="2027-01-10T05:00:00Z" Reason="exhibition" Recorded="2027-01-10T05:00:00Z" RecordedBy="registrar" />{"\n"}</Ledger>"""));
        var report = await new ArchiveServices(database).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia);
        Assert.Equal(1, report.Created["movement"]);
        await using var db = database.NewContext();
        Assert.True(await db.Movements.AnyAsync(m => m.Key == key && m.Subject == Guid.Parse(Carpet)));
    }

    [Theory]
    [InlineData("To=\"224b8b1c-691d-2b02-a42d-3d8528fd2dbc\"", "To=\"11111111-2222-3333-4444-555555555555\"", "is not an item")]
    [InlineData("Reason=\"exhibition\"", "", "Reason")]
    [InlineData("Departed=\"2026-02-18T03:00:00Z\"", "Departed=\"18 February\"", "is not a time")]
    public async Task A_ledger_naming_what_does_not_exist_or_malformed_is_refused_with_its_file(string find, string replace, string problem)
    {
        var folder = await DemoFolderAsync();
        var file = Directory.EnumerateFiles(Path.Combine(folder, "Ledger")).First(f => File.ReadAllText(f).Contains(find));
        File.WriteAllText(file, File.ReadAllText(file).Replace(find, replace));
        await using var db = database.NewContext();
        var before = await db.Movements.CountAsync();
        var error = await Record.ExceptionAsync(() => new ArchiveServices(database).ImportAsync(folder, mediaFolder: Paths.ArchiveMedia));
        Assert.NotNull(error);
        Assert.Contains("Ledger/" + Path.GetFileName(file), error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Equal(before, await db.Movements.CountAsync());
    }
}
