using Archive.Delivery.Cache;
using Archive.Site.Cultures;

namespace Archive.Site.Links;

/// The site's main sections in a language: the archive's own pages (collections, places, map, search) and the root
/// containers the catalogue keeps its exhibitions, people and stories in, at their addresses in that language.
public sealed class Navigation(PublishedCache cache, SiteLinks links)
{
    public IReadOnlyList<(string Section, string Url)> For(SiteCulture culture)
    {
        var sections = new List<(string, string)> { ("collections", $"/{culture.Prefix}/collections") };
        foreach (var (section, type) in new[] { ("exhibitions", SiteTypes.Exhibitions), ("people", SiteTypes.People) })
            if (RootOf(type) is { } root && links.UrlOf(root, culture) is { } url)
                sections.Add((section, url));
        sections.Add(("places", $"/{culture.Prefix}/places"));
        if (RootOf(SiteTypes.Stories) is { } stories && links.UrlOf(stories, culture) is { } storiesUrl)
            sections.Add(("stories", storiesUrl));
        sections.Add(("map", $"/{culture.Prefix}/map"));
        sections.Add(("search", $"/{culture.Prefix}/search"));
        return sections;
    }

    public PublishedNode? RootOf(string type) => cache.Roots(media: false).FirstOrDefault(r => r.ContentTypeAlias == type);
}
