using Archive.Site.Cultures;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// A link in the breadcrumb trail (the last one, the page itself, has no address).
public sealed record Crumb(Localized Text, string? Url);

/// The frame of every page: its language, title, addresses in every language, search engines' and sharing metadata,
/// and the site's words in the page's language.
public sealed class SitePage
{
    public required SiteCulture Culture { get; init; }
    public required IReadOnlyList<SiteCulture> Cultures { get; init; }
    public required SiteTexts Texts { get; init; }
    /// The scheme and host absolute addresses start with ("https://archive.kz").
    public required string BaseUrl { get; init; }
    public required SiteAssets Assets { get; init; }
    public required Localized Title { get; set; }
    /// The page's address in each site language (prefix → path and query); the page's own is its canonical address.
    public required IReadOnlyDictionary<string, string> Alternates { get; set; }
    public string? Description { get; set; }
    /// The navigation entry the page belongs to ("collections", "exhibitions", "people", "places", "stories", "map", "search").
    public string? Section { get; set; }
    /// The main sections and their addresses in the page's language.
    public required IReadOnlyList<(string Section, string Url)> Navigation { get; init; }
    /// The language of `x-default`: the archive's default.
    public required string DefaultPrefix { get; init; }
    public IReadOnlyList<Crumb> Crumbs { get; set; } = [];
    /// schema.org JSON-LD, serialised.
    public string? JsonLd { get; set; }
    /// An image for sharing (OpenGraph), a path on this site.
    public string? Image { get; set; }
    public string OpenGraphType { get; set; } = "website";
    public bool HasMap { get; set; }
    /// Listings, searches beyond their first page and error pages are not for search engines' indexes.
    public bool NoIndex { get; set; }

    public string Prefix => Culture.Prefix;
    public string Canonical => Alternates.GetValueOrDefault(Culture.Prefix) ?? $"/{Culture.Prefix}/";
    public string Absolute(string path) => BaseUrl + path;

    public Localized T(string key, params object[] args) => Texts.Get(Culture.Prefix, key, args);
}
