using System.Text.Json.Nodes;
using Archive.Engine.Cultures;
using Archive.Engine.Editors;
using Archive.Engine.Places;
using Archive.Engine.Schema;

namespace Archive.Engine.Tests;

public class PlaceNameHistoryTests
{
    private const string Astana = "Акмолинск (–1961)\nЦелиноград (1961–1992)\nАкмола (1992–1998)\nНур-Султан (2019–2022)";

    [Theory]
    [InlineData(1900, "Акмолинск")]
    [InlineData(1961, "Целиноград")] // the year of a change belongs to the new name
    [InlineData(1991, "Целиноград")]
    [InlineData(1997, "Акмола")]
    [InlineData(2005, null)]        // Astana: its current name
    [InlineData(2020, "Нур-Султан")]
    [InlineData(2024, null)]
    public void A_place_bears_the_name_of_its_time(int year, string? name) =>
        Assert.Equal(name, PlaceNameHistory.NameIn(Astana, year));

    [Theory]
    [InlineData(1930, 1939, "Акмолинск")]
    [InlineData(1933, 1966, null)]          // Akmolinsk, then Tselinograd: no one name of the span
    [InlineData(1999, 2010, null)]          // Astana throughout: its current name
    [InlineData(2019, 2021, "Нур-Султан")]
    public void A_span_of_years_has_a_name_only_when_the_place_kept_one_throughout(int first, int last, string? name) =>
        Assert.Equal(name, PlaceNameHistory.NameThroughout(Astana, first, last));

    [Fact]
    public void Curators_write_periods_with_any_dash_and_spacing_and_they_are_kept_one_way()
    {
        var (names, problems) = PlaceNameHistory.Parse("Alma-Ata ( 1921 - 1993 )\r\nVerny (1854—1921)\n\n");
        Assert.Empty(problems);
        Assert.Equal("Verny (1854–1921)\nAlma-Ata (1921–1993)", PlaceNameHistory.Format(names));
        Assert.Equal("Alma-Ata", PlaceNameHistory.NameIn("Alma-Ata ( 1921 - 1993 )", 1957));
    }

    [Theory]
    [InlineData("Alma-Ata", "line 1")]                       // no period
    [InlineData("Verny (1854–1921)\nAlma-Ata (1993–1921)", "line 2")]   // ends before it begins
    [InlineData("Alma-Ata (–)", "at least one year")]
    [InlineData("Alma-Ata (1921–3000)", "between 1 and 2100")]
    [InlineData("Verny (1854–1925)\nAlma-Ata (1921–1993)", "overlap")]
    public void Periods_that_cannot_be_are_refused_naming_the_line(string text, string problem) =>
        Assert.Contains(PlaceNameHistory.Parse(text).Problems, p => p.Contains(problem));

    [Fact]
    public void The_editor_stores_the_names_written_one_way_and_refuses_a_bad_period()
    {
        var context = new EditorContext([], new SchemaSnapshot(CultureSet.Empty, [], []), PropertyEditors.Default);
        var editor = PropertyEditors.Default.For(PlaceNamesEditor.EditorAlias);
        var errors = new List<EditorError>();
        Assert.Equal("Semipalatinsk (–2007)", editor.ToStored(JsonValue.Create("Semipalatinsk (-2007)"), context, errors));
        Assert.Empty(errors);
        Assert.Null(editor.ToStored(JsonValue.Create("Semipalatinsk"), context, errors));
        Assert.Contains("line 1", Assert.Single(errors).Message);
        // Search reads every former name.
        Assert.Equal("Верный\nАлма-Ата", editor.TextOf("Верный (1854–1921)\nАлма-Ата (1921–1993)"));
    }
}
