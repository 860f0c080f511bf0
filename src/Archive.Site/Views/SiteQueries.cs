using Archive.Delivery.Querying;

namespace Archive.Site.Views;

/// The catalogue's objects narrowed by the Delivery API's own filters (`collection:{key}`, `maker:{key}`, `place:{key}`…),
/// answered by the index, published items only.
public static class SiteQueries
{
    public static (int Total, IReadOnlyList<Guid> Keys) Objects(SiteContext context, IReadOnlyList<string> filters, int skip, int take, string sort = "name:asc")
    {
        var services = context.Services;
        var build = services.QueryBuilder.Build(null, ["contentType:artefact", .. filters], [sort], new QueryContext(context.QueryCulture, null, context.Cache, context.Cache.Schema),
            services.Delivery, preview: false, skip, take);
        if (build.Query is null)
            return (0, []);
        var result = services.Queries.Execute(build.Query);
        return (result.Total, result.Keys);
    }
}
