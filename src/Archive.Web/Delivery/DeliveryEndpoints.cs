using System.Globalization;
using Archive.Delivery;
using Archive.Delivery.Cache;
using Archive.Delivery.Querying;
using Archive.Delivery.Rendering;
using Archive.Engine.Editors;
using Archive.Search.Querying;
using Microsoft.Extensions.Options;

namespace Archive.Web.Delivery;

/// The Content Delivery API v2 routes, as Umbraco 17 declares them. Items come from the published
/// cache (drafts, in preview, from the database); queries from the search index.
public static class DeliveryEndpoints
{
    public const string Root = "/umbraco/delivery/api/v2";

    public static IServiceCollection AddArchiveDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeliveryApiSettings>(configuration.GetSection(DeliveryApiSettings.Section));
        services.AddSingleton<PublishedCache>();
        var archive = configuration.GetSection(Hosting.ArchiveOptions.Section).Get<Hosting.ArchiveOptions>() ?? new Hosting.ArchiveOptions();
        var cacheOptions = archive.Delivery.Cache;
        services.AddSingleton(_ => new RenderedItems(cacheOptions.MaxMegabytes * (1L << 20)));
        services.AddSingleton(sp => new DeliveryRenderer(sp.GetRequiredService<PublishedCache>(), () => sp.GetRequiredService<PublishedCache>().Schema,
            sp.GetRequiredService<IOptions<DeliveryApiSettings>>().Value, sp.GetRequiredService<RenderedItems>()));
        services.AddSingleton(sp => DeliveryQueryBuilder.Default(sp.GetRequiredService<PropertyEditors>()));
        services.AddSingleton<ContentQueryService>();
        services.AddSingleton<IRouteStore, RouteStore>();
        services.AddSingleton(sp => new PublishedCacheProjection(sp.GetRequiredService<PublishedCache>(), sp.GetRequiredService<IRouteStore>(),
            cacheOptions.KeepOnDisk
                ? new PublishedCacheProjection.Snapshots(Path.Combine(sp.GetRequiredService<Hosting.RepositoryPaths>().Resolve(archive.DataPath), CacheSnapshotFile.FileName),
                    TimeSpan.FromMinutes(cacheOptions.KeepEveryMinutes))
                : null,
            sp.GetRequiredService<ILogger<PublishedCacheProjection>>()));
        services.AddSingleton<Archive.Engine.Publishing.IProjection>(sp => sp.GetRequiredService<PublishedCacheProjection>());
        services.AddOutputCache(options =>
        {
            options.AddPolicy("delivery-content", new DeliveryOutputCachePolicy(media: false));
            options.AddPolicy("delivery-media", new DeliveryOutputCachePolicy(media: true));
        });
        services.AddHostedService<DeliveryOutputCacheEviction>();
        services.AddDeliveryOpenApi();
        services.AddCors(options => options.AddPolicy("delivery", policy =>
        {
            var origins = configuration.GetSection("Archive:Cors:Origins").Get<string[]>() ?? ["*"];
            if (origins.Contains("*"))
                policy.AllowAnyOrigin();
            else
                policy.WithOrigins(origins);
            policy.AllowAnyHeader().WithMethods("GET", "HEAD", "OPTIONS").WithExposedHeaders("ETag", "Location", "Location-Start-Item-Path", "Location-Start-Item-Id");
        }));
        return services;
    }

    public static void MapArchiveDelivery(this IEndpointRouteBuilder app)
    {
        var content = app.MapGroup(Root + "/content").AddEndpointFilter(async (context, next) =>
        {
            // Responses differ by these headers: shared caches must keep them apart.
            context.HttpContext.Response.Headers.Append("Vary", "Accept-Language, Preview, Start-Item");
            return RefuseOverlong(context.HttpContext) ?? await next(context);
        }).CacheOutput("delivery-content").RequireCors("delivery");
        content.MapGet("", (Delegate)Query).Produces<PagedIApiContentResponseModel>()
            .Document("GetContent20", "Queries content: fetch, filter, sort, paging.", false, DeliveryOpenApi.QueryParameters);
        content.MapGet("item/{id:guid}", ById).Produces<ApiContentResponseModel>().Document("GetContentItemById20", "A content item by key.", false);
        content.MapGet("item/{**path}", ByRoute).Produces<ApiContentResponseModel>().Document("GetContentItemByPath20", "A content item by route.", false);
        content.MapGet("items", (Delegate)ByIds).Produces<ApiContentResponseModel[]>().Document("GetContentItems20", "Content items by keys.", false, DeliveryOpenApi.Ids);
    }

    /// The longest query string the Delivery API reads (filters, expand and fields included).
    public const int MaxQueryString = 4096;

    /// A 400 in the API's error shape for a query string beyond MaxQueryString, before any work is done.
    public static IResult? RefuseOverlong(HttpContext context) => context.Request.QueryString.Value?.Length > MaxQueryString
        ? DeliveryResponses.Problem(400, "Query string too long", $"The query string may have at most {MaxQueryString} characters.", "query")
        : null;

    private static bool Read(HttpContext context, out DeliveryRequest request, out IResult refusal, bool media = false)
    {
        var cache = context.RequestServices.GetRequiredService<PublishedCache>();
        var settings = context.RequestServices.GetRequiredService<IOptions<DeliveryApiSettings>>().Value;
        var (read, problem) = DeliveryRequest.Read(context, cache, settings, media);
        request = read!;
        refusal = problem!;
        return read is not null;
    }

    /// A content item's response for this request, or null when it may not be served.
    private static async Task<byte[]?> RenderAsync(HttpContext context, DeliveryRequest request, Guid key)
    {
        var services = context.RequestServices;
        var settings = services.GetRequiredService<IOptions<DeliveryApiSettings>>().Value;
        var renderer = services.GetRequiredService<DeliveryRenderer>();
        if (request.Preview)
        {
            var stored = await services.GetRequiredService<Archive.Engine.Publishing.IStoredItemSource>().FindAsync(key, context.RequestAborted);
            var schema = services.GetRequiredService<PublishedCache>().Schema;
            if (stored is null || Archive.Engine.Publishing.PublicProjection.Preview(stored.Stored, schema) is not { } preview)
                return null;
            var draft = PublishedNode.From(preview, DataCodec.None);
            if (draft.IsMedia || !settings.IsAllowed(draft.ContentTypeAlias) || draft.CultureOf(request.Culture) is null)
                return null;
            return renderer.Draft(draft, preview.Data, request.Culture, request.Expand, request.Fields, DeliveryRequest.BudgetOf(context, request));
        }
        var cache = services.GetRequiredService<PublishedCache>();
        // A response that would show this item if it appeared is evicted when it does.
        DeliveryOutputCachePolicy.TagItem(context, key);
        if (cache.Find(key) is not { IsMedia: false } node || !settings.IsAllowed(node.ContentTypeAlias) || !cache.IsVisible(node, request.Culture))
            return null;
        // Expanded items embed what their own pickers hold: a change to any of those evicts this response too.
        if (!request.Expand.IsDefaultExpand)
            foreach (var embedded in Embedded(cache, node))
                DeliveryOutputCachePolicy.TagItem(context, embedded);
        return renderer.Item(node, request.Culture, request.Expand, request.Fields, DeliveryRequest.BudgetOf(context, request));
    }

    /// Items reachable through references a few levels deep (as far as an expansion can reach), bounded.
    private static HashSet<Guid> Embedded(PublishedCache cache, PublishedNode node)
    {
        var seen = new HashSet<Guid>();
        var level = new List<Guid>(node.References);
        for (var depth = 0; depth < 3 && level.Count > 0 && seen.Count < 500; depth++)
            level = level.Where(seen.Add).SelectMany(k => cache.Find(k)?.References ?? []).ToList();
        return seen;
    }

    private static async Task<IResult> ById(HttpContext context, Guid id)
    {
        if (!Read(context, out var request, out var refusal))
            return refusal;
        return await RenderAsync(context, request, id) is { } body
            ? DeliveryResponses.Json(context, body, request.Preview, kept: !request.Preview && DeliveryRenderer.IsKept(request.Expand, request.Fields))
            : DeliveryResponses.NotFound();
    }

    private static async Task<IResult> ByRoute(HttpContext context, string? path)
    {
        if (!Read(context, out var request, out var refusal))
            return refusal;
        path = Uri.UnescapeDataString(path ?? "");
        if (path.Contains("..") || path.Contains('\\') || path.Any(char.IsControl))
            return DeliveryResponses.Problem(400, "Invalid path", "The path may not contain '..', backslashes or control characters.", "path");
        path = "/" + path.Trim('/');
        if (request.Preview && path.StartsWith("/preview-", StringComparison.OrdinalIgnoreCase))
            return Guid.TryParse(path["/preview-".Length..], out var draftKey) && await RenderAsync(context, request, draftKey) is { } draft
                ? DeliveryResponses.Json(context, draft, preview: true)
                : DeliveryResponses.NotFound();
        var cache = context.RequestServices.GetRequiredService<PublishedCache>();
        // Without a Start-Item, a domain bound to a root decides the root (and, unless asked otherwise, the culture).
        if (request.StartItem is null && cache.MatchDomain(context.Request.Host.Value ?? "", path) is { } domain)
        {
            var culture = request.CultureRequested ? request.Culture : cache.Schema.Cultures.Resolve(domain.Domain.Culture) ?? request.Culture;
            request = new DeliveryRequest { Culture = culture, CultureRequested = true, Preview = request.Preview, StartItem = domain.Root, Expand = request.Expand, Fields = request.Fields };
            path = domain.Path;
        }
        var node = cache.FindByRoute(path, request.Culture, request.StartItem);
        if (node is null && cache.FindRedirect(path, request.Culture, request.StartItem) is { } moved && cache.RouteOf(moved, request.Culture) is { } route)
        {
            // URL tracking: the item's old route answers with its new one.
            context.Response.Headers.Location = route.Path;
            context.Response.Headers["Location-Start-Item-Path"] = route.StartItemPath;
            context.Response.Headers["Location-Start-Item-Id"] = route.StartItemKey.ToString();
            return Results.StatusCode(StatusCodes.Status301MovedPermanently);
        }
        return node is not null && await RenderAsync(context, request, node.Key) is { } body
            ? DeliveryResponses.Json(context, body, request.Preview)
            : DeliveryResponses.NotFound();
    }

    private static async Task<IResult> ByIds(HttpContext context)
    {
        if (!Read(context, out var request, out var refusal))
            return refusal;
        var keys = new List<Guid>();
        foreach (var value in context.Request.Query["id"])
        {
            if (!Guid.TryParse(value, out var key))
                return DeliveryResponses.Problem(400, "Invalid id", $"'{value}' is not a GUID.", "id");
            if (!keys.Contains(key))
                keys.Add(key);
        }
        var bodies = new List<byte[]>();
        foreach (var key in keys)
            if (await RenderAsync(context, request, key) is { } body)
                bodies.Add(body);
        return DeliveryResponses.Json(context, JoinArray(bodies), request.Preview);
    }

    private static async Task<IResult> Query(HttpContext context)
    {
        if (!Read(context, out var request, out var refusal))
            return refusal;
        var (build, problem) = BuildQuery(context, request, request.Preview, DeliveryApiSettings.MaxTake);
        if (build is null)
            return problem!;
        var services = context.RequestServices;
        if (build.Empty)
            return DeliveryResponses.Json(context, Paged(0, []), request.Preview);
        ContentQueryResult result;
        try
        {
            result = services.GetRequiredService<ContentQueryService>().Execute(build.Query!);
        }
        catch (InvalidOperationException)
        {
            context.Response.Headers.RetryAfter = "5";
            return DeliveryResponses.Problem(503, "Index not ready", "The search index is being built; try again shortly.");
        }
        var bodies = new List<byte[]>();
        foreach (var key in result.Keys)
            if (await RenderAsync(context, request, key) is { } body)
                bodies.Add(body);
        return DeliveryResponses.Json(context, Paged(result.Total, bodies), request.Preview);
    }

    /// Paging, fetch, filter and sort of a query or search request, through the handlers; or the 400 that refuses them.
    internal static (QueryBuild? Build, IResult? Refusal) BuildQuery(HttpContext context, DeliveryRequest request, bool preview, int maxTake)
    {
        var query = context.Request.Query;
        if (!TryPaging(query["skip"], 0, out var skip))
            return (null, DeliveryResponses.Problem(400, "Invalid paging", "skip must be a whole number of 0 or more.", "skip"));
        if (!TryPaging(query["take"], 10, out var take))
            return (null, DeliveryResponses.Problem(400, "Invalid paging", "take must be a whole number of 0 or more.", "take"));
        var services = context.RequestServices;
        var cache = services.GetRequiredService<PublishedCache>();
        QueryBuild build;
        try
        {
            build = services.GetRequiredService<DeliveryQueryBuilder>().Build(query["fetch"].ToString(), query["filter"].OfType<string>(), query["sort"].OfType<string>(),
                new QueryContext(request.Culture, request.StartItem, cache, cache.Schema), services.GetRequiredService<IOptions<DeliveryApiSettings>>().Value,
                preview, skip, Math.Min(take, maxTake));
        }
        catch (InvalidQueryOptionException ex)
        {
            return (null, DeliveryResponses.Problem(400, $"Invalid {ex.Parameter} option", ex.Message, ex.Parameter));
        }
        if (build.Error != QueryError.None)
        {
            var (title, detail) = QueryBuild.Describe(build.Error);
            return (null, DeliveryResponses.Problem(400, title, detail));
        }
        // Whatever the query finds, any change may alter it.
        DeliveryOutputCachePolicy.TagQuery(context);
        return (build, null);
    }

    internal static bool TryPaging(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        result = fallback;
        return value.Count == 0 || string.IsNullOrEmpty(value[0]) || (int.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= 0);
    }

    public static byte[] JoinArray(IReadOnlyList<byte[]> items)
    {
        var length = 2 + items.Sum(i => i.Length) + Math.Max(0, items.Count - 1);
        var buffer = new byte[length];
        var position = 0;
        buffer[position++] = (byte)'[';
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                buffer[position++] = (byte)',';
            items[i].CopyTo(buffer, position);
            position += items[i].Length;
        }
        buffer[position] = (byte)']';
        return buffer;
    }

    public static byte[] Paged(long total, IReadOnlyList<byte[]> items)
    {
        var head = System.Text.Encoding.UTF8.GetBytes($"{{\"total\":{total},\"items\":");
        var array = JoinArray(items);
        var buffer = new byte[head.Length + array.Length + 1];
        head.CopyTo(buffer, 0);
        array.CopyTo(buffer, head.Length);
        buffer[^1] = (byte)'}';
        return buffer;
    }
}
