using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Archive.Delivery;
using Archive.Delivery.Cache;
using Archive.Delivery.Querying;
using Archive.Delivery.Rendering;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Search.Analysis;
using Archive.Search.Querying;
using Microsoft.Extensions.Options;

namespace Archive.Web.Delivery;

/// Full-text search beside the Delivery API: `/search` (words, Delivery filters and sorts, facets,
/// highlights per property, items as the API renders them) and `/search/suggest`. Published content only.
public static class SearchEndpoints
{
    public static void MapArchiveSearch(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup(DeliveryEndpoints.Root + "/search").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.Append("Vary", "Accept-Language, Start-Item");
            return DeliveryEndpoints.RefuseOverlong(context.HttpContext) ?? await next(context);
        }).CacheOutput("delivery-content").RequireCors("delivery");
        search.MapGet("", (Delegate)Search).Produces<SearchResponseModel>()
            .Document("GetSearch20", "Full-text search over published content, with facets and highlights.", false, DeliveryOpenApi.SearchParameters);
        search.MapGet("suggest", (Delegate)Suggest).Produces<SuggestResponseModel>()
            .Document("GetSearchSuggestions20", "Words of published names beginning with a prefix (autocomplete).", false, DeliveryOpenApi.SuggestParameters);
    }

    private static async Task<IResult> Search(HttpContext context)
    {
        var services = context.RequestServices;
        var cache = services.GetRequiredService<PublishedCache>();
        var settings = services.GetRequiredService<IOptions<DeliveryApiSettings>>().Value;
        var (request, refusal) = DeliveryRequest.Read(context, cache, settings, media: false);
        if (request is null)
            return refusal!;
        var query = context.Request.Query;
        var (build, problem) = DeliveryEndpoints.BuildQuery(context, request, preview: false, SearchRequest.MaxTake);
        if (build is null)
            return problem!;
        var (skip, take) = build.Query is { } paging ? (paging.Skip, paging.Take) : (0, 0);
        var text = query["q"].ToString();
        var facets = query["facets"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var options = build.Query;
        var result = services.GetRequiredService<SearchService>().Search(new SearchRequest
        {
            Query = text,
            Culture = request.Culture,
            Skip = skip,
            Take = take,
            Facets = facets,
            KnownFacets = Archive.Search.Indexing.FacetNames.Of(cache.Schema),
            Highlight = false,
            Selector = options?.Selector,
            Filters = [.. options?.Filters ?? [], new FilterOption(IndexFields.Kind, ["content"], FilterOperation.Is)],
            Sorts = options?.Sorts ?? [],
            AllowedContentTypes = settings.AllowedContentTypeAliases,
            ExcludedContentTypes = settings.AllowedContentTypeAliases.Length > 0 ? [] : settings.DisallowedContentTypeAliases,
        });
        switch (result.Status)
        {
            case SearchStatus.EmptyQuery or SearchStatus.QueryTooLong:
                return DeliveryResponses.Problem(400, "Invalid search", result.Problem!, "q");
            case SearchStatus.UnknownFacet:
                return DeliveryResponses.Problem(400, "Invalid facets", result.Problem!, "facets");
            case SearchStatus.IndexNotReady:
                context.Response.Headers.RetryAfter = "5";
                return DeliveryResponses.Problem(503, "Index not ready", result.Problem!);
        }
        // A selector naming nothing (an unknown item) finds nothing.
        if (options is null && build.Empty)
            result = result with { Items = [], Total = 0, Facets = new Dictionary<string, IReadOnlyList<FacetValue>>() };

        var renderer = services.GetRequiredService<DeliveryRenderer>();
        var highlight = services.GetRequiredService<SearchService>().HighlighterFor(text, request.Culture);
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("total", result.Total);
            w.WritePropertyName("items");
            w.WriteStartArray();
            foreach (var hit in result.Items)
            {
                if (cache.Find(hit.Key) is not { IsMedia: false } node || !cache.IsVisible(node, request.Culture) || !settings.IsAllowed(node.ContentTypeAlias))
                    continue;
                w.WriteStartObject();
                w.WriteString("id", hit.Key);
                w.WriteNumber("score", Math.Round(hit.Score, 4));
                w.WritePropertyName("highlights");
                WriteHighlights(w, node, request.Culture, cache, services.GetRequiredService<PropertyEditors>(), highlight);
                w.WritePropertyName("content");
                w.WriteRawValue(renderer.Item(node, request.Culture, request.Expand, request.Fields, DeliveryRequest.BudgetOf(context, request)), skipInputValidation: true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("facets");
            w.WriteStartObject();
            foreach (var (facet, values) in result.Facets)
            {
                w.WritePropertyName(facet);
                w.WriteStartArray();
                foreach (var value in values)
                {
                    w.WriteStartObject();
                    w.WriteString("value", value.Value);
                    w.WriteNumber("count", value.Count);
                    w.WriteString("label", value.Label);
                    if (result.FacetSample is not null)
                        w.WriteNumber("margin", value.Margin);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            if (result.Facets.Count > 0)
                WriteFacetCounting(w, result.FacetSample);
            w.WriteEndObject();
        }
        return DeliveryResponses.Json(context, buffer.WrittenSpan.ToArray(), preview: false);
    }

    /// Says whether facet counts are exact or estimated from a sample (and from how many of how many hits), so a client
    /// can show "about" and the margins.
    private static void WriteFacetCounting(Utf8JsonWriter w, FacetSample? sample)
    {
        w.WritePropertyName("facetCounting");
        w.WriteStartObject();
        w.WriteString("method", sample is null ? "exact" : "sample");
        if (sample is not null)
        {
            w.WriteNumber("sampled", sample.Sampled);
            w.WriteNumber("of", sample.Of);
            w.WriteNumber("confidence", 0.95);
        }
        w.WriteEndObject();
    }

    /// The hit's name and each of its non-private text properties, with the query's words marked.
    private static void WriteHighlights(Utf8JsonWriter w, PublishedNode node, string culture, PublishedCache cache, PropertyEditors editors, Func<string, IReadOnlyList<string>> highlight)
    {
        w.WriteStartObject();
        var data = ContentData.FromJson(System.Text.Encoding.UTF8.GetString(node.Data));
        void Write(string alias, string? text)
        {
            if (string.IsNullOrWhiteSpace(text) || highlight(text) is not { Count: > 0 } fragments)
                return;
            w.WritePropertyName(alias);
            w.WriteStartArray();
            foreach (var fragment in fragments)
                w.WriteStringValue(fragment);
            w.WriteEndArray();
        }
        Write("name", node.CultureOf(culture)?.Name);
        if (cache.Schema.FindType(node.ContentTypeAlias) is { } type)
            foreach (var property in cache.Schema.PropertiesOf(type).Where(p => !p.IsSensitive))
            {
                var stored = data.GetValue(property.Alias, property.Variations.VariesByCulture() ? culture : ContentData.Invariant);
                if (stored is null)
                    continue;
                try
                {
                    Write(property.Alias, editors.For(property.EditorAlias).TextOf(stored));
                }
                catch (JsonException)
                {
                    // A value its editor cannot read has nothing to highlight.
                }
            }
        w.WriteEndObject();
    }

    private static IResult Suggest(HttpContext context)
    {
        var services = context.RequestServices;
        var cache = services.GetRequiredService<PublishedCache>();
        var (request, refusal) = DeliveryRequest.Read(context, cache, services.GetRequiredService<IOptions<DeliveryApiSettings>>().Value, media: false);
        if (request is null)
            return refusal!;
        var prefix = context.Request.Query["q"].ToString();
        if (prefix.Length > SearchRequest.MaxQueryLength)
            return DeliveryResponses.Problem(400, "Invalid suggest", $"The prefix may have at most {SearchRequest.MaxQueryLength} characters.", "q");
        if (!int.TryParse(context.Request.Query["take"].FirstOrDefault() ?? "8", NumberStyles.None, CultureInfo.InvariantCulture, out var take) || take < 0)
            return DeliveryResponses.Problem(400, "Invalid paging", "take must be a whole number of 0 or more.", "take");
        DeliveryOutputCachePolicy.TagQuery(context);
        var suggestions = services.GetRequiredService<SuggestService>().Suggest(prefix, request.Culture, Math.Min(take, SuggestService.MaxTake));
        return DeliveryResponses.Json(context, JsonSerializer.SerializeToUtf8Bytes(new { suggestions }), preview: false);
    }
}
