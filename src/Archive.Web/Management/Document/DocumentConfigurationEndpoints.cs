namespace Archive.Web.Management.Document;

/// Umbraco's document configuration: how the back office guards deleting and unpublishing, and whether
/// invariant values may be edited from any culture.
public static class DocumentConfigurationEndpoints
{
    public sealed record DocumentConfigurationResponseModel(bool DisableDeleteWhenReferenced, bool DisableUnpublishWhenReferenced,
        bool AllowEditInvariantFromNonDefault, bool AllowNonExistingSegmentsCreation);

    public static void MapDocumentConfiguration(this RouteGroupBuilder api) =>
        // Invariant values (accession numbers, dating) are shared by every culture: a Russian-speaking curator
        // edits them from the Russian variant. Deleting media still in use is refused by the API itself.
        api.MapGet("document/configuration", () => Results.Ok(new DocumentConfigurationResponseModel(false, false, true, false)))
            .WithName("GetDocumentConfiguration").WithTags("Document");
}
