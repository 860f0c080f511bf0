using System.Text.Json.Nodes;
using Archive.Data.Entities;
using Archive.Harvesting.Records;

namespace Archive.Harvesting.Discovery;

/// IIIF Change Discovery API 1.0: the harvest activities as an Activity Streams OrderedCollection of pages, oldest
/// first and newest last, each page a fixed slice of the append-only stream (so a page once full never changes and
/// can be cached), each activity a Create, Update or Delete of a manifest or collection with its end time.
public static class ChangeDiscovery
{
    public const string Context = "http://iiif.io/api/discovery/1/context.json";
    public const string Root = "/iiif/discovery/changes";

    public static JsonObject Collection(RecordLinks links, long total, int pageSize)
    {
        var pages = PageCount(total, pageSize);
        var collection = new JsonObject
        {
            ["@context"] = Context,
            ["id"] = links.BaseUrl + Root,
            ["type"] = "OrderedCollection",
            ["totalItems"] = total,
        };
        if (pages > 0)
        {
            collection["first"] = PageReference(links, 0);
            collection["last"] = PageReference(links, pages - 1);
        }
        return collection;
    }

    public static JsonObject Page(RecordLinks links, int page, long total, int pageSize, IReadOnlyList<HarvestActivityEntity> activities)
    {
        var pages = PageCount(total, pageSize);
        var body = new JsonObject
        {
            ["@context"] = Context,
            ["id"] = $"{links.BaseUrl}{Root}/page/{page}",
            ["type"] = "OrderedCollectionPage",
            ["startIndex"] = (long)page * pageSize,
            ["partOf"] = new JsonObject { ["id"] = links.BaseUrl + Root, ["type"] = "OrderedCollection" },
        };
        if (page > 0)
            body["prev"] = PageReference(links, page - 1);
        if (page < pages - 1)
            body["next"] = PageReference(links, page + 1);
        body["orderedItems"] = new JsonArray(activities.Select(a => (JsonNode)Activity(links, a)).ToArray());
        return body;
    }

    public static JsonObject Activity(RecordLinks links, HarvestActivityEntity activity) => new()
    {
        ["id"] = $"{links.BaseUrl}{Root}/activity/{activity.Id}",
        ["type"] = activity.Type,
        ["object"] = new JsonObject
        {
            ["id"] = activity.ObjectType == "Manifest" ? links.Manifest(activity.Key) : links.IiifCollection(activity.Key),
            ["type"] = activity.ObjectType,
        },
        ["endTime"] = Oai.OaiContext.Format(activity.EndTime),
    };

    public static int PageCount(long total, int pageSize) => (int)((total + pageSize - 1) / pageSize);

    private static JsonObject PageReference(RecordLinks links, int page) => new()
    {
        ["id"] = $"{links.BaseUrl}{Root}/page/{page}",
        ["type"] = "OrderedCollectionPage",
    };
}
