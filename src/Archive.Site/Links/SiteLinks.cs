using Archive.Delivery;
using Archive.Delivery.Cache;
using Archive.Engine.Publishing;
using Archive.Site.Cultures;

namespace Archive.Site.Links;

/// What an address finds on the site.
public enum Found { Page, Moved, Gone, Missing }

/// A resolved address: the item, the culture its content is read in, and for a moved item where it is now.
public sealed record Resolution(Found Outcome, PublishedNode? Node = null, string? ContentCulture = null, string? Location = null);

/// The site's addresses: `/{culture}/{start item}{route}`, the Delivery API's routes behind the site language's prefix.
/// A language without content of its own reads each item in the first culture of its chain that has it published and
/// uses that culture's route, so every language has the whole site. Items are the published cache's only.
public sealed class SiteLinks(PublishedCache cache, DeliveryApiSettings settings)
{
    /// Types shown within another item's page rather than on one of their own: a loan (its credit line is on its
    /// objects), a wall label (on its stop), a location (named as where an object is); a kiosk is a screen's settings.
    private static readonly HashSet<string> WithoutPage = new(StringComparer.OrdinalIgnoreCase)
    {
        SiteTypes.Loan, SiteTypes.ObjectLabel, SiteTypes.Location, SiteTypes.Kiosk,
    };

    public bool HasPage(PublishedNode node) => !node.IsMedia && !WithoutPage.Contains(node.ContentTypeAlias) && settings.IsAllowed(node.ContentTypeAlias);

    /// The culture an item is read in on a page of the given language, or null when it has no public culture at all.
    public string? ContentCultureOf(PublishedNode node, SiteCulture page)
    {
        foreach (var culture in page.ContentChain)
            if (cache.IsVisible(node, culture))
                return culture;
        return node.Cultures.Keys.Where(c => c.Length > 0).Order(StringComparer.Ordinal).FirstOrDefault(c => cache.IsVisible(node, c));
    }

    /// The item's address on a page of the given language, or null when it has none.
    public string? UrlOf(PublishedNode? node, SiteCulture page)
    {
        if (node is null || !HasPage(node) || ContentCultureOf(node, page) is not { } culture || cache.RouteOf(node, culture) is not { } route)
            return null;
        return $"/{page.Prefix}/{route.StartItemPath}{route.Path}";
    }

    /// The permanent address of an item, whatever it is called or wherever it moves.
    public static string PermanentUrlOf(Guid key, SiteCulture page) => $"/{page.Prefix}/item/{key:D}";

    /// The item at a path beneath a language's prefix ("start-item/route/"), in the first culture of the language's
    /// chain that has it; an old address of a moved item, the moved item; an address that served a withdrawn item, gone.
    public Resolution Resolve(SiteCulture page, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
            return new Resolution(Found.Missing);
        var rest = "/" + string.Join('/', segments.Skip(1)) + (segments.Length > 1 ? "/" : "");
        var cultures = page.ContentChain.Concat(cache.Schema.Cultures.Languages.Select(l => l.IsoCode)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var gone = false;
        foreach (var culture in cultures)
        {
            if (cache.FindStartItem(segments[0], culture) is not { } root)
                continue;
            var node = segments.Length == 1 ? root : cache.FindByRoute(rest, culture, root);
            node ??= cache.FindRedirect(rest, culture, root);
            if (node is not null && HasPage(node) && UrlOf(node, page) is { } url)
            {
                var asked = "/" + page.Prefix + "/" + string.Join('/', segments) + "/";
                return string.Equals(url, asked, StringComparison.OrdinalIgnoreCase)
                    ? new Resolution(Found.Page, node, ContentCultureOf(node, page))
                    : new Resolution(Found.Moved, node, ContentCultureOf(node, page), url);
            }
            gone |= segments.Length > 1 && cache.WasWithdrawnFrom(rest, culture, root);
        }
        return new Resolution(gone ? Found.Gone : Found.Missing);
    }
}
