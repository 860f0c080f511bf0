using System.Text.Json;
using AngleSharp.Html.Parser;
using Archive.Delivery.Cache;
using Archive.Site.Cultures;
using Archive.Site.Texts;
using Archive.Site.Views;

namespace Archive.Kiosk.Bundles;

/// Reads an item as a kiosk shows it in one language, through the site's reading of the public projection (so the
/// screen can hold nothing the public site could not show): name, dating, the stop's wall label, its text as plain
/// paragraphs (a kiosk follows no links), facts without addresses, credit lines, images and recordings.
public sealed class KioskItemReader(SiteContext context)
{
    private static readonly HtmlParser Parser = new();
    private readonly SiteCulture _culture = context.Culture;

    public SiteContext Context => context;

    /// Latin-script Kazakh is written out here, as the site's pass does for its pages.
    public Txt Of(Localized text) => new(_culture.IsKazakhLatin && text.Lang is null ? context.Services.KazakhLatin.Transliterate(text.Text) : text.Text, text.Lang);

    /// An item read once in this language: its texts, and the images and recordings its rendering names.
    public sealed record ReadItem(BundleItemText Text, IReadOnlyList<JsonElement> Images, IReadOnlyList<Recording> Recordings, string? AudioDescription);

    // A stop's wall labels, read once per stop rather than once per object.
    private readonly Dictionary<Guid, IReadOnlyDictionary<Guid, Localized>> _labels = [];

    public ReadItem? Read(ShownItem shown)
    {
        if (context.View(shown.Node) is not { } view)
            return null;
        var dating = view.Value("dating") is { Value.ValueKind: JsonValueKind.Object } found ? Facts.Dating(found.Value, view.LangOf(found.Culture), context) : null;
        var paragraphs = new List<Txt>();
        foreach (var alias in new[] { "summary", "description" })
        {
            if (view.Markup(alias) is { } markup)
                paragraphs.AddRange(Paragraphs(markup.Markup).Select(p => Of(new Localized(p, markup.Lang))));
            else if (view.Text(alias) is { } plain)
                paragraphs.AddRange(plain.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => Of(plain with { Text = p })));
        }
        paragraphs.AddRange(StoryBlocks(view));
        var facts = Facts.Of(view, context, ["maker", "placeOfOrigin", "objectType", "materials", "techniques", "peoples", "dimensions", "inscriptions", "accessionNumber"])
            .Where(f => f.Alias is not ("dating" or "creditLine" or "rightsStatement" or "tags" or "accessionNumber"))
            .Select(f => new BundleFact(Of(f.Label), f.Values.Select(v => Of(v.Note is { } note ? v.Text with { Text = $"{v.Text.Text} ({note.Text})" } : v.Text)).ToList())).ToList();
        var text = new BundleItemText(Of(view.Name), dating is null || dating.Text.Text.Length == 0 ? null : Of(dating.Text), LabelOf(shown),
            paragraphs, facts, view.Text("creditLine") is { } credit ? Of(credit) : null, view.Text("loanCreditLine") is { } loan ? Of(loan) : null);
        return new ReadItem(text, view.Images(), Recordings.Of(view), Recordings.Description(view));
    }

    /// The stop's own wall label for the object, when the kiosk shows a stop.
    private Txt? LabelOf(ShownItem shown)
    {
        if (shown.Stop is null)
            return null;
        if (!_labels.TryGetValue(shown.Stop.Key, out var labels))
            _labels[shown.Stop.Key] = labels = WallLabels.Of(context, shown.Stop.Key);
        return labels.TryGetValue(shown.Node.Key, out var label) ? Of(label) : null;
    }

    private IEnumerable<Txt> StoryBlocks(ItemView view)
    {
        if (view.Value("body") is not { } body || !body.Value.TryGetProperty("items", out var items))
            yield break;
        var lang = view.LangOf(body.Culture);
        foreach (var block in items.EnumerateArray())
        {
            if (!block.TryGetProperty("content", out var content) || !content.TryGetProperty("properties", out var properties))
                continue;
            if (properties.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object && text.TryGetProperty("markup", out var markup))
                foreach (var p in Paragraphs(markup.GetString() ?? ""))
                    yield return Of(new Localized(p, lang));
            if (properties.TryGetProperty("quote", out var quote) && quote.GetString() is { Length: > 0 } said)
                yield return Of(new Localized($"“{said}”", lang));
        }
    }

    /// Rich text as the plain paragraphs a screen shows (headings, paragraphs, list items), links kept as their words.
    public static IReadOnlyList<string> Paragraphs(string markup)
    {
        var document = Parser.ParseDocument("<body>" + markup + "</body>");
        var blocks = document.Body!.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, li, blockquote").Where(e => e.QuerySelector("p, li") is null)
            .Select(e => Normalize(e.TextContent)).Where(t => t.Length > 0).ToList();
        if (blocks.Count > 0)
            return blocks;
        var whole = Normalize(document.Body.TextContent);
        return whole.Length > 0 ? [whole] : [];
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public Txt? AltOf(JsonElement image) => context.AltOf(image) is { } alt ? Of(alt) : null;

    public Txt NameOf(PublishedNode node) => Of(context.NameOf(node));
}
