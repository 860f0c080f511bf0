using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Archive.Engine.Cultures;

namespace Archive.Site;

/// Latin-script Kazakh pages are the Kazakh pages with every Kazakh text written in the 2021 alphabet as they are sent:
/// the texts and the attributes people read (alternative texts, titles, labels, descriptions), wherever the nearest
/// `lang` is Latin-script Kazakh. A value shown in another language (a fallback to Russian) keeps its own script.
public static class LatinPass
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] ReadAttributes = ["alt", "title", "aria-label", "placeholder", "data-label", "data-role"];

    public static string Apply(string html, KazakhLatin latin)
    {
        var document = Parser.ParseDocument(html);
        foreach (var element in document.All)
        {
            if (!IsLatinKazakh(element))
                continue;
            foreach (var name in ReadAttributes)
                if (element.GetAttribute(name) is { Length: > 0 } value)
                    element.SetAttribute(name, latin.Transliterate(value));
            if (element.LocalName == "meta" && element.GetAttribute("content") is { Length: > 0 } content && (element.GetAttribute("name") is "description" || element.GetAttribute("property") is { } property && property.StartsWith("og:", StringComparison.Ordinal) && property is not ("og:url" or "og:image" or "og:locale" or "og:type")))
                element.SetAttribute("content", latin.Transliterate(content));
            var script = element.LocalName == "script";
            if (script && element.GetAttribute("type") != "application/ld+json")
                continue;
            if (element.LocalName is "style" or "textarea")
                continue;
            foreach (var text in element.ChildNodes.OfType<IText>())
                text.Data = latin.Transliterate(text.Data);
        }
        return document.ToHtml(new AngleSharp.Html.HtmlMarkupFormatter());
    }

    private static bool IsLatinKazakh(IElement element)
    {
        var lang = element.Closest("[lang]")?.GetAttribute("lang");
        return lang is not null && lang.StartsWith("kk", StringComparison.OrdinalIgnoreCase);
    }
}
