using System.Security.Claims;
using Archive.Identity;
using Microsoft.AspNetCore.Identity;

namespace Archive.Web.Management;

/// The Management API under /umbraco/management/api/v1: signed-in accounts only, no CORS (it is
/// not meant for other sites' scripts).
public static class ManagementEndpoints
{
    public static RouteGroupBuilder MapManagement(this IEndpointRouteBuilder app)
    {
        app.MapManagementSecurity();
        var api = app.MapGroup(ManagementSecurity.Root).RequireAuthorization(ManagementPolicies.Signed).WithGroupName(ManagementOpenApi.DocumentName);
        api.MapGet("user/current", CurrentUser).WithName("GetUserCurrent").WithTags("User");
        api.MapDocuments();
        api.MapDocumentWorkflow();
        api.MapMediaManagement();
        api.MapLanguages();
        api.MapContentTypes();
        api.MapDataTypes();
        api.MapTrees();
        api.MapUsers();
        api.MapAuditLog();
        return api;
    }

    private static async Task<IResult> CurrentUser(ClaimsPrincipal principal, UserManager<ArchiveUser> users)
    {
        if (!Guid.TryParse(principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) || await users.FindByIdAsync(id.ToString()) is not { } user)
            return Results.Unauthorized();
        return Results.Ok(new
        {
            id = user.Id,
            email = user.Email ?? "",
            userName = user.UserName,
            name = user.Name,
            kind = user.Kind.ToString(),
            role = principal.FindFirstValue(ManagementSecurity.RoleClaim),
            grants = principal.FindAll(ManagementSecurity.GrantClaim).Select(c => Guid.Parse(c.Value)),
        });
    }
}
