using System.Text.Json;
using Archive.Web.Management;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Management;

/// The Management API's OpenAPI document states Umbraco's contract for every operation (request and
/// response schemas under Umbraco's names, with Umbraco's properties, and its statuses), and what the
/// archive answers keeps to the schemas the document declares.
public sealed class ManagementContractTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await host.CreateClient().GetStringAsync("/umbraco/swagger/management/swagger.json")).RootElement.Clone();

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)));

    [Fact]
    public async Task Every_operation_states_its_request_response_and_statuses()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        Assert.Equal(ManagementContracts.Operations.Keys.Order(), operations.Select(o => o.Operation.GetProperty("operationId").GetString()!).Order());
        foreach (var (path, method, operation) in operations)
        {
            var contract = ManagementContracts.Operations[operation.GetProperty("operationId").GetString()!];
            var responses = operation.GetProperty("responses");
            var where = $"{method} {path}";
            Assert.True(responses.TryGetProperty(contract.Success.ToString(), out var success), where);
            if (contract.Response is not null)
                Assert.True(success.GetProperty("content").TryGetProperty("application/json", out _), where);
            if (contract.Success == 201)
                Assert.True(success.GetProperty("headers").TryGetProperty("Umb-Generated-Resource", out _), where);
            if (contract.Request is not null)
                Assert.True(operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), where);
            foreach (var status in contract.AllProblems)
                Assert.True(responses.TryGetProperty(status.ToString(), out _), $"{where} {status}");
        }
    }

    /// Umbraco 17's schemas and (at least) the properties each has there.
    public static TheoryData<string, string[]> UmbracoSchemas => new()
    {
        { "DocumentResponseModel", ["documentType", "values", "variants", "id", "flags", "template", "isTrashed"] },
        { "DocumentValueResponseModel", ["culture", "segment", "alias", "value", "editorAlias"] },
        { "DocumentVariantResponseModel", ["culture", "segment", "name", "createDate", "updateDate", "state", "publishDate", "scheduledPublishDate", "scheduledUnpublishDate"] },
        { "CreateDocumentRequestModel", ["parent", "documentType", "template", "id", "values", "variants"] },
        { "UpdateDocumentRequestModel", ["values", "variants", "template"] },
        { "PublishDocumentRequestModel", ["publishSchedules"] },
        { "UnpublishDocumentRequestModel", ["cultures"] },
        { "CopyDocumentRequestModel", ["target", "relateToOriginal", "includeDescendants"] },
        { "MoveDocumentRequestModel", ["target"] },
        { "SortingRequestModel", ["parent", "sorting"] },
        { "DocumentTreeItemResponseModel", ["hasChildren", "id", "parent", "flags", "noAccess", "isTrashed", "createDate", "isProtected", "ancestors", "documentType", "variants"] },
        { "MediaTreeItemResponseModel", ["hasChildren", "id", "parent", "flags", "noAccess", "isTrashed", "createDate", "mediaType", "variants"] },
        { "DocumentVersionItemResponseModel", ["id", "document", "documentType", "user", "versionDate", "isCurrentPublishedVersion", "isCurrentDraftVersion", "preventCleanup"] },
        { "DocumentVersionResponseModel", ["values", "variants", "id", "documentType", "document"] },
        { "AuditLogResponseModel", ["user", "timestamp", "logType", "comment", "parameters"] },
        { "MediaResponseModel", ["values", "variants", "id", "flags", "isTrashed", "mediaType"] },
        { "CreateMediaRequestModel", ["parent", "mediaType", "id", "values", "variants"] },
        { "TemporaryFileResponseModel", ["id", "availableUntil", "fileName"] },
        { "TemporaryFileConfigurationResponseModel", ["imageFileTypes", "disallowedUploadedFilesExtensions", "allowedUploadedFileExtensions", "maxFileSize"] },
        { "LanguageResponseModel", ["name", "isDefault", "isMandatory", "fallbackIsoCode", "isoCode"] },
        { "CreateLanguageRequestModel", ["name", "isDefault", "isMandatory", "fallbackIsoCode", "isoCode"] },
        { "UpdateLanguageRequestModel", ["name", "isDefault", "isMandatory", "fallbackIsoCode"] },
        { "LanguageItemResponseModel", ["name", "isoCode"] },
        { "DocumentTypeResponseModel", ["alias", "name", "description", "icon", "allowedAsRoot", "variesByCulture", "variesBySegment", "collection", "isElement",
            "properties", "containers", "id", "allowedTemplates", "defaultTemplate", "cleanup", "allowedDocumentTypes", "compositions"] },
        { "MediaTypeResponseModel", ["alias", "name", "description", "icon", "allowedAsRoot", "variesByCulture", "variesBySegment", "collection", "isElement",
            "properties", "containers", "id", "allowedMediaTypes", "compositions"] },
        { "DocumentTypePropertyTypeResponseModel", ["id", "container", "sortOrder", "alias", "name", "description", "dataType", "variesByCulture", "variesBySegment",
            "validation", "appearance"] },
        { "DataTypeResponseModel", ["name", "editorAlias", "editorUiAlias", "values", "id", "isDeletable", "canIgnoreStartNodes"] },
        { "CreateDataTypeRequestModel", ["name", "editorAlias", "editorUiAlias", "values", "id", "parent"] },
        { "UpdateDataTypeRequestModel", ["name", "editorAlias", "editorUiAlias", "values"] },
        { "CreateDocumentTypeRequestModel", ["alias", "name", "description", "icon", "allowedAsRoot", "variesByCulture", "variesBySegment", "collection", "isElement",
            "properties", "containers", "id", "parent", "allowedTemplates", "defaultTemplate", "cleanup", "allowedDocumentTypes", "compositions"] },
        { "UpdateDocumentTypeRequestModel", ["alias", "name", "description", "icon", "allowedAsRoot", "variesByCulture", "variesBySegment", "collection", "isElement",
            "properties", "containers", "allowedTemplates", "defaultTemplate", "cleanup", "allowedDocumentTypes", "compositions"] },
        { "CreateMediaTypeRequestModel", ["alias", "name", "description", "icon", "allowedAsRoot", "variesByCulture", "variesBySegment", "collection", "isElement",
            "properties", "containers", "id", "parent", "allowedMediaTypes", "compositions"] },
        { "UpdateMediaTypeRequestModel", ["alias", "name", "description", "icon", "allowedAsRoot", "variesByCulture", "variesBySegment", "collection", "isElement",
            "properties", "containers", "allowedMediaTypes", "compositions"] },
        { "UpdateMediaRequestModel", ["values", "variants"] },
        { "MoveMediaRequestModel", ["target"] },
        { "DisableUserRequestModel", ["userIds"] },
        { "EnableUserRequestModel", ["userIds"] },
        { "UnlockUsersRequestModel", ["userIds"] },
        { "UserResponseModel", ["email", "userName", "name", "userGroupIds", "id", "languageIsoCode", "documentStartNodeIds", "hasDocumentRootAccess", "mediaStartNodeIds",
            "hasMediaRootAccess", "avatarUrls", "state", "failedLoginAttempts", "createDate", "updateDate", "lastLoginDate", "lastLockoutDate", "lastPasswordChangeDate", "isAdmin", "kind"] },
        { "CreateUserRequestModel", ["email", "userName", "name", "userGroupIds", "id", "kind"] },
        { "UpdateUserRequestModel", ["email", "userName", "name", "userGroupIds", "languageIsoCode", "documentStartNodeIds", "hasDocumentRootAccess", "mediaStartNodeIds", "hasMediaRootAccess"] },
        { "CurrentUserResponseModel", ["email", "userName", "name", "userGroupIds", "id", "languageIsoCode", "documentStartNodeIds", "hasDocumentRootAccess", "mediaStartNodeIds",
            "hasMediaRootAccess", "avatarUrls", "languages", "hasAccessToAllLanguages", "hasAccessToSensitiveData", "allowedSections", "isAdmin"] },
        { "CreateUserClientCredentialsRequestModel", ["clientId", "clientSecret"] },
        { "ChangePasswordUserRequestModel", ["newPassword"] },
        { "ResetPasswordUserResponseModel", ["resetPassword"] },
        { "UserGroupResponseModel", ["name", "alias", "icon", "sections", "languages", "hasAccessToAllLanguages", "documentStartNode", "documentRootAccess", "mediaStartNode",
            "mediaRootAccess", "fallbackPermissions", "permissions", "id", "isDeletable", "aliasCanBeChanged"] },
        { "PagedUserResponseModel", ["total", "items"] },
        { "PagedDocumentTreeItemResponseModel", ["total", "items"] },
        { "PagedAuditLogResponseModel", ["total", "items"] },
        { "ReferenceByIdModel", ["id"] },
    };

    [Theory]
    [MemberData(nameof(UmbracoSchemas))]
    public async Task A_schema_has_Umbraco_s_name_and_properties(string name, string[] properties)
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty(name, out var schema), $"No schema {name}");
        var ours = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var missing = properties.Where(p => !ours.Contains(p)).ToList();
        Assert.True(missing.Count == 0, $"{name} lacks {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task What_the_archive_answers_keeps_to_the_declared_schemas()
    {
        var document = await DocumentAsync();
        var byOperation = Operations(document).ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!, o => o.Operation);
        var administrator = await host.As("administrator");
        var chestVersion = JsonDocument.Parse(await administrator.GetStringAsync($"{Api}/document-version?documentId={DocumentApiTests.Chest}")).RootElement
            .GetProperty("items")[0].GetProperty("id").GetString();
        var image = JsonDocument.Parse(await administrator.GetStringAsync($"{Api}/tree/media/root")).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString()).First();
        var user = JsonDocument.Parse(await administrator.GetStringAsync($"{Api}/user")).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        var calls = new (string Operation, string Url)[]
        {
            ("GetDocumentById", $"{Api}/document/{DocumentApiTests.Chest}"),
            ("GetTreeDocumentRoot", $"{Api}/tree/document/root"),
            ("GetTreeDocumentChildren", $"{Api}/tree/document/children?parentId={DocumentApiTests.Korean}"),
            ("GetTreeDocumentAncestors", $"{Api}/tree/document/ancestors?descendantId={DocumentApiTests.Chest}"),
            ("GetTreeMediaRoot", $"{Api}/tree/media/root"),
            ("GetMediaById", $"{Api}/media/{image}"),
            ("GetDocumentVersion", $"{Api}/document-version?documentId={DocumentApiTests.Chest}"),
            ("GetDocumentVersionById", $"{Api}/document-version/{chestVersion}"),
            ("GetDocumentByIdAuditLog", $"{Api}/document/{DocumentApiTests.Chest}/audit-log"),
            ("GetAuditLog", $"{Api}/audit-log?allUsers=true&take=20"),
            ("GetDocumentByIdReview", $"{Api}/document/{DocumentApiTests.Chest}/review"),
            ("GetLanguage", $"{Api}/language"),
            ("GetItemLanguageDefault", $"{Api}/item/language/default"),
            ("GetDocumentTypeById", $"{Api}/document-type/{DocumentApiTests.ArtefactType}"),
            ("GetMediaTypeById", $"{Api}/media-type/dcbf0830-246d-8808-0431-14aac91c2348"),
            ("GetDataTypeById", $"{Api}/data-type/05c4aa9a-31cd-147f-60e7-ca4cf15ca655"),
            ("GetDataTypeByIdReferences", $"{Api}/data-type/05c4aa9a-31cd-147f-60e7-ca4cf15ca655/references"),
            ("GetUser", $"{Api}/user"),
            ("GetUserById", $"{Api}/user/{user}"),
            ("GetUserCurrent", $"{Api}/user/current"),
            ("GetUserGroup", $"{Api}/user-group"),
            ("GetTemporaryFileConfiguration", $"{Api}/temporary-file/configuration"),
        };
        var errors = new List<string>();
        foreach (var (operation, url) in calls)
        {
            var response = await administrator.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            var schema = byOperation[operation].GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Conforms(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, schema, document, operation, errors);
        }
        Assert.Empty(errors);

        // The check itself bites: a document is not a language.
        var wrong = new List<string>();
        var language = byOperation["GetLanguageByIsoCode"].GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Conforms(JsonDocument.Parse(await administrator.GetStringAsync($"{Api}/document/{DocumentApiTests.Chest}")).RootElement, language, document, "document", wrong);
        Assert.Contains(wrong, e => e.Contains("document.values is answered but not declared"));
        Assert.Contains(wrong, e => e.Contains("document.isoCode is required but missing"));
    }

    /// Bodies with fields missing, nulled or of the wrong shape, sent to every write as an administrator
    /// (who passes every role check): a 4xx naming the problem, never a 500.
    [Fact]
    public async Task No_write_answers_a_bad_body_with_a_server_error()
    {
        var administrator = await host.As("administrator");
        var endpoints = host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(Api, StringComparison.OrdinalIgnoreCase) && !e.RoutePattern.RawText!.Contains("security/back-office"))
            .ToList();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method == "GET" || endpoint.RoutePattern.RawText!.Contains("temporary-file"))
                    continue;
                var url = System.Text.RegularExpressions.Regex.Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]+\}", DocumentApiTests.Chest);
                var name = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()?.EndpointName;
                var request = name is not null && ManagementContracts.Operations.TryGetValue(name, out var contract) ? contract.Request : null;
                foreach (var body in BadBodies(request))
                {
                    var response = await administrator.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
                    {
                        Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                    });
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{method} {url} {body}: {(int)response.StatusCode}");
                }
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// Shapeless bodies, and for a known request model: every field null; lists holding null and an
    /// empty object, objects empty, strings empty.
    private static IEnumerable<string> BadBodies(Type? request)
    {
        yield return "{}";
        yield return "[]";
        yield return "null";
        yield return "\"text\"";
        if (request is null)
            yield break;
        static string Name(System.Reflection.PropertyInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name);
        var properties = request.GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToList();
        yield return JsonSerializer.Serialize(properties.ToDictionary(Name, _ => (object?)null));
        yield return JsonSerializer.Serialize(properties.ToDictionary(Name, p =>
        {
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            return type == typeof(string) ? "" : type.IsValueType ? Activator.CreateInstance(type)
                : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? new object?[] { null, new { } }
                : (object)new { };
        }));
    }

    /// Every property answered is one the schema declares, every required one is there, and values have the declared JSON type.
    private static void Conforms(JsonElement value, JsonElement schema, JsonElement document, string path, List<string> errors)
    {
        schema = Resolve(schema, document);
        foreach (var keyword in new[] { "oneOf", "anyOf" })
            if (schema.TryGetProperty(keyword, out var alternatives))
            {
                if (value.ValueKind == JsonValueKind.Null)
                    return;
                var options = alternatives.EnumerateArray().Select(a => Resolve(a, document)).Where(a => !IsNullType(a)).ToList();
                var best = options.Select(o => { var e = new List<string>(); Conforms(value, o, document, path, e); return e; }).OrderBy(e => e.Count).FirstOrDefault() ?? [];
                errors.AddRange(best);
                return;
            }
        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet() : [type.GetString()!]
            : new HashSet<string>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when schema.TryGetProperty("properties", out var properties):
                foreach (var property in value.EnumerateObject())
                    if (properties.TryGetProperty(property.Name, out var declared))
                        Conforms(property.Value, declared, document, $"{path}.{property.Name}", errors);
                    else
                        errors.Add($"{path}.{property.Name} is answered but not declared");
                if (schema.TryGetProperty("required", out var required))
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                        if (!value.TryGetProperty(name, out _))
                            errors.Add($"{path}.{name} is required but missing");
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    Conforms(item, items, document, $"{path}[{i++}]", errors);
                break;
            case JsonValueKind.String when types.Count > 0 && !types.Contains("string"):
            case JsonValueKind.Number when types.Count > 0 && !types.Contains("integer") && !types.Contains("number"):
            case JsonValueKind.True or JsonValueKind.False when types.Count > 0 && !types.Contains("boolean"):
            case JsonValueKind.Array when types.Count > 0 && !types.Contains("array"):
                errors.Add($"{path} is {value.ValueKind}, declared {string.Join("|", types)}");
                break;
        }
    }

    private static bool IsNullType(JsonElement schema) => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }
}
