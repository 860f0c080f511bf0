using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Archive.Web.Management;

/// The Management API's OpenAPI document at /umbraco/swagger/management/swagger.json, with Umbraco's
/// operation ids and its "Backoffice-User" OAuth scheme (client credentials at the token endpoint).
public static class ManagementOpenApi
{
    public const string DocumentName = "management";

    public static IServiceCollection AddManagementOpenApi(this IServiceCollection services)
    {
        // Numbers are numbers: the web defaults also read them from strings, which the documents
        // would then describe as "integer or string".
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        return services.AddOpenApi(DocumentName, Configure);
    }

    private static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.GroupName == DocumentName;
        // Umbraco names a page of T "PagedT" (PagedUserResponseModel), not PagedResponseOfT.
        options.CreateSchemaReferenceId = type => type.Type.IsGenericType && type.Type.GetGenericTypeDefinition() == typeof(PagedResponse<>)
            ? "Paged" + type.Type.GetGenericArguments()[0].Name
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Archive Management API",
                Version = "v1",
                Description = "Umbraco's Management API routes, operation ids, request and response shapes for documents, versions, trees, the recycle bin, " +
                              "temporary files, media, languages, document, media and data types, users and user groups (the archive's roles), and the audit log, " +
                              "with Archive's review workflow (document/{id}/review). Sign in with OAuth client credentials at " + ManagementSecurity.TokenPath + " (client ids start with " +
                              "umbraco-back-office-), or with the back office cookie. Roles: administrator, curator, editor, contributor, viewer.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["Backoffice-User"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "OAuth client credentials for API users.",
                    Flows = new OpenApiOAuthFlows { ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(ManagementSecurity.TokenPath, UriKind.Relative) } },
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Backoffice-User", document)] = [] }];
            return Task.CompletedTask;
        });
        // Umbraco's words for the statuses every operation shares, and the headers naming what a create made.
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is not OpenApiResponse concrete)
                    continue;
                switch (status)
                {
                    case "401":
                        concrete.Description = "The resource is protected and requires an authentication token";
                        break;
                    case "403":
                        concrete.Description = "The authenticated user does not have access to this resource";
                        break;
                    case "201":
                        concrete.Headers = new Dictionary<string, IOpenApiHeader>
                        {
                            ["Umb-Generated-Resource"] = new OpenApiHeader { Description = "Identifier of the newly created resource", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                            ["Location"] = new OpenApiHeader { Description = "Location of the newly created resource", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" } },
                        };
                        break;
                }
            }
            return Task.CompletedTask;
        });
    }
}
