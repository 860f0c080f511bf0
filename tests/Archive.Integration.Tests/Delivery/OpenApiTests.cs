using System.Text.Json;

namespace Archive.Integration.Tests.Delivery;

/// The Delivery API's OpenAPI document, where Umbraco 17 serves it, with Umbraco's operation ids.
public sealed class OpenApiTests(ArchiveDeliveryTests.Host host) : IClassFixture<ArchiveDeliveryTests.Host>
{
    [Fact]
    public async Task The_delivery_document_lists_every_route_with_Umbraco_s_operation_ids_and_parameters()
    {
        var document = JsonDocument.Parse(await host.Client.GetStringAsync("/umbraco/swagger/delivery/swagger.json")).RootElement;
        var paths = document.GetProperty("paths");
        var operations = paths.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("get"));
        var expected = new Dictionary<string, string>
        {
            ["/umbraco/delivery/api/v2/content"] = "GetContent20",
            ["/umbraco/delivery/api/v2/content/item/{id}"] = "GetContentItemById20",
            ["/umbraco/delivery/api/v2/content/item/{path}"] = "GetContentItemByPath20",
            ["/umbraco/delivery/api/v2/content/items"] = "GetContentItems20",
            ["/umbraco/delivery/api/v2/media"] = "GetMedia20",
            ["/umbraco/delivery/api/v2/media/item/{id}"] = "GetMediaItemById20",
            ["/umbraco/delivery/api/v2/media/item/{path}"] = "GetMediaItemByPath20",
            ["/umbraco/delivery/api/v2/media/items"] = "GetMediaItems20",
            ["/umbraco/delivery/api/v2/search"] = "GetSearch20",
            ["/umbraco/delivery/api/v2/search/suggest"] = "GetSearchSuggestions20",
        };
        foreach (var (path, operationId) in expected)
        {
            Assert.True(operations.TryGetValue(path, out var operation), $"{path} is missing; the document has {string.Join(", ", operations.Keys)}");
            Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        }
        var query = operations["/umbraco/delivery/api/v2/content"].GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "fetch", "filter", "sort", "skip", "take", "expand", "fields", "Accept-Language", "Api-Key", "Preview", "Start-Item" })
            Assert.Contains(name, query);
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("ApiContentResponseModel", out _));
        // Only the Delivery API is in this document.
        Assert.DoesNotContain(operations.Keys, p => p.StartsWith("/health"));
    }

    [Fact]
    public async Task The_reference_page_and_its_assets_are_served()
    {
        var page = await host.Client.GetStringAsync("/umbraco/swagger");
        Assert.Contains("/umbraco/swagger/delivery/swagger.json", page);
        using var bundle = await host.Client.GetAsync("/umbraco/swagger/ui/swagger-ui-bundle.js");
        Assert.True(bundle.IsSuccessStatusCode);
        Assert.Contains("/umbraco/swagger/management/swagger.json", page);
    }

    [Fact]
    public async Task The_management_document_names_Umbraco_s_operations_and_its_OAuth_scheme()
    {
        var response = await host.Client.GetAsync("/umbraco/swagger/management/swagger.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Id: o.Value.GetProperty("operationId").GetString()))).ToList();
        foreach (var (path, method, id) in new[]
        {
            ("/umbraco/management/api/v1/document/{id}", "get", "GetDocumentById"),
            ("/umbraco/management/api/v1/document", "post", "PostDocument"),
            ("/umbraco/management/api/v1/document/{id}", "put", "PutDocumentById"),
            ("/umbraco/management/api/v1/document/{id}/publish", "put", "PutDocumentByIdPublish"),
            ("/umbraco/management/api/v1/document/{id}/unpublish", "put", "PutDocumentByIdUnpublish"),
            ("/umbraco/management/api/v1/document/{id}/move-to-recycle-bin", "put", "PutDocumentByIdMoveToRecycleBin"),
            ("/umbraco/management/api/v1/recycle-bin/document/{id}/restore", "put", "PutRecycleBinDocumentByIdRestore"),
            ("/umbraco/management/api/v1/document-version", "get", "GetDocumentVersion"),
            ("/umbraco/management/api/v1/document-version/{id}/rollback", "post", "PostDocumentVersionByIdRollback"),
            ("/umbraco/management/api/v1/temporary-file", "post", "PostTemporaryFile"),
            ("/umbraco/management/api/v1/media", "post", "PostMedia"),
            ("/umbraco/management/api/v1/user/current", "get", "GetUserCurrent"),
            ("/umbraco/management/api/v1/document/{id}/review/submit", "post", "PostDocumentByIdReviewSubmit"),
        })
            Assert.Contains((path, method, id), operations);
        Assert.DoesNotContain(operations, o => o.Path.StartsWith("/umbraco/delivery"));
        Assert.Equal("oauth2", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Backoffice-User").GetProperty("type").GetString());
    }
}
