using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Web.Management;

/// Umbraco's Management API request and response shapes for documents (the names and casing of its
/// OpenAPI document).
public sealed record ReferenceByIdModel(Guid Id);

public sealed record DocumentValueModel(string? Culture, string? Segment, string Alias, JsonElement? Value);

public sealed record DocumentVariantRequestModel(string? Culture, string? Segment, string Name);

public sealed record CreateDocumentRequestModel(ReferenceByIdModel? Parent, ReferenceByIdModel DocumentType, ReferenceByIdModel? Template, Guid? Id,
    IReadOnlyList<DocumentValueModel>? Values, IReadOnlyList<DocumentVariantRequestModel>? Variants);

public sealed record UpdateDocumentRequestModel(IReadOnlyList<DocumentValueModel>? Values, IReadOnlyList<DocumentVariantRequestModel>? Variants, ReferenceByIdModel? Template);

public sealed record ScheduleRequestModel(DateTimeOffset? PublishTime, DateTimeOffset? UnpublishTime);

public sealed record CultureAndScheduleRequestModel(string? Culture, ScheduleRequestModel? Schedule);

public sealed record PublishDocumentRequestModel(IReadOnlyList<CultureAndScheduleRequestModel>? PublishSchedules);

public sealed record UnpublishDocumentRequestModel(IReadOnlyList<string>? Cultures);

public sealed record DocumentTypeReferenceResponseModel(Guid Id, string Icon, ReferenceByIdModel? Collection);

public sealed record DocumentValueResponseModel(string? Culture, string? Segment, string Alias, JsonNode? Value, string EditorAlias);

public sealed record DocumentVariantResponseModel(string? Culture, string? Segment, string Name, DateTimeOffset CreateDate, DateTimeOffset UpdateDate,
    string State, DateTimeOffset? PublishDate, DateTimeOffset? ScheduledPublishDate, DateTimeOffset? ScheduledUnpublishDate, IReadOnlyList<object> Flags);

public sealed record DocumentUrlInfo(string? Culture, string Url);

public sealed record DocumentResponseModel(DocumentTypeReferenceResponseModel DocumentType, IReadOnlyList<DocumentValueResponseModel> Values,
    IReadOnlyList<DocumentVariantResponseModel> Variants, Guid Id, IReadOnlyList<DocumentUrlInfo> Urls, ReferenceByIdModel? Template, bool IsTrashed);

public sealed record DocumentVersionVariantModel(string? Culture, string? Segment, string Name, DateTimeOffset CreateDate, DateTimeOffset UpdateDate);

public sealed record DocumentVersionResponseModel(IReadOnlyList<DocumentValueResponseModel> Values, IReadOnlyList<DocumentVersionVariantModel> Variants, Guid Id,
    DocumentTypeReferenceResponseModel DocumentType, ReferenceByIdModel Document);
