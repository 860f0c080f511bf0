using System.Globalization;
using System.Text;
using System.Xml;
using Archive.Delivery.Cache;
using Archive.Site.Cultures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Site.Seo;

/// `/sitemap.xml`: a sitemap index with one sitemap per language (split every 10,000 addresses), each listing every
/// published item that has a page, at its address in that language, with its last change and its addresses in the
/// other languages.
public static class Sitemaps
{
    public const int PerFile = 10_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9", Xhtml = "http://www.w3.org/1999/xhtml";

    public static IResult Index(HttpContext http)
    {
        var services = http.RequestServices.GetRequiredService<SiteServices>();
        var baseUrl = SiteEndpoints.BaseUrlOf(http);
        var items = Pages(services);
        var lastChange = items.Count > 0 ? items.Max(n => n.UpdateDate) : DateTime.UtcNow;
        var files = Math.Max(1, (items.Count + Extra + PerFile - 1) / PerFile);
        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            foreach (var culture in services.Cultures.All)
                for (var file = 1; file <= files; file++)
                {
                    writer.WriteStartElement("sitemap", Namespace);
                    writer.WriteElementString("loc", Namespace, $"{baseUrl}/sitemaps/{culture.Prefix}-{file}.xml");
                    writer.WriteElementString("lastmod", Namespace, Day(lastChange));
                    writer.WriteEndElement();
                }
            writer.WriteEndElement();
        });
    }

    // The archive's own pages beside the items': the front page, the collections, the places, the map, the search.
    private static readonly string[] OwnPages = ["", "collections", "places", "map", "search"];
    private static int Extra => OwnPages.Length;

    public static IResult Of(HttpContext http, string name)
    {
        var services = http.RequestServices.GetRequiredService<SiteServices>();
        var dash = name.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var file) || file < 1 ||
            services.Cultures.Find(name[..dash]) is not { } culture)
            return Results.NotFound();
        var baseUrl = SiteEndpoints.BaseUrlOf(http);
        var items = Pages(services);
        var entries = OwnPages.Select(p => (Path: p, Node: (PublishedNode?)null)).Concat(items.Select(n => ("", (PublishedNode?)n)))
            .Skip((file - 1) * PerFile).Take(PerFile).ToList();
        if (entries.Count == 0 && file > 1)
            return Results.NotFound();
        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            writer.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
            foreach (var (path, node) in entries)
            {
                var urls = services.Cultures.All.Select(c => (Culture: c, Url: node is null ? $"/{c.Prefix}/{path}" : services.Links.UrlOf(node, c)))
                    .Where(u => u.Url is not null).ToList();
                if (urls.FirstOrDefault(u => u.Culture == culture).Url is not { } own)
                    continue;
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, baseUrl + own);
                if (node is not null)
                    writer.WriteElementString("lastmod", Namespace, Day(node.UpdateDate));
                foreach (var (other, url) in urls)
                    Alternate(writer, other.Lang, baseUrl + url);
                Alternate(writer, "x-default", baseUrl + urls.First(u => u.Culture == services.Cultures.Default).Url);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    /// Every published item with a page, in tree order.
    public static IReadOnlyList<PublishedNode> Pages(SiteServices services) =>
        services.Cache.All.Where(n => services.Links.HasPage(n) && services.Links.ContentCultureOf(n, services.Cultures.Default) is not null)
            .OrderBy(n => n.Level).ThenBy(n => n.ParentKey).ThenBy(n => n.SortOrder).ThenBy(n => n.Key).ToList();

    private static void Alternate(XmlWriter writer, string lang, string href)
    {
        writer.WriteStartElement("xhtml", "link", Xhtml);
        writer.WriteAttributeString("rel", "alternate");
        writer.WriteAttributeString("hreflang", lang);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Day(DateTime date) => date.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult Xml(Action<XmlWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
