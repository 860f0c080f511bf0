using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Archive.Web.Management;

/// The Management API's OpenAPI document at /umbraco/swagger/management/swagger.json, with Umbraco's
/// operation ids and its "Backoffice-User" OAuth scheme (client credentials at the token endpoint).
public static class ManagementOpenApi
{
    public const string DocumentName = "management";

    public static IServiceCollection AddManagementOpenApi(this IServiceCollection services) => services.AddOpenApi(DocumentName, options =>
    {
        options.ShouldInclude = description => description.GroupName == DocumentName;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Archive Management API",
                Version = "v1",
                Description = "Umbraco's Management API routes and shapes for documents, versions, the recycle bin, temporary files and media, with Archive's review " +
                              "workflow (document/{id}/review). Sign in with OAuth client credentials at " + ManagementSecurity.TokenPath + " (client ids start with " +
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
    });
}
