using System.Text;
using System.Text.Encodings.Web;

namespace Archive.Web.Management.Registrar;

/// What every registrar's document shares: a printable HTML page in the curator's language, its base styles, and
/// text encoded for markup with every script left as it is.
public static class PrintablePage
{
    public const string BaseStyles = """
        body { font: 11pt/1.45 "Noto Sans", "DejaVu Sans", sans-serif; color: #111; margin: 2rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0; } dt { font-weight: 600; }
        @media print { body { margin: 0; } }
        """;

    /// The page's opening up to the start of <main>, with the document's own styles after the base ones.
    public static StringBuilder Begin(string culture, string title, string styles)
    {
        var language = RegistrarWords.LanguageOf(culture);
        return new StringBuilder()
            .Append($"<!doctype html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title><style>").Append(BaseStyles).Append(styles).Append("</style></head><body><main>");
    }

    public static string End(StringBuilder body) => body.Append("</main></body></html>").ToString();

    // The default encoder would escape all but Latin: only markup characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string text) => Encoder.Encode(text);
}
