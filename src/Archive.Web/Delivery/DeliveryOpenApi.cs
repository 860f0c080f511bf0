using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Archive.Web.Delivery;

/// The Delivery API's OpenAPI document, served where Umbraco 17 serves it
/// (/umbraco/swagger/delivery/swagger.json), with Umbraco's operation ids and the response shapes.
public static class DeliveryOpenApi
{
    public const string DocumentName = "delivery";

    public static IServiceCollection AddDeliveryOpenApi(this IServiceCollection services) => services.AddOpenApi(DocumentName, options =>
    {
        options.ShouldInclude = description => description.GroupName == DocumentName;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Archive Content Delivery API",
                Version = "v2",
                Description = "Umbraco's Content Delivery API v2, wire-compatible, with Archive's filters (institution:, collection:, exhibition:, hasImage:, " +
                              "one per public picker: objectType:, material:, people:, maker:, placeOfOrigin: …, dating, property:<alias>) and sorts (dating:, property:<alias>:), full-text search and suggestions.",
            };
            return Task.CompletedTask;
        });
    });

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name, In = ParameterLocation.Header, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiParameter Query(string name, string description, JsonSchemaType type = JsonSchemaType.String, bool array = false, bool required = false) => new()
    {
        Name = name, In = ParameterLocation.Query, Description = description, Required = required,
        Schema = array ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = type } } : new OpenApiSchema { Type = type },
    };

    private static readonly OpenApiParameter[] ContentHeaders =
    [
        Header("Accept-Language", "The culture of names, routes and variant values (one tag, e.g. \"ru\"); the default language when absent."),
        Header("Api-Key", "Grants access when public access is off; needed for preview."),
        Header("Preview", "\"true\" serves drafts (needs the Api-Key)."),
        Header("Start-Item", "A root item's key or URL segment: routes and queries are relative to it."),
    ];

    private static readonly OpenApiParameter[] Shape =
    [
        Query("expand", "Pickers to render in full, e.g. properties[$all] or properties[author[properties[picture]]]."),
        Query("fields", "Properties to include, e.g. properties[title,image]."),
    ];

    private static readonly OpenApiParameter[] Paging =
    [
        Query("skip", "Items to skip (default 0).", JsonSchemaType.Integer),
        Query("take", "Items to return (default 10, at most 1000).", JsonSchemaType.Integer),
    ];

    /// Names an endpoint as Umbraco does and documents the parameters its handler reads itself.
    public static RouteHandlerBuilder Document(this RouteHandlerBuilder builder, string operationId, string summary, bool media, params OpenApiParameter[] parameters) =>
        builder.WithGroupName(DocumentName).WithName(operationId).WithSummary(summary).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.OperationId = operationId;
            operation.Parameters ??= [];
            foreach (var parameter in (media ? ContentHeaders.Where(h => h.Name is "Accept-Language" or "Api-Key") : ContentHeaders).Concat(Shape).Concat(parameters))
                if (operation.Parameters.All(p => p.Name != parameter.Name))
                    operation.Parameters.Add(parameter);
            operation.Responses ??= [];
            foreach (var (status, description) in new[] { ("400", "Invalid query option (Umbraco's error shape)."), ("401", "No access (public access off without the Api-Key, or preview without it)."), ("404", "Not found.") })
                operation.Responses.TryAdd(status, new OpenApiResponse { Description = description });
            return Task.CompletedTask;
        });

    public static readonly OpenApiParameter[] QueryParameters =
    [
        Query("fetch", "children:{key|path}, descendants:{key|path} or ancestors:{key|path}."),
        Query("filter", "contentType:a,b | name:text | createDate>:2024-01-01 | updateDate<… | institution:{key} | collection:{key} | exhibition:{key} | " +
                        "{picker facet}:{key} (objectType, material, people, maker, placeOfOrigin …) | hasImage:true | dating>:1800 | dating<1900 | property:{alias}:{value} (and >, >:, <, <:, :!). Repeat to combine (AND).", array: true),
        Query("sort", "name|createDate|updateDate|level|sortOrder|path|dating:asc|desc, or property:{alias}:asc|desc. Repeat for secondary orders.", array: true),
        .. Paging,
    ];

    public static readonly OpenApiParameter[] Ids = [Query("id", "Keys of the items.", array: true)];

    public static readonly OpenApiParameter[] SearchParameters =
    [
        Query("q", "Words to search for, in any script (Lucene syntax is searched as words).", required: true),
        Query("facets", "Facets to count, comma-separated: institution, collection, century, exhibition, hasImage, and one per public picker property (objectType, material, people, maker, placeOfOrigin …)."),
        .. QueryParameters,
    ];

    public static readonly OpenApiParameter[] SuggestParameters =
    [
        Query("q", "The beginning of a word.", required: true),
        Query("take", "Suggestions to return (default 8, at most 20).", JsonSchemaType.Integer),
    ];

    public static readonly OpenApiParameter[] GeoParameters =
    [
        Query("kind", "venue, museum, houseOfFriendship, stop or route; several separated by commas (default: every kind)."),
        Query("exhibition", "An exhibition's id: its stops, and the places they are at."),
        Query("onView", "A day (yyyy-mm-dd, Kazakhstan time): the stops open that day, closing day included, and the places they are at."),
    ];

    public static readonly OpenApiParameter[] MediaQueryParameters =
    [
        Query("fetch", "children:{key|path of folder names} (required); children:/ for the media root.", required: true),
        Query("filter", "mediaType:{alias} or name:{text}.", array: true),
        Query("sort", "createDate|updateDate|name|sortOrder:asc|desc.", array: true),
        .. Paging,
    ];
}
