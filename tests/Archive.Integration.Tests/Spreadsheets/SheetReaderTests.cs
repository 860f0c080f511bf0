using System.Text;
using Archive.Spreadsheets.Reading;

namespace Archive.Integration.Tests.Spreadsheets;

/// Reading spreadsheets as curators save them: every common encoding and separator, XLSX with formulas, and the files
/// that must be refused whole (broken quoting, binary data, a spreadsheet bomb, a damaged workbook).
public sealed class SheetReaderTests : IDisposable
{
    private readonly string _folder = Infrastructure.Paths.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Save(byte[] bytes, string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly string[][] Russian =
    [
        ["accessionNumber", "name_ru", "materials"],
        ["ИНВ-1", "Сундук; деревянный", "Дерево"],
        ["ИНВ-2", "Письмо \"с фронта\"", "Бумага"],
    ];

    [Theory]
    [InlineData("utf-8", ",", false)]
    [InlineData("utf-8", ";", true)]
    [InlineData("utf-16", "\t", true)]
    [InlineData("windows-1251", ";", false)]
    [InlineData("koi8-r", "|", false)]
    public void Csv_is_read_in_its_encoding_and_separator(string encodingName, string separator, bool bom)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(encodingName);
        using var sheet = SheetReader.Open(Save(Workbooks.Csv(Russian, separator, encoding, bom), "objects.csv"));
        Assert.Equal("csv", sheet.Format);
        Assert.Equal(["accessionNumber", "name_ru", "materials"], sheet.Headers);
        var rows = sheet.Rows.ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["ИНВ-1", "Сундук; деревянный", "Дерево"], rows[0].Cells);
        Assert.Equal("Письмо \"с фронта\"", rows[1].Cells[1]);
        Assert.Equal(3, rows[1].Number);
        Assert.Equal(separator == "\t" ? "tab" : separator, sheet.Delimiter);
    }

    [Fact]
    public void Xlsx_rows_are_read_and_formulas_reported_as_text_never_run()
    {
        using var sheet = SheetReader.Open(Save(Workbooks.Xlsx([["accessionNumber", "name_en"], ["A-1", "Chest"], ["A-2", "=HYPERLINK(\"http://evil.example\")=>Click me"]]), "objects.xlsx"));
        Assert.Equal("xlsx", sheet.Format);
        var rows = sheet.Rows.ToList();
        Assert.Equal(["A-2", "Click me"], rows[1].Cells);
        var formula = Assert.Single(sheet.Problems);
        Assert.False(formula.IsError);
        Assert.Equal("B3", formula.Column);
        Assert.Contains("formula", formula.Message);
    }

    [Theory]
    [InlineData("accessionNumber,name_en\nA-1,\"Chest\n", "quoting")]
    [InlineData("accessionNumber,name_en\nA-1,\"Chest\"x,y\n", "quoting")]
    public void Broken_quoting_is_refused_whole(string text, string word)
    {
        var refused = Assert.Throws<SheetRefusedException>(() =>
        {
            using var sheet = SheetReader.Open(Save(Encoding.UTF8.GetBytes(text), "broken.csv"));
            _ = sheet.Rows.ToList();
        });
        Assert.Contains(word, refused.Message);
    }

    [Fact]
    public void Binary_files_bombs_and_damaged_workbooks_are_refused_before_any_row()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        random[10] = 0;
        Assert.Contains("binary", Assert.Throws<SheetRefusedException>(() => SheetReader.Open(Save(random, "photo.csv"))).Message);
        Assert.Contains("bomb", Assert.Throws<SheetRefusedException>(() => SheetReader.Open(Save(Workbooks.Bomb(), "bomb.xlsx"))).Message);
        var damaged = Workbooks.Xlsx([["a"], ["b"]])[..200];
        Assert.Throws<SheetRefusedException>(() => SheetReader.Open(Save(damaged, "damaged.xlsx")));
        Assert.Contains("empty", Assert.Throws<SheetRefusedException>(() => SheetReader.Open(Save([], "empty.csv"))).Message);
    }
}
