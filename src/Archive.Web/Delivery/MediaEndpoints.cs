using System.Globalization;
using Archive.Delivery;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
using Microsoft.Extensions.Options;

namespace Archive.Web.Delivery;

/// The Delivery API's media routes: by key, by folder names, by keys, and children of a folder,
/// answered from the published cache in memory (as Umbraco's media query walks its media cache).
public static class MediaEndpoints
{
    public static void MapArchiveDeliveryMedia(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup(DeliveryEndpoints.Root + "/media").AddEndpointFilter(async (context, next) => DeliveryEndpoints.RefuseOverlong(context.HttpContext) ?? await next(context))
            .CacheOutput("delivery-media").RequireCors("delivery");
        media.MapGet("", (Delegate)Query).Produces<PagedIApiMediaWithCropsResponseModel>()
            .Document("GetMedia20", "Children of a media folder.", true, DeliveryOpenApi.MediaQueryParameters);
        media.MapGet("item/{id:guid}", ById).Produces<ApiMediaWithCropsResponseModel>().Document("GetMediaItemById20", "A media item by key.", true);
        media.MapGet("item/{**path}", ByPath).Produces<ApiMediaWithCropsResponseModel>().Document("GetMediaItemByPath20", "A media item by folder and item names.", true);
        media.MapGet("items", (Delegate)ByIds).Produces<ApiMediaWithCropsResponseModel[]>().Document("GetMediaItems20", "Media items by keys.", true, DeliveryOpenApi.Ids);
    }

    private static bool Read(HttpContext context, out DeliveryRequest request, out IResult refusal)
    {
        var (read, problem) = DeliveryRequest.Read(context, context.RequestServices.GetRequiredService<PublishedCache>(),
            context.RequestServices.GetRequiredService<IOptions<DeliveryApiSettings>>().Value, media: true);
        (request, refusal) = (read!, problem!);
        return read is not null;
    }

    private static byte[] Render(HttpContext context, DeliveryRequest request, PublishedNode media)
    {
        DeliveryOutputCachePolicy.TagItem(context, media.Key);
        return context.RequestServices.GetRequiredService<DeliveryRenderer>().MediaItem(media, request.Culture, request.Expand, request.Fields, DeliveryRequest.BudgetOf(context, request));
    }

    private static IResult ById(HttpContext context, Guid id)
    {
        if (!Read(context, out var request, out var refusal))
            return refusal;
        return context.RequestServices.GetRequiredService<PublishedCache>().Find(id) is { IsMedia: true } media
            ? DeliveryResponses.Json(context, Render(context, request, media), preview: false)
            : DeliveryResponses.NotFound();
    }

    private static IResult ByPath(HttpContext context, string? path)
    {
        if (!Read(context, out var request, out var refusal))
            return refusal;
        var names = Uri.UnescapeDataString(path ?? "");
        return context.RequestServices.GetRequiredService<PublishedCache>().FindMediaByNames(names) is { } media
            ? DeliveryResponses.Json(context, Render(context, request, media), preview: false)
            : DeliveryResponses.NotFound();
    }

    private static IResult ByIds(HttpContext context)
    {
        if (!Read(context, out var request, out var refusal))
            return refusal;
        var cache = context.RequestServices.GetRequiredService<PublishedCache>();
        var bodies = new List<byte[]>();
        var seen = new HashSet<Guid>();
        foreach (var value in context.Request.Query["id"])
        {
            if (!Guid.TryParse(value, out var key))
                return DeliveryResponses.Problem(400, "Invalid id", $"'{value}' is not a GUID.", "id");
            if (seen.Add(key) && cache.Find(key) is { IsMedia: true } media)
                bodies.Add(Render(context, request, media));
        }
        return DeliveryResponses.Json(context, DeliveryEndpoints.JoinArray(bodies), preview: false);
    }

    private static IResult Query(HttpContext context)
    {
        if (!Read(context, out var request, out var refusal))
            return refusal;
        var query = context.Request.Query;
        var cache = context.RequestServices.GetRequiredService<PublishedCache>();
        var fetch = query["fetch"].ToString();
        if (!fetch.StartsWith("children:", StringComparison.OrdinalIgnoreCase))
            return Error("Selector option not found", "The attempted 'fetch' option does not exist");
        var target = fetch["children:".Length..];
        IReadOnlyList<PublishedNode> children;
        if (target.Length == 0)
            children = [];
        else if (target.Trim('/').Length == 0)
            children = cache.Roots(media: true);
        else if (Guid.TryParse(target, out var key))
            children = cache.Find(key) is { IsMedia: true } parent ? cache.ChildrenOf(parent.Key) : [];
        else
            children = cache.FindMediaByNames(target) is { } folder ? cache.ChildrenOf(folder.Key) : [];
        DeliveryOutputCachePolicy.TagQuery(context);
        IEnumerable<PublishedNode> items = children.Where(c => c.IsMedia);

        foreach (var filter in query["filter"].OfType<string>().Where(f => f.Length > 0))
        {
            var parts = filter.Split(':');
            if (parts.Length != 2)
                return Error("Filter option not found", "One of the attempted 'filter' options does not exist");
            var value = parts[1];
            items = parts[0].ToLowerInvariant() switch
            {
                "mediatype" => items.Where(m => m.ContentTypeAlias == value),
                "name" => items.Where(m => m.Cultures.Values.Any(c => c.Name.Contains(value, StringComparison.OrdinalIgnoreCase))),
                _ => null!,
            };
            if (items is null)
                return Error("Filter option not found", "One of the attempted 'filter' options does not exist");
        }
        IOrderedEnumerable<PublishedNode>? ordered = null;
        foreach (var sort in query["sort"].OfType<string>().Where(s => s.Length > 0))
        {
            var parts = sort.Split(':');
            Func<PublishedNode, IComparable>? by = parts.Length != 2 ? null : parts[0].ToLowerInvariant() switch
            {
                "createdate" => m => m.CreateDate,
                "updatedate" => m => m.UpdateDate,
                "name" => m => (m.CultureOf(request.Culture) ?? m.Cultures.Values.First()).Name.ToLowerInvariant(),
                "sortorder" => m => m.SortOrder,
                _ => null,
            };
            if (by is null)
                return Error("Sort option not found", "One of the attempted 'sort' options does not exist");
            var ascending = parts[1].StartsWith("asc", StringComparison.Ordinal);
            // Several sorts order by the first, then the next (Umbraco lets the last win; a stable order serves better).
            ordered = ordered is null
                ? ascending ? items.OrderBy(by) : items.OrderByDescending(by)
                : ascending ? ordered.ThenBy(by) : ordered.ThenByDescending(by);
        }
        var list = (ordered ?? items).ToList();
        if (!DeliveryEndpoints.TryPaging(query["skip"], 0, out var skip) || !DeliveryEndpoints.TryPaging(query["take"], 10, out var take))
            return DeliveryResponses.Problem(400, "Invalid paging", "skip and take must be whole numbers of 0 or more.");
        var page = list.Skip(skip).Take(Math.Min(take, DeliveryApiSettings.MaxTake)).Select(m => Render(context, request, m)).ToList();
        return DeliveryResponses.Json(context, DeliveryEndpoints.Paged(list.Count, page), preview: false);
    }

    private static IResult Error(string title, string detail) => DeliveryResponses.Problem(400, title, detail);
}
