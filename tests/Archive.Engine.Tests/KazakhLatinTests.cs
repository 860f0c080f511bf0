using Archive.Engine.Cultures;

namespace Archive.Engine.Tests;

public class KazakhLatinTests
{
    [Theory]
    // The decree's own sample (the 2021 alphabet as Wikipedia gives it).
    [InlineData("Бұрыңғы өткен заманда, бір данышпан кісі", "Būryñğy ötken zamanda, bır danyşpan kısı")]
    [InlineData("Абай Құнанбайұлы", "Abai Qūnanbaiūly")]
    [InlineData("Қазақстан", "Qazaqstan")]
    [InlineData("Әуезов Мұхтар", "Äuezov Mūhtar")]
    [InlineData("Ілияс Жансүгіров", "Iliias Jansügırov")]
    [InlineData("Иманжүсіп", "İmanjüsıp")]
    [InlineData("Һәм", "Häm")]
    // Loan letters: the common defaults, and capitals of digraphs inside and outside words in capitals.
    [InlineData("Чехов, Цой, Щучинск", "Şehov, Soi, Şuşinsk")]
    [InlineData("Юрта және Ясауи", "Iurta jäne Iasaui")]
    [InlineData("ЮРТА", "IURTA")]
    [InlineData("объект, ЭКСПО", "obekt, EKSPO")]
    // Not Kazakh Cyrillic: kept as it is.
    [InlineData("Museum 1918–1921 (sample)", "Museum 1918–1921 (sample)")]
    [InlineData("", "")]
    public void Writes_Cyrillic_Kazakh_in_the_2021_alphabet(string cyrillic, string latin) =>
        Assert.Equal(latin, KazakhLatin.Default.Transliterate(cyrillic));

    [Fact]
    public void Loan_letters_can_be_configured()
    {
        var latin = new KazakhLatin(new Dictionary<string, string> { ["ч"] = "ch", ["Ц"] = "ts", ["і"] = "x" });
        Assert.Equal("Chehov, Tsoi, kısı", latin.Transliterate("Чехов, Цой, кісі"));
    }
}
