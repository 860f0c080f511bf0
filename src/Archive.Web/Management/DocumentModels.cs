using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Web.Management;

/// Umbraco's Management API request and response shapes for documents, their versions and trees, and
/// media (the names and casing of its OpenAPI document).
public sealed record ReferenceByIdModel(Guid Id);

public sealed record DocumentValueModel(string? Culture, string? Segment, string Alias, JsonElement? Value);

public sealed record DocumentVariantRequestModel(string? Culture, string? Segment, string Name);

public sealed record CreateDocumentRequestModel(ReferenceByIdModel? Parent, ReferenceByIdModel DocumentType, ReferenceByIdModel? Template, Guid? Id,
    IReadOnlyList<DocumentValueModel>? Values, IReadOnlyList<DocumentVariantRequestModel>? Variants);

public sealed record UpdateDocumentRequestModel(IReadOnlyList<DocumentValueModel>? Values, IReadOnlyList<DocumentVariantRequestModel>? Variants, ReferenceByIdModel? Template);

public sealed record UpdateMediaRequestModel(IReadOnlyList<DocumentValueModel>? Values, IReadOnlyList<DocumentVariantRequestModel>? Variants);

public sealed record ScheduleRequestModel(DateTimeOffset? PublishTime, DateTimeOffset? UnpublishTime);

public sealed record CultureAndScheduleRequestModel(string? Culture, ScheduleRequestModel? Schedule);

public sealed record PublishDocumentRequestModel(IReadOnlyList<CultureAndScheduleRequestModel>? PublishSchedules);

public sealed record UnpublishDocumentRequestModel(IReadOnlyList<string>? Cultures);

public sealed record DocumentTypeReferenceResponseModel(Guid Id, string Icon, ReferenceByIdModel? Collection);

public sealed record DocumentValueResponseModel(string? Culture, string? Segment, string Alias, JsonNode? Value, string EditorAlias);

public sealed record DocumentVariantResponseModel(string? Culture, string? Segment, string Name, DateTimeOffset CreateDate, DateTimeOffset UpdateDate,
    string State, DateTimeOffset? PublishDate, DateTimeOffset? ScheduledPublishDate, DateTimeOffset? ScheduledUnpublishDate, IReadOnlyList<object> Flags);

/// Umbraco 17's document: its URLs are no longer part of it (the back office asks for them separately).
public sealed record DocumentResponseModel(DocumentTypeReferenceResponseModel DocumentType, IReadOnlyList<DocumentValueResponseModel> Values,
    IReadOnlyList<DocumentVariantResponseModel> Variants, Guid Id, IReadOnlyList<FlagModel> Flags, ReferenceByIdModel? Template, bool IsTrashed);

public sealed record DocumentVersionVariantModel(string? Culture, string? Segment, string Name, DateTimeOffset CreateDate, DateTimeOffset UpdateDate);

public sealed record DocumentVersionResponseModel(IReadOnlyList<DocumentValueResponseModel> Values, IReadOnlyList<DocumentVersionVariantModel> Variants, Guid Id,
    DocumentTypeReferenceResponseModel DocumentType, ReferenceByIdModel Document);

public sealed record DocumentVersionItemResponseModel(Guid Id, ReferenceByIdModel Document, ReferenceByIdModel DocumentType, ReferenceByIdModel User, DateTimeOffset VersionDate,
    bool IsCurrentPublishedVersion, bool IsCurrentDraftVersion, bool PreventCleanup);

public sealed record DocumentVariantItemResponseModel(string Name, string? Culture, string State)
{
    public IReadOnlyList<FlagModel> Flags { get; init; } = [];
}

/// A document variant's state as Umbraco names it.
public static class VariantState
{
    public static string Of(Archive.Data.Entities.NodeCultureEntity culture, bool trashed = false) =>
        trashed ? "Trashed" : !culture.Published ? "Draft" : culture.Edited ? "PublishedPendingChanges" : "Published";
}

/// A mark on an item the back office shows beside it (Umbraco's entity flags).
public sealed record FlagModel(string Alias)
{
    /// A record lent for study, not display: withheld from every public channel.
    public static readonly FlagModel PrivateRecord = new("Archive.PrivateRecord");

    /// A loan past its end whose objects are not recorded as returned.
    public static readonly FlagModel OverdueLoan = new("Archive.OverdueLoan");
}

public sealed record VariantItemResponseModel(string Name, string? Culture);

public sealed record MediaTypeReferenceResponseModel(Guid Id, string Icon, ReferenceByIdModel? Collection);

public sealed record DocumentTreeItemResponseModel(bool HasChildren, Guid Id, ReferenceByIdModel? Parent, IReadOnlyList<FlagModel> Flags, bool NoAccess, bool IsTrashed,
    DateTimeOffset CreateDate, bool IsProtected, IReadOnlyList<ReferenceByIdModel> Ancestors, DocumentTypeReferenceResponseModel DocumentType,
    IReadOnlyList<DocumentVariantItemResponseModel> Variants);

public sealed record MediaTreeItemResponseModel(bool HasChildren, Guid Id, ReferenceByIdModel? Parent, IReadOnlyList<FlagModel> Flags, bool NoAccess, bool IsTrashed,
    DateTimeOffset CreateDate, MediaTypeReferenceResponseModel MediaType, IReadOnlyList<VariantItemResponseModel> Variants);

public sealed record MediaVariantResponseModel(string? Culture, string? Segment, string Name, DateTimeOffset CreateDate, DateTimeOffset UpdateDate);

/// As in Umbraco 17: flags instead of urls (the file's URL is asked for with GET media/urls).
public sealed record MediaResponseModel(IReadOnlyList<DocumentValueResponseModel> Values, IReadOnlyList<MediaVariantResponseModel> Variants, Guid Id,
    IReadOnlyList<FlagModel> Flags, bool IsTrashed, MediaTypeReferenceResponseModel MediaType);

public sealed record TemporaryFileResponseModel(Guid Id, DateTimeOffset? AvailableUntil, string FileName);

public sealed record TemporaryFileConfigurationResponseModel(IReadOnlyList<string> ImageFileTypes, IReadOnlyList<string> DisallowedUploadedFilesExtensions,
    IReadOnlyList<string> AllowedUploadedFileExtensions, long? MaxFileSize);
