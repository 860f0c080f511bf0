using System.Security.Claims;
using Archive.Data;
using Archive.Identity;
using Archive.Web.Management.AllowedTypes;
using Archive.Web.Management.Collection;
using Archive.Web.Management.Culture;
using Archive.Web.Management.Dating;
using Archive.Web.Management.Document;
using Archive.Web.Management.Iiif;
using Archive.Web.Management.Imaging;
using Archive.Web.Management.Item;
using Archive.Web.Management.Manifest;
using Archive.Web.Management.Map;
using Archive.Web.Management.Media;
using Archive.Web.Management.RecycleBin;
using Archive.Web.Management.Registrar;
using Archive.Web.Management.Review;
using Archive.Web.Management.Security;
using Archive.Web.Management.Server;
using Microsoft.AspNetCore.Identity;

namespace Archive.Web.Management;

/// The Management API under /umbraco/management/api/v1: signed-in accounts only, no CORS (it is
/// not meant for other sites' scripts).
public static class ManagementEndpoints
{
    public static RouteGroupBuilder MapManagement(this IEndpointRouteBuilder app)
    {
        app.MapManagementSecurity();
        app.MapBackOfficeAuthorization();
        app.MapLoginPage();
        app.MapServerAnonymous();
        app.MapManifestAnonymous();
        var api = app.MapGroup(ManagementSecurity.Root).RequireAuthorization(ManagementPolicies.Signed).WithGroupName(ManagementOpenApi.DocumentName);
        api.MapGet("user/current", CurrentUser).WithName("GetUserCurrent").WithTags("User");
        api.MapGet("user/current/configuration", (Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> identity, IConfiguration configuration) =>
            Results.Ok(new CurrentUserConfigurationResponseModel(configuration.GetValue("Umbraco:CMS:Security:KeepUserLoggedIn", false), PasswordRules(identity.Value.Password), false, false)))
            .WithName("GetUserCurrentConfiguration").WithTags("User");
        // What the Users section may offer: no invitations (the archive sends no mail), user names are e-mail
        // addresses, administrators set and reset others' passwords.
        api.MapGet("user/configuration", (Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> identity) =>
            Results.Ok(new UserConfigurationResponseModel(CanInviteUsers: false, UsernameIsEmail: true, PasswordRules(identity.Value.Password), AllowChangePassword: true, AllowTwoFactor: false)))
            .WithName("GetUserConfiguration").WithTags("User").RequireAuthorization(ManagementPolicies.Administrator);
        api.MapServer();
        api.MapManifests();
        api.MapDocuments();
        api.MapDocumentWorkflow();
        api.MapDocumentReview();
        api.MapCultures();
        api.MapMediaManagement();
        api.MapLanguages();
        api.MapContentTypes();
        api.MapDataTypes();
        api.MapTrees();
        api.MapRecycleBins();
        api.MapItems();
        api.MapImaging();
        api.MapIiifPreview();
        api.MapMapSettings();
        api.MapRegistrarDocuments();
        Ledger.LedgerEndpoints.MapLedger(api);
        Kiosks.KioskFleetEndpoints.MapKioskFleet(api);
        Spreadsheets.SpreadsheetEndpoints.MapSpreadsheets(api);
        api.MapAllowedTypes();
        api.MapMediaCollection();
        api.MapMediaValidation();
        api.MapMediaUrls();
        api.MapDocumentConfiguration();
        api.MapPublishedDocument();
        api.MapDocumentUrls();
        api.MapDating();
        api.MapDocumentValidation(app);
        api.MapUsers();
        api.MapAuditLog();
        api.DescribeContracts();
        return api;
    }

    private static PasswordConfigurationResponseModel PasswordRules(Microsoft.AspNetCore.Identity.PasswordOptions password) =>
        new(password.RequiredLength, password.RequireNonAlphanumeric, password.RequireDigit, password.RequireLowercase, password.RequireUppercase);

    /// Umbraco's CurrentUserResponseModel, with the archive's role, kind and grants beside it.
    private static async Task<IResult> CurrentUser(ClaimsPrincipal principal, UserManager<ArchiveUser> users, ArchiveDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) || await users.FindByIdAsync(id.ToString()) is not { } user)
            return Results.Unauthorized();
        var caller = Caller.From(principal);
        var media = await UserEndpoints.MediaKeysAsync(db, caller.Grants, ct);
        var documents = caller.Grants.Where(g => !media.Contains(g)).Select(g => new ReferenceByIdModel(g)).ToList();
        var folders = caller.Grants.Where(media.Contains).Select(g => new ReferenceByIdModel(g)).ToList();
        var administrator = caller.Role == Roles.Administrator;
        return Results.Ok(new CurrentUserResponseModel(user.Email ?? "", user.UserName ?? "", user.Name, [new ReferenceByIdModel(Roles.GroupKeys[caller.Role])], user.Id, user.LanguageIsoCode,
            documents, !caller.IsScoped, folders, !caller.IsScoped, [], [], true, Roles.SeesPrivateFields(caller.Role),
            BackOfficePermissions.Of(caller.Role), [], BackOfficePermissions.SectionsOf(caller.Role), administrator, caller.Role, user.Kind.ToString(), caller.Grants.ToList()));
    }
}

public sealed record CurrentUserResponseModel(string Email, string UserName, string Name, IReadOnlyList<ReferenceByIdModel> UserGroupIds, Guid Id, string? LanguageIsoCode,
    IReadOnlyList<ReferenceByIdModel> DocumentStartNodeIds, bool HasDocumentRootAccess, IReadOnlyList<ReferenceByIdModel> MediaStartNodeIds, bool HasMediaRootAccess,
    IReadOnlyList<string> AvatarUrls, IReadOnlyList<string> Languages, bool HasAccessToAllLanguages, bool HasAccessToSensitiveData, IReadOnlyList<string> FallbackPermissions,
    IReadOnlyList<object> Permissions, IReadOnlyList<string> AllowedSections, bool IsAdmin, string Role, string Kind, IReadOnlyList<Guid> Grants);

public sealed record PasswordConfigurationResponseModel(int MinimumPasswordLength, bool RequireNonLetterOrDigit, bool RequireDigit, bool RequireLowercase, bool RequireUppercase);

public sealed record UserConfigurationResponseModel(bool CanInviteUsers, bool UsernameIsEmail, PasswordConfigurationResponseModel PasswordConfiguration, bool AllowChangePassword,
    bool AllowTwoFactor);

public sealed record CurrentUserConfigurationResponseModel(bool KeepUserLoggedIn, PasswordConfigurationResponseModel PasswordConfiguration, bool AllowChangePassword, bool AllowTwoFactor);
