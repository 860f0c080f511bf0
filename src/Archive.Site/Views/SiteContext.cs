using System.Text.Json;
using Archive.Delivery;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
using Archive.Engine.Exhibitions;
using Archive.Site.Cultures;
using Archive.Site.Links;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// What the pages of one request share: the page's language and the site's services, and the small readings every
/// page makes of items (names, addresses, thumbnails, alternative texts).
public sealed class SiteContext(SiteCulture culture, SiteServices services, string baseUrl)
{
    public SiteCulture Culture { get; } = culture;
    public SiteServices Services { get; } = services;
    public PublishedCache Cache => Services.Cache;
    public SiteLinks Links => Services.Links;
    public SiteTexts Texts => Services.Texts;
    public string BaseUrl { get; } = baseUrl;
    public DateOnly Today => ExhibitionDays.Today(Services.Clock);

    /// The culture the index is asked in: the first of the page's chain that anything is published in (a language
    /// with no content of its own searches its fallback's).
    public string QueryCulture => _queryCulture ??= Culture.ContentChain.FirstOrDefault(c => Cache.Roots(media: false).Any(r => Cache.IsVisible(r, c))) ?? Culture.Content;
    private string? _queryCulture;

    public Localized T(string key, params object[] args) => Texts.Get(Culture.Prefix, key, args);

    public SitePage NewPage(Localized title, IReadOnlyDictionary<string, string> alternates, string? section = null) => new()
    {
        Culture = Culture,
        Cultures = Services.Cultures.All,
        Texts = Texts,
        BaseUrl = BaseUrl,
        Assets = Services.Assets,
        Title = title,
        Alternates = alternates,
        Section = section,
        Navigation = Services.Navigation.For(Culture),
        DefaultPrefix = Services.Cultures.Default.Prefix,
    };

    /// The same address in every site language (a path under the language's prefix, with its query).
    public IReadOnlyDictionary<string, string> Everywhere(string pathAndQuery) =>
        Services.Cultures.All.ToDictionary(c => c.Prefix, c => $"/{c.Prefix}/{pathAndQuery.TrimStart('/')}");

    /// An item's addresses in every site language.
    public IReadOnlyDictionary<string, string> Everywhere(PublishedNode node) =>
        Services.Cultures.All.Select(c => (c.Prefix, Url: Links.UrlOf(node, c))).Where(a => a.Url is not null).ToDictionary(a => a.Prefix, a => a.Url!);

    public string? UrlOf(PublishedNode? node) => Links.UrlOf(node, Culture);

    public Localized NameOf(PublishedNode node) =>
        Links.ContentCultureOf(node, Culture) is { } culture ? ItemView.NameOf(node, Culture, culture) : new Localized("", null);

    public ItemView? View(PublishedNode node) =>
        Links.ContentCultureOf(node, Culture) is { } culture ? new ItemView(node, Culture, culture, Cache, Services.Renderer) : null;

    public Card CardOf(PublishedNode node, Localized? meta = null)
    {
        var view = View(node);
        var images = view?.Images() ?? [];
        return new Card(node.Key, UrlOf(node), NameOf(node), meta ?? DatingOf(view),
            images.Count > 0 ? Images.Thumbnail(images[0]) : null, images.Count > 0 ? AltOf(images[0]) : null);
    }

    private static Localized? DatingOf(ItemView? view) =>
        view?.Value("dating") is { } dating && dating.Value.ValueKind == JsonValueKind.Object && dating.Value.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } written
            ? new Localized(written, null)
            : null;

    /// A picked image's alternative text in the page's language (or the nearest culture that has one); none when no
    /// culture has one — never a text made up for it.
    public Localized? AltOf(JsonElement image)
    {
        if (!image.TryGetProperty("id", out var id) || !Guid.TryParse(id.GetString(), out var key) || Cache.Find(key) is not { IsMedia: true } media)
            return null;
        foreach (var culture in Culture.ContentChain)
        {
            var rendered = JsonDocument.Parse(Services.Renderer.MediaItem(media, culture, PropertySpec.None, PropertySpec.All)).RootElement;
            if (rendered.TryGetProperty("properties", out var properties) && properties.TryGetProperty(Engine.Publishing.ArchiveAliases.AltText, out var alt) &&
                alt.ValueKind == JsonValueKind.String && alt.GetString() is { Length: > 0 } text)
                return new Localized(text, Culture.Speaks(culture) ? null : culture);
        }
        Services.MissingAltText(key);
        return null;
    }
}
