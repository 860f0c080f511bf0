using System.Text;
using Archive.Integration.Tests.Infrastructure;

namespace Archive.Integration.Tests.Spreadsheets;

/// Cataloguing from the command line: `import spreadsheet` reports and refuses a file with errors (exit code 1, nothing
/// written), imports a good one with a mapping file and its images from a folder, saves the mapping, reports a second
/// run as unchanged; `import undo` takes the batch back; `export spreadsheet` writes what imports back unchanged.
public sealed class SpreadsheetCliTests
{
    private const string Korean = "bbfcca41-6c95-992a-759f-d246868f2315";

    [Fact]
    public async Task A_cataloguer_imports_corrects_undoes_and_exports_from_the_command_line()
    {
        var data = Paths.TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["Archive__DataPath"] = data, ["Archive__Media__RootPath"] = Path.Combine(data, "media"), ["Archive__USync__ExportOnSave"] = "false",
        };
        Task<(int Code, string Output)> Run(params string[] args) => HostProcess.RunAsync(environment, args);
        var import = await Run("usync", "import", Paths.ArchiveUSync, "--media", Paths.ArchiveMedia);
        Assert.True(import.Code == 0, import.Output);

        // A sheet in the association's own words, mapped by a file.
        var sheet = Path.Combine(data, "опись.csv");
        File.WriteAllBytes(sheet, Workbooks.Csv([
            ["Инв. №", "Название", "Title", "Материал", "Датировка", "Фото"],
            ["KOR-CLI-1", "Ложка", "Spoon", "Серебро", "конец XIX века", "spoon.png"],
            ["KOR-CLI-2", "Чаша", "Bowl", "Неведомый материал", "когда-то", ""],
        ], ";", Encoding.UTF8, bom: true));
        var mapping = Path.Combine(data, "mapping.json");
        File.WriteAllText(mapping, """
            {"columns": {"Инв. №": {"property": "accessionNumber"}, "Название": {"property": "name", "culture": "ru"},
             "Title": {"property": "title", "culture": "en"}, "Материал": {"property": "materials"}, "Датировка": {"property": "dating"},
             "Фото": {"property": "images"}}}
            """);
        var photos = Directory.CreateDirectory(Path.Combine(data, "photos")).FullName;
        File.WriteAllBytes(Path.Combine(photos, "spoon.png"), Workbooks.Png(120));

        var refused = await Run("import", "spreadsheet", sheet, "--collection", Korean, "--mapping", mapping, "--media", photos);
        Assert.Equal(1, refused.Code);
        Assert.Contains("row 3, Материал", refused.Output);
        Assert.Contains("row 3, Датировка", refused.Output);
        Assert.Contains("Nothing was imported", refused.Output);

        File.WriteAllBytes(sheet, Workbooks.Csv([
            ["Инв. №", "Название", "Title", "Материал", "Датировка", "Фото"],
            ["KOR-CLI-1", "Ложка", "Spoon", "Серебро", "конец XIX века", "spoon.png"],
            ["KOR-CLI-2", "Чаша", "Bowl", "Керамика", "1930s", ""],
        ], ";", Encoding.UTF8, bom: true));
        var imported = await Run("import", "spreadsheet", sheet, "--collection", Korean, "--mapping", mapping, "--media", photos, "--save-mapping");
        Assert.True(imported.Code == 0, imported.Output);
        Assert.Contains("2 to create", imported.Output);
        var batch = System.Text.RegularExpressions.Regex.Match(imported.Output, @"batch ([0-9a-f-]{36})").Groups[1].Value;
        // The saved mapping reads the same sheet again with no mapping given: nothing changes.
        var again = await Run("import", "spreadsheet", sheet, "--collection", Korean, "--dry-run");
        Assert.True(again.Code == 0, again.Output);
        Assert.Contains("2 unchanged", again.Output);

        var export = Path.Combine(data, "export.xlsx");
        var exported = await Run("export", "spreadsheet", export, "--collection", Korean);
        Assert.True(exported.Code == 0, exported.Output);
        var roundTrip = await Run("import", "spreadsheet", export, "--collection", Korean, "--dry-run");
        Assert.True(roundTrip.Code == 0, roundTrip.Output);
        Assert.Contains("0 to create, 0 to update", roundTrip.Output);

        var undone = await Run("import", "undo", batch);
        Assert.True(undone.Code == 0, undone.Output);
        Assert.Contains("Removed 2 created", undone.Output);
        Assert.Contains("2 to create", (await Run("import", "spreadsheet", sheet, "--collection", Korean, "--dry-run", "--media", photos)).Output);
        Assert.Equal(1, (await Run("import", "undo", batch)).Code);
    }
}
