using System.Security.Claims;
using Archive.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Archive.Web.Management.Security;

/// OpenID Connect for the back office at Umbraco's paths: authorize (a person signed in with the back-office
/// cookie gets a code; anyone else goes to the sign-in page first) and sign-out (the cookie, the token
/// cookies and the session end, then back to the back office's logout page).
public static class AuthorizeEndpoints
{
    public const string AuthorizePath = ManagementSecurity.Root + "/security/back-office/authorize";
    public const string SignOutPath = ManagementSecurity.Root + "/security/back-office/signout";
    public const string RevokePath = ManagementSecurity.Root + "/security/back-office/revoke";

    public static void MapBackOfficeAuthorization(this IEndpointRouteBuilder app)
    {
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], (Delegate)Authorize).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods(SignOutPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)SignOut).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> Authorize(HttpContext context, UserManager<ArchiveUser> users, Accounts accounts, AccountStamps stamps,
        Archive.Identity.IdentityDb db, BackOfficeSession session)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded && Guid.TryParse(cookie.Principal!.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || user.Kind != UserKind.Person || await users.IsLockedOutAsync(user)
            || !await stamps.IsCurrentAsync(db, user.Id, cookie.Principal!.FindFirstValue(ManagementSecurity.StampClaim)))
        {
            // Not signed in (or no longer): the sign-in page, which comes back here.
            return Results.Redirect(LoginPage.Returning(context.Request));
        }
        var identity = await ManagementSecurity.IdentityForAsync(user, accounts, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes().Intersect([OpenIddictConstants.Scopes.OfflineAccess]));
        principal.SetAccessTokenLifetime(session.AccessTokenLifetime);
        principal.SetRefreshTokenLifetime(session.TimeOut);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> SignOut(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        TokenCookies.Remove(context);
        // OpenIddict checks post_logout_redirect_uri against the client and redirects there.
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
