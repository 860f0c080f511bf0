namespace Archive.Web.Delivery;

// The response shapes, for the OpenAPI document (responses are written from the cache's UTF-8 bytes,
// not through these types). Names follow Umbraco's schema names so generated clients match.

public sealed record ApiContentStartItemModel(Guid Id, string Path);

public sealed record ApiContentRouteModel(string Path, string? QueryString, ApiContentStartItemModel StartItem);

public sealed record ApiContentResponseModel(string ContentType, string Name, DateTime CreateDate, DateTime UpdateDate, ApiContentRouteModel Route, Guid Id,
    Dictionary<string, object?> Properties, Dictionary<string, ApiContentRouteModel> Cultures);

public sealed record PagedIApiContentResponseModel(long Total, IReadOnlyList<ApiContentResponseModel> Items);

public sealed record ImageFocalPointModel(decimal Left, decimal Top);

public sealed record ImageCropCoordinatesModel(decimal X1, decimal Y1, decimal X2, decimal Y2);

public sealed record ImageCropModel(string? Alias, int Width, int Height, ImageCropCoordinatesModel? Coordinates);

public sealed record ApiMediaWithCropsResponseModel(string Path, DateTime CreateDate, DateTime UpdateDate, Guid Id, string Name, string MediaType, string Url,
    string? Extension, int? Width, int? Height, long? Bytes, Dictionary<string, object?> Properties, ImageFocalPointModel? FocalPoint, IReadOnlyList<ImageCropModel>? Crops);

public sealed record PagedIApiMediaWithCropsResponseModel(long Total, IReadOnlyList<ApiMediaWithCropsResponseModel> Items);

public sealed record SearchHitModel(Guid Id, double Score, Dictionary<string, string[]> Highlights, ApiContentResponseModel Content);

/// Margin: the half-width of the count's 95 % confidence interval, present only when facets were counted from a sample.
public sealed record FacetValueModel(string Value, int Count, string Label, int? Margin);

/// How facets were counted: `exact` (every hit), or `sample` (Sampled of the hits, counts scaled up).
public sealed record FacetCountingModel(string Method, int? Sampled, int? Of, double? Confidence);

public sealed record SearchResponseModel(long Total, IReadOnlyList<SearchHitModel> Items, Dictionary<string, FacetValueModel[]> Facets, FacetCountingModel? FacetCounting);

public sealed record SuggestResponseModel(IReadOnlyList<string> Suggestions);

public sealed record DeliveryProblemModel(string Type, string Title, int Status, string Detail, string? Parameter);
