using System.Text;
using Archive.Delivery.Cache;
using Archive.Engine.Publishing;
using Archive.Harvesting.LinkedArt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Archive.Harvesting.Hosting;

/// `/id/{key}`: the stable public identifier of an artefact, person, place, term, institution or collection. It
/// negotiates: a browser (`text/html`, or nothing said) is sent on to the item's page in its language, a JSON client
/// to the Delivery API item (303 See Other, as a URI of a thing does), and `application/ld+json` gets the Linked Art
/// description itself. Anything the public may not see is not found, exactly as if it had never been.
public static class IdentifierEndpoint
{
    private const string LinkedArtProfile = "https://linked.art/ns/v1/linked-art.json";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/id/{key:guid}", Answer).RequireCors("harvesting").ExcludeFromDescription();

    private static IResult Answer(HttpContext http, Guid key, PublishedCache cache)
    {
        http.Response.Headers.Vary = "Accept, Accept-Language";
        if (cache.Find(key) is not { IsMedia: false } node || !Described(node))
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No public item has this identifier.");
        var links = PublicBase.LinksOf(http);
        switch (Negotiate(http.Request.Headers.Accept.ToString()))
        {
            case "application/ld+json":
                var body = LinkedArtWriter.Describe(cache, node, links)!;
                http.Response.Headers.CacheControl = "public, max-age=300";
                return Results.Text(body.ToJsonString(), $"application/ld+json;profile=\"{LinkedArtProfile}\"", Encoding.UTF8);
            case "application/json":
                return SeeOther(http, links.DeliveryItem(key));
            default:
                var culture = cache.Schema.Cultures.Resolve(PreferredLanguage(http)) ?? cache.Schema.Cultures.Default?.IsoCode ?? "kk";
                // A culture the item is not published in still has a page: the site reads it in its fallback.
                return SeeOther(http, links.Page(key, culture.ToLowerInvariant()));
        }
    }

    private static bool Described(PublishedNode node) => node.ContentTypeAlias is ArchiveAliases.Artefact or "person" or ArchiveAliases.Term
        or ArchiveAliases.Institution or ArchiveAliases.Collection;

    private static IResult SeeOther(HttpContext http, string location)
    {
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// The best of the three representations by the Accept header's qualities; HTML when nothing is said or all is.
    public static string Negotiate(string accept)
    {
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var types))
            return "text/html";
        string[] offered = ["text/html", "application/ld+json", "application/json"];
        var best = "text/html";
        var bestQuality = -1.0;
        foreach (var offer in offered)
        {
            var quality = types.Where(t => Matches(t, offer)).OrderByDescending(Specificity).Select(t => t.Quality ?? 1.0).DefaultIfEmpty(-1).First();
            if (quality > bestQuality)
            {
                best = offer;
                bestQuality = quality;
            }
        }
        return bestQuality <= 0 ? "text/html" : best;
    }

    private static bool Matches(MediaTypeHeaderValue range, string offer) =>
        range.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase) && offer == "text/html"
        || range.MediaType.Equals(offer, StringComparison.OrdinalIgnoreCase)
        || range.MatchesAllSubTypes && offer.StartsWith(range.Type.ToString() + "/", StringComparison.OrdinalIgnoreCase) && offer != "application/ld+json";

    private static int Specificity(MediaTypeHeaderValue range) => range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;

    private static string? PreferredLanguage(HttpContext http) =>
        StringWithQualityHeaderValue.TryParseList([http.Request.Headers.AcceptLanguage.ToString()], out var languages)
            ? languages.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.ToString()).FirstOrDefault(l => l != "*")
            : null;
}
