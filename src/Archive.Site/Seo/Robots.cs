using Microsoft.AspNetCore.Http;

namespace Archive.Site.Seo;

/// robots.txt: the site and its open data are for everyone; the back office and its API are not pages to index.
public static class Robots
{
    public static IResult Answer(HttpContext http) => Results.Text(
        $"""
        User-agent: *
        Allow: /
        Disallow: /umbraco/
        Disallow: /health/

        Sitemap: {SiteEndpoints.BaseUrlOf(http)}/sitemap.xml

        """, "text/plain; charset=utf-8");
}
