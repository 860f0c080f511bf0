using Archive.Delivery.Cache;

namespace Archive.Web.Management.Document;

/// GET /document/urls: where each document is public, per culture, as the Delivery API routes it; a
/// document the public cannot see has a message saying so instead of a URL.
public static class DocumentUrlsEndpoints
{
    public sealed record DocumentUrlInfoModel(string? Culture, string? Url, string? Message, string Provider);

    public sealed record DocumentUrlInfoResponseModel(Guid Id, IReadOnlyList<DocumentUrlInfoModel> UrlInfos);

    public static void MapDocumentUrls(this RouteGroupBuilder api) =>
        api.MapGet("document/urls", (Guid[]? id, PublishedCache cache) =>
        {
            if (id is { Length: > 1000 })
                return ManagementRequests.Invalid("id", "At most 1000 ids at once.");
            var cultures = cache.Schema.Cultures.Languages.Select(l => l.IsoCode).ToList();
            return Results.Ok((id ?? []).Distinct().Select(key =>
            {
                if (cache.Find(key) is not { IsMedia: false } node)
                    return new DocumentUrlInfoResponseModel(key, [new DocumentUrlInfoModel(null, null, "Not public: unpublished, private, or beneath an item that is.", "Archive")]);
                var routes = (node.IsVariant ? cultures : [""]).Select(c => (Culture: c, Route: cache.RouteOf(node, c)))
                    .Where(r => r.Route is not null)
                    .Select(r => new DocumentUrlInfoModel(r.Culture.Length == 0 ? null : r.Culture, r.Route!.Path, null, "Archive")).ToList();
                return new DocumentUrlInfoResponseModel(key, routes);
            }).ToList());
        }).WithName("GetDocumentUrls").WithTags("Document");
}
