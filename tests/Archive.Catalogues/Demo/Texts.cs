namespace Archive.Catalogues.Demo;

/// A text in the archive's three main cultures.
public sealed record Texts(string Kk, string Ru, string En)
{
    public string this[string culture] => culture switch { "kk" => Kk, "ru" => Ru, _ => En };

    public Texts Map(Func<string, string, string> map) => new(map(Kk, "kk"), map(Ru, "ru"), map(En, "en"));

    public static readonly Texts SampleNote = new(
        "Үлгі жазба: бұл нысан мен оның мәліметтері архивтің мүмкіндіктерін көрсету үшін ойдан құрастырылған.",
        "Образец записи: предмет и его сведения придуманы, чтобы показать возможности архива.",
        "Sample record: this object and its details are invented to demonstrate the archive.");
}
