using AngleSharp.Html.Parser;
using Archive.Delivery.Cache;
using Archive.Site.Cultures;
using Archive.Site.Links;

namespace Archive.Site.Views;

/// Rich text as the site shows it: a link to another item goes to that item's page in the page's language, and a link
/// to an item the public cannot reach is plain text, never a broken link. The markup itself was sanitised when saved.
public static class RichText
{
    private static readonly HtmlParser Parser = new();

    public static string ForSite(string markup, SiteCulture page, PublishedCache cache, SiteLinks links)
    {
        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = markup;
        foreach (var anchor in body.QuerySelectorAll("a").ToList())
        {
            var href = anchor.GetAttribute("href");
            string? target = null;
            if (anchor.GetAttribute("data-start-item-id") is { } start && Guid.TryParse(start, out var rootKey) && href is { } path && cache.Find(rootKey) is { } root)
                target = links.Resolve(page, $"{root.CultureOf(links.ContentCultureOf(root, page) ?? "")?.Segment}/{path.Trim('/')}") is { Outcome: Found.Page or Found.Moved } found
                    ? links.UrlOf(found.Node, page)
                    : null;
            else if (href is { Length: > 0 } external && !external.StartsWith('#') && (Uri.TryCreate(external, UriKind.Absolute, out _) || external.StartsWith("/media/", StringComparison.Ordinal)))
                target = external;
            if (target is null)
            {
                // Not public (or going nowhere): the words stay, the link goes.
                anchor.Replace([.. anchor.ChildNodes]);
                continue;
            }
            anchor.SetAttribute("href", target);
            foreach (var attribute in anchor.Attributes.Where(a => a.Name.StartsWith("data-", StringComparison.Ordinal) || a.Name == "type").Select(a => a.Name).ToList())
                anchor.RemoveAttribute(attribute);
        }
        // Headings inside a text sit below the page's own.
        foreach (var heading in body.QuerySelectorAll("h1").ToList())
        {
            var h2 = document.CreateElement("h2");
            h2.InnerHtml = heading.InnerHtml;
            heading.Replace(h2);
        }
        return body.InnerHtml;
    }
}
