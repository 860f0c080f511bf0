using System.Globalization;
using System.Text;
using Archive.Delivery;
using Archive.Delivery.Cache;
using Archive.Delivery.Geo;
using Microsoft.Extensions.Options;

namespace Archive.Web.Delivery;

/// `/geo` beside the Delivery API: the archive's public places as one GeoJSON FeatureCollection
/// (`application/geo+json`), narrowed by kind, exhibition and day on view. The API's access settings,
/// culture header, output cache, CORS and error shape apply.
public static class GeoEndpoints
{
    public const string MediaType = "application/geo+json";

    public static void MapArchiveGeo(this IEndpointRouteBuilder app)
    {
        app.MapGet(DeliveryEndpoints.Root + "/geo", (Delegate)Geo).AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.Append("Vary", "Accept-Language");
            return DeliveryEndpoints.RefuseOverlong(context.HttpContext) ?? await next(context);
        }).CacheOutput("delivery-content").RequireCors("delivery")
            .Produces(200, contentType: MediaType)
            .Document("GetGeo20", "Public places as GeoJSON (RFC 7946): venues, museums, Houses of Friendship, exhibition stops and tourist routes.", false, DeliveryOpenApi.GeoParameters);
    }

    private static IResult Geo(HttpContext context)
    {
        var services = context.RequestServices;
        var cache = services.GetRequiredService<PublishedCache>();
        var (request, refusal) = DeliveryRequest.Read(context, cache, services.GetRequiredService<IOptions<DeliveryApiSettings>>().Value, media: false);
        if (request is null)
            return refusal!;
        if (request.Preview)
            return DeliveryResponses.Problem(400, "Preview not supported", "Maps show published places only.", "Preview");
        var (query, problem) = Read(context.Request.Query);
        if (query is null)
            return problem!;
        // Every change to a place, a stop or a route may move a feature: the answer is evicted as queries are.
        DeliveryOutputCachePolicy.TagQuery(context);
        var body = Encoding.UTF8.GetBytes(GeoFeatures.Collection(cache, request.Culture, query).ToJsonString());
        return DeliveryResponses.Json(context, body, preview: false, MediaType);
    }

    private static (GeoQuery? Query, IResult? Problem) Read(IQueryCollection query)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in query["kind"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var known = GeoFeatures.Kinds.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase));
            if (known is null)
                return (null, DeliveryResponses.Problem(400, "Invalid kind", $"'{kind}' is not a kind of place; kinds are {string.Join(", ", GeoFeatures.Kinds)}.", "kind"));
            kinds.Add(known);
        }
        Guid? exhibition = null;
        if (query["exhibition"].ToString() is { Length: > 0 } id)
        {
            if (!Guid.TryParse(id, out var key))
                return (null, DeliveryResponses.Problem(400, "Invalid exhibition", $"'{id}' is not an item id (a GUID).", "exhibition"));
            exhibition = key;
        }
        DateOnly? onView = null;
        if (query["onView"].ToString() is { Length: > 0 } day)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return (null, DeliveryResponses.Problem(400, "Invalid onView", $"'{day}' is not a date (yyyy-mm-dd).", "onView"));
            onView = date;
        }
        return (new GeoQuery(kinds, exhibition, onView), null);
    }
}
