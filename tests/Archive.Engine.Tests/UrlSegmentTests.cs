using Archive.Engine.Segments;

namespace Archive.Engine.Tests;

public class UrlSegmentTests
{
    [Theory]
    [InlineData("Абай Құнанбайұлы", "abai-qunanbaiuly")]
    [InlineData("Пушкин", "pushkin")]
    [InlineData("Әңгіме өнері", "angime-oneri")]
    [InlineData("Ғылым һәм білім", "gylym-ham-bilim")]
    [InlineData("Жизнь и щедрость", "zhizn-i-shchedrost")]
    [InlineData("Чехов, Цветаева, Хлебников", "chekhov-tsvetaeva-khlebnikov")]
    [InlineData("Ёлка, Юрта, Ясли, Объект, Эхо, Рыба", "yolka-yurta-yasli-obekt-ekho-ryba")]
    [InlineData("Café  Müller!", "cafe-muller")]
    [InlineData("  --Hello--World--  ", "hello-world")]
    [InlineData("Шевченко і Україна", "shevchenko-i-ukrayina")]
    public void Transliterates_to_lower_case_ascii(string name, string expected) =>
        Assert.Equal(expected, UrlSegment.From(name));

    [Fact]
    public void Clashes_among_siblings_get_a_number()
    {
        var siblings = new HashSet<string> { "pushkin", "pushkin-2" };
        Assert.Equal("pushkin-3", UrlSegment.Unique("pushkin", siblings));
        Assert.Equal("abai", UrlSegment.Unique("abai", siblings));
    }
}
