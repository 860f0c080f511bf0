using Archive.Engine.Dating;

namespace Archive.Engine.Tests;

public class HistoricalDateParserTests
{
    [Theory]
    [InlineData("c. 1840", 1835, 1845)]
    [InlineData("ca. 1840", 1835, 1845)]
    [InlineData("около 1840 г.", 1835, 1845)]
    [InlineData("шамамен 1840 ж.", 1835, 1845)]
    [InlineData("1840", 1840, 1840)]
    [InlineData("1850s", 1850, 1859)]
    [InlineData("1850-е годы", 1850, 1859)]
    [InlineData("1850 жылдары", 1850, 1859)]
    [InlineData("19th century", 1800, 1899)]
    [InlineData("XIX век", 1800, 1899)]
    [InlineData("XIX в.", 1800, 1899)]
    [InlineData("XIX ғасыр", 1800, 1899)]
    [InlineData("early 19th century", 1800, 1832)]
    [InlineData("mid-19th century", 1833, 1866)]
    [InlineData("late 19th century", 1867, 1899)]
    [InlineData("конец XIX века", 1867, 1899)]
    [InlineData("начало XX века", 1900, 1932)]
    [InlineData("XIX ғасырдың аяғы", 1867, 1899)]
    [InlineData("XIX ғасырдың басы", 1800, 1832)]
    [InlineData("first half of the 19th century", 1800, 1849)]
    [InlineData("вторая половина XIX века", 1850, 1899)]
    [InlineData("XIX ғасырдың екінші жартысы", 1850, 1899)]
    [InlineData("1840–1850", 1840, 1850)]
    [InlineData("1840 - 1850", 1840, 1850)]
    [InlineData("1840s–1850s", 1840, 1859)]
    [InlineData("18th–19th century", 1700, 1899)]
    public void Parses_dating_into_a_span_of_years(string text, int earliest, int latest)
    {
        var date = HistoricalDateParser.Parse(text);
        Assert.NotNull(date);
        Assert.Equal((earliest, latest), (date.Earliest, date.Latest));
        Assert.Equal(text, date.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sometime")]
    [InlineData("1855s")]
    [InlineData("1900-1800")]
    [InlineData("XL century")]
    public void Refuses_text_that_is_not_a_date(string text) => Assert.Null(HistoricalDateParser.Parse(text));

    [Fact]
    public void A_span_counts_in_every_century_it_touches()
    {
        var date = HistoricalDateParser.Parse("1880-1910")!;
        Assert.Equal([19, 20], date.Centuries());
    }
}
