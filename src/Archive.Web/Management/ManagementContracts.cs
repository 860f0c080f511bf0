using Archive.Web.Management.Culture;
using Archive.Web.Management.Review;
using Microsoft.AspNetCore.Http.Metadata;

namespace Archive.Web.Management;

/// Each Management API operation's contract as Umbraco's OpenAPI document states it: the request
/// body, the success status and body, and the problem statuses. Handlers read bodies strictly
/// themselves, so the contract is declared here, in one table, and put on the endpoints as OpenAPI
/// metadata; a test keeps every operation in it.
public static class ManagementContracts
{
    public sealed record Contract(Type? Request, int Success, Type? Response, params int[] Problems)
    {
        /// Served to anyone, as in Umbraco (what the back office needs before sign-in): no 401 or 403.
        public bool Anonymous { get; init; }

        public IEnumerable<int> AllProblems => Anonymous ? Problems : Problems.Append(401).Append(403);
    }

    private static Contract Read<T>(params int[] problems) => new(null, 200, typeof(T), problems);
    private static Contract Write<T>(int success = 200, params int[] problems) => new(typeof(T), success, null, problems);
    private static Contract Act(params int[] problems) => new(null, 200, null, problems);
    private static Contract Open<T>() => new(null, 200, typeof(T)) { Anonymous = true };

    private static readonly int[] Missing = [404];
    private static readonly int[] Refused = [400, 404];
    private static readonly int[] Stale = [400, 404, 412];

    public static readonly IReadOnlyDictionary<string, Contract> Operations = new Dictionary<string, Contract>
    {
        ["GetDocumentById"] = Read<DocumentResponseModel>(Missing),
        ["PostDocument"] = Write<CreateDocumentRequestModel>(201, Refused),
        ["PutDocumentById"] = Write<UpdateDocumentRequestModel>(200, Stale),
        // Beyond Umbraco's: 409 for an object booked at two stops at once, 422 for an object no signed loan covers.
        ["PutDocumentByIdPublish"] = Write<PublishDocumentRequestModel>(200, 400, 404, 409, 412, 422),
        ["PutDocumentByIdUnpublish"] = Write<UnpublishDocumentRequestModel>(200, Stale),
        ["PutDocumentByIdMove"] = Write<MoveDocumentRequestModel>(200, Refused),
        ["PostDocumentByIdCopy"] = Write<CopyDocumentRequestModel>(201, Refused),
        ["PutDocumentSort"] = Write<SortingRequestModel>(200, Refused),
        ["PutDocumentByIdMoveToRecycleBin"] = Act(400, 404),
        ["PutRecycleBinDocumentByIdRestore"] = Write<MoveMediaRequestModel>(200, Refused),
        ["GetDocumentByIdAuditLog"] = Read<PagedResponse<AuditLogResponseModel>>(Missing),
        ["GetDocumentByIdReview"] = Read<DocumentReviewResponseModel>(Missing),
        ["GetFilterUserGroup"] = Read<PagedResponse<UserGroupResponseModel>>(400),
        ["GetItemUserGroup"] = Read<IReadOnlyList<UserGroupItemResponseModel>>(),
        ["GetCulture"] = Read<PagedResponse<CultureReponseModel>>(400),
        ["GetDocumentReview"] = Read<PagedResponse<ReviewQueueItemResponseModel>>(400),
        ["PostDocumentByIdReviewSubmit"] = Write<ReviewRequestModel>(200, Refused),
        ["PostDocumentByIdReviewReturn"] = Write<ReviewRequestModel>(200, Refused),
        ["PostDocumentByIdReviewApprove"] = Write<ReviewRequestModel>(200, Refused),
        ["GetDocumentVersion"] = Read<PagedResponse<DocumentVersionItemResponseModel>>(Refused),
        ["GetDocumentVersionById"] = Read<DocumentVersionResponseModel>(Missing),
        ["PostDocumentVersionByIdRollback"] = Act(400, 404),
        ["GetTreeDocumentRoot"] = Read<PagedResponse<DocumentTreeItemResponseModel>>(400),
        ["GetTreeDocumentChildren"] = Read<PagedResponse<DocumentTreeItemResponseModel>>(Refused),
        ["GetTreeDocumentAncestors"] = Read<IReadOnlyList<DocumentTreeItemResponseModel>>(Refused),

        ["PostTemporaryFile"] = new(null, 201, null, 400, 413),
        ["GetTemporaryFileById"] = Read<TemporaryFileResponseModel>(Missing),
        ["DeleteTemporaryFileById"] = Act(Missing),
        ["GetTemporaryFileConfiguration"] = Read<TemporaryFileConfigurationResponseModel>(),
        ["PostMedia"] = Write<CreateMediaRequestModel>(201, 400, 404, 409, 422, 503),
        ["GetMediaById"] = Read<MediaResponseModel>(Missing),
        ["PutMediaById"] = Write<UpdateMediaRequestModel>(200, Stale),
        ["PutMediaByIdMove"] = Write<MoveMediaRequestModel>(200, Refused),
        ["PutMediaByIdMoveToRecycleBin"] = Act(400, 404),
        ["PutRecycleBinMediaByIdRestore"] = Write<MoveMediaRequestModel>(200, Refused),
        ["GetMediaByIdAuditLog"] = Read<PagedResponse<AuditLogResponseModel>>(Missing),
        ["GetTreeMediaRoot"] = Read<PagedResponse<MediaTreeItemResponseModel>>(400),
        ["GetTreeMediaChildren"] = Read<PagedResponse<MediaTreeItemResponseModel>>(Refused),
        ["GetTreeMediaAncestors"] = Read<IReadOnlyList<MediaTreeItemResponseModel>>(Refused),

        ["GetAuditLog"] = Read<PagedResponse<AuditLogResponseModel>>(400),

        ["GetLanguage"] = Read<PagedResponse<LanguageResponseModel>>(400),
        ["GetLanguageByIsoCode"] = Read<LanguageResponseModel>(Missing),
        ["PostLanguage"] = Write<CreateLanguageRequestModel>(201, Refused),
        ["PutLanguageByIsoCode"] = Write<UpdateLanguageRequestModel>(200, Refused),
        ["DeleteLanguageByIsoCode"] = Act(400, 404, 409),
        ["GetItemLanguage"] = Read<IReadOnlyList<LanguageItemResponseModel>>(),
        ["GetItemLanguageDefault"] = Read<LanguageItemResponseModel>(Missing),

        ["GetDocumentTypeById"] = Read<DocumentTypeResponseModel>(Missing),
        ["PostDocumentType"] = Write<CreateDocumentTypeRequestModel>(201, Refused),
        ["PutDocumentTypeById"] = Write<UpdateDocumentTypeRequestModel>(200, 400, 404, 409),
        ["DeleteDocumentTypeById"] = Act(400, 404, 409),
        ["GetMediaTypeById"] = Read<MediaTypeResponseModel>(Missing),
        ["PostMediaType"] = Write<CreateMediaTypeRequestModel>(201, Refused),
        ["PutMediaTypeById"] = Write<UpdateMediaTypeRequestModel>(200, 400, 404, 409),
        ["DeleteMediaTypeById"] = Act(400, 404, 409),
        ["GetDataTypeById"] = Read<DataTypeResponseModel>(Missing),
        ["GetDataTypeByIdReferences"] = Read<IReadOnlyList<DataTypeReferenceResponseModel>>(Missing),
        ["PostDataType"] = Write<CreateDataTypeRequestModel>(201, Refused),
        ["PutDataTypeById"] = Write<UpdateDataTypeRequestModel>(200, 400, 404, 409),
        ["DeleteDataTypeById"] = Act(400, 404, 409),

        ["GetUserCurrent"] = Read<CurrentUserResponseModel>(),
        ["GetUser"] = Read<PagedResponse<UserResponseModel>>(400),
        ["GetFilterUser"] = Read<PagedResponse<UserResponseModel>>(Refused),
        ["GetUserById"] = Read<UserResponseModel>(Missing),
        ["PostUser"] = Write<CreateUserRequestModel>(201, Refused),
        ["PutUserById"] = Write<UpdateUserRequestModel>(200, Refused),
        ["DeleteUserById"] = Act(400, 404),
        ["PostUserDisable"] = Write<DisableUserRequestModel>(200, Refused),
        ["PostUserEnable"] = Write<EnableUserRequestModel>(200, Refused),
        ["PostUserUnlock"] = Write<UnlockUsersRequestModel>(200, Refused),
        ["PostUserByIdChangePassword"] = Write<ChangePasswordUserRequestModel>(200, Refused),
        ["PostUserByIdResetPassword"] = Read<ResetPasswordUserResponseModel>(Refused),
        ["GetUserByIdClientCredentials"] = Read<IReadOnlyList<string>>(Missing),
        ["PostUserByIdClientCredentials"] = Write<CreateUserClientCredentialsRequestModel>(200, Refused),
        ["DeleteUserByIdClientCredentialsByClientId"] = Act(Missing),
        ["GetUserGroup"] = Read<PagedResponse<UserGroupResponseModel>>(400),
        ["GetUserGroupById"] = Read<UserGroupResponseModel>(Missing),
        ["GetUserCurrentConfiguration"] = Read<CurrentUserConfigurationResponseModel>(),
        ["GetUserConfiguration"] = Read<UserConfigurationResponseModel>(),

        ["GetServerStatus"] = Open<Server.ServerEndpoints.ServerStatusResponseModel>(),
        ["GetServerConfiguration"] = Open<Server.ServerEndpoints.ServerConfigurationResponseModel>(),
        ["GetServerInformation"] = Read<Server.ServerEndpoints.ServerInformationResponseModel>(),
        ["GetManifestManifestPublic"] = Open<IReadOnlyList<Manifest.ManifestEndpoints.ManifestResponseModel>>(),
        ["GetManifestManifestPrivate"] = Read<IReadOnlyList<Manifest.ManifestEndpoints.ManifestResponseModel>>(),
        ["GetManifestManifest"] = Read<IReadOnlyList<Manifest.ManifestEndpoints.ManifestResponseModel>>(),
        ["GetRecycleBinDocumentRoot"] = Read<PagedResponse<RecycleBin.RecycleBinEndpoints.DocumentRecycleBinItemResponseModel>>(400),
        ["GetRecycleBinDocumentChildren"] = Read<PagedResponse<RecycleBin.RecycleBinEndpoints.DocumentRecycleBinItemResponseModel>>(Refused),
        ["GetRecycleBinMediaRoot"] = Read<PagedResponse<RecycleBin.RecycleBinEndpoints.MediaRecycleBinItemResponseModel>>(400),
        ["GetItemDocument"] = Read<IReadOnlyList<Item.ItemEndpoints.DocumentItemResponseModel>>(400),
        ["GetItemMedia"] = Read<IReadOnlyList<Item.ItemEndpoints.MediaItemResponseModel>>(400),
        ["GetItemUser"] = Read<IReadOnlyList<Item.ItemEndpoints.UserItemResponseModel>>(400),
        ["GetItemDataType"] = Read<IReadOnlyList<Item.ItemEndpoints.DataTypeItemResponseModel>>(400),
        ["GetItemDocumentType"] = Read<IReadOnlyList<Item.ItemEndpoints.ContentTypeItemResponseModel>>(400),
        ["GetItemMediaType"] = Read<IReadOnlyList<Item.ItemEndpoints.ContentTypeItemResponseModel>>(400),
        ["GetImagingResizeUrls"] = Read<IReadOnlyList<Imaging.ImagingEndpoints.MediaUrlInfoResponseModel>>(400),
        ["GetDocumentConfiguration"] = Read<Document.DocumentConfigurationEndpoints.DocumentConfigurationResponseModel>(),
        ["GetDocumentByIdPublished"] = Read<DocumentResponseModel>(Missing),
        ["GetArchiveDating"] = Read<Dating.DatingEndpoints.DatingResponseModel>(400),
        // IIIF Image API answers (info.json, image bytes): their shapes are the IIIF specification's.
        ["GetArchiveIiifInfo"] = Act(Missing),
        ["GetArchiveIiifImage"] = Act(Refused),
        ["GetArchiveMap"] = Read<Map.MapEndpoints.MapSettingsResponseModel>(),
        // A stop's registrar documents: CSV and printable HTML.
        ["GetArchiveExhibitionStopChecklist"] = Act(Missing),
        ["GetArchiveExhibitionStopPackList"] = Act(Missing),
        ["GetArchiveExhibitionStopConditionChecks"] = Act(Missing),
        ["GetArchiveLoanAgreement"] = Act(Missing),
        ["PostArchiveMovement"] = new(typeof(MovementRequestModel), 201, typeof(List<MovementResponseModel>), 400, 409, 422),
        ["PostArchiveConditionCheck"] = new(typeof(ConditionCheckRequestModel), 201, typeof(ConditionCheckResponseModel), 400, 422),
        ["PostArchiveCrate"] = Write<CrateRequestModel>(201, 400),
        ["PutArchiveObjectHome"] = Write<HomeLocationRequestModel>(200, 400, 404, 422),
        ["GetArchiveObjectLedger"] = Read<LedgerResponseModel>(404),
        ["GetArchiveObjectWhereabouts"] = Read<WhereaboutsResponseModel>(400, 404),
        ["GetArchiveWhereabouts"] = Read<PagedWhereaboutsResponseModel>(400),
        ["GetArchiveWhereaboutsAway"] = Read<PagedWhereaboutsResponseModel>(400),
        ["GetArchiveLocationObjects"] = Read<PagedWhereaboutsResponseModel>(400, 404),
        ["GetArchivePlaces"] = Read<List<PlaceResponseModel>>(),
        ["GetArchiveCrate"] = Read<CrateResponseModel>(400, 404),
        ["GetArchiveKiosk"] = Read<List<KioskResponseModel>>(),
        ["GetArchiveKioskById"] = Read<KioskResponseModel>(404),
        ["PostArchiveKioskByIdPair"] = new(typeof(KioskPairRequestModel), 201, typeof(KioskDeviceResponseModel), 400, 404),
        ["DeleteArchiveKioskDeviceByDeviceId"] = Act(404),
        ["GetArchiveKioskByIdUsage"] = Read<KioskUsageResponseModel>(400, 404),
        ["PostArchiveSpreadsheetDryRun"] = new(typeof(Spreadsheets.SpreadsheetImportRequestModel), 200, typeof(Archive.Spreadsheets.Importing.ImportReport), 400, 403, 422),
        ["PostArchiveSpreadsheetImport"] = new(typeof(Spreadsheets.SpreadsheetImportRequestModel), 202, typeof(Spreadsheets.ImportBatchResponseModel), 400, 403, 422),
        ["GetArchiveSpreadsheetImportById"] = Read<Spreadsheets.ImportBatchResponseModel>(Missing),
        ["PostArchiveSpreadsheetImportByIdUndo"] = Act(403, 404, 409),
        ["GetArchiveSpreadsheetMappingByCollection"] = Act(Missing),
        ["GetArchiveCollectionByIdExport"] = Act(400, 403, 404),
        ["GetDocumentUrls"] = Read<IReadOnlyList<Document.DocumentUrlsEndpoints.DocumentUrlInfoResponseModel>>(400),
        ["GetTreeDocumentSiblings"] = Read<TreeEndpoints.SubsetTreeItemResponseModel>(Refused),
        ["GetTreeMediaSiblings"] = Read<TreeEndpoints.SubsetTreeItemResponseModel>(Refused),
        ["PostDocumentValidate"] = Write<CreateDocumentRequestModel>(200, Refused),
        ["PutDocumentByIdValidate"] = Write<Document.ValidateEndpoints.ValidateUpdateDocumentRequestModel>(200, Refused),
        ["PutDocumentByIdValidate1.1"] = Write<Document.ValidateEndpoints.ValidateUpdateDocumentRequestModel>(200, Refused),
        ["GetRecycleBinMediaChildren"] = Read<PagedResponse<RecycleBin.RecycleBinEndpoints.MediaRecycleBinItemResponseModel>>(Refused),
        ["GetCollectionMedia"] = Read<PagedResponse<Collection.MediaCollectionEndpoints.MediaCollectionResponseModel>>(Refused),
        ["GetDocumentTypeAllowedAtRoot"] = Read<PagedResponse<AllowedTypes.AllowedTypesEndpoints.AllowedContentTypeModel>>(400),
        ["GetMediaTypeAllowedAtRoot"] = Read<PagedResponse<AllowedTypes.AllowedTypesEndpoints.AllowedContentTypeModel>>(400),
        ["GetDocumentTypeByIdAllowedChildren"] = Read<PagedResponse<AllowedTypes.AllowedTypesEndpoints.AllowedContentTypeModel>>(Refused),
        ["GetMediaTypeByIdAllowedChildren"] = Read<PagedResponse<AllowedTypes.AllowedTypesEndpoints.AllowedContentTypeModel>>(Refused),
        ["GetItemMediaTypeAllowed"] = Read<PagedResponse<AllowedTypes.AllowedTypesEndpoints.MediaTypeItemResponseModel>>(400),
        ["PostMediaValidate"] = Write<CreateMediaRequestModel>(200, Refused),
        ["PutMediaByIdValidate"] = Write<UpdateMediaRequestModel>(200, Refused),
        ["GetRecycleBinDocumentByIdOriginalParent"] = Read<ReferenceByIdModel>(Missing),
        ["GetRecycleBinMediaByIdOriginalParent"] = Read<ReferenceByIdModel>(Missing),
        ["GetMediaUrls"] = Read<IReadOnlyList<Imaging.ImagingEndpoints.MediaUrlInfoResponseModel>>(400),
    };

    /// Puts each operation's contract on its endpoint (after the endpoint has its name), with the
    /// 401 and 403 every operation can answer.
    public static TBuilder DescribeContracts<TBuilder>(this TBuilder api) where TBuilder : IEndpointConventionBuilder
    {
        api.Finally(Describe);
        return api;
    }

    private static void Describe(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName is not { } name || !Operations.TryGetValue(name, out var contract))
            return;
        if (contract.Request is { } request)
            endpoint.Metadata.Add(new AcceptsMetadata(["application/json"], request));
        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(contract.Success, contract.Response ?? typeof(void), contract.Response is null ? [] : ["application/json"]));
        foreach (var status in contract.AllProblems)
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, status is 401 or 403 ? typeof(void) : typeof(Microsoft.AspNetCore.Mvc.ProblemDetails),
                status is 401 or 403 ? [] : ["application/problem+json"]));
    }
}
