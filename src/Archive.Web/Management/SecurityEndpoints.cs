using System.Security.Claims;
using Archive.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Archive.Web.Management;

/// Signing in: OAuth client credentials for API clients at Umbraco's token endpoint, and a cookie for
/// people through the back office's login. Both are rate-limited per address.
public static class SecurityEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password);

    public static void MapManagementSecurity(this IEndpointRouteBuilder app)
    {
        // Token requests are limited before OpenIddict reads them (refresh grants are not); the rest of the group per address.
        app.MapPost(ManagementSecurity.TokenPath, (Delegate)Token).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        var security = app.MapGroup(ManagementSecurity.Root + "/security/back-office").RequireRateLimiting(ManagementSecurity.SignInLimiter).ExcludeFromDescription();
        security.MapPost("login", Login).AllowAnonymous().DisableAntiforgery();
        security.MapPost("logout", (Delegate)Logout).RequireAuthorization(ManagementPolicies.Signed);
    }

    private static async Task<IResult> Token(HttpContext context, UserManager<ArchiveUser> users, Accounts accounts, AccountStamps stamps, IdentityDb db,
        Security.BackOfficeSession session)
    {
        // Counted by TokenEndpointLimits before OpenIddict saw it. OpenIddict has checked the client, the grant, the code's PKCE verifier or the refresh token by now.
        var request = context.GetOpenIddictServerRequest();
        if (request is null)
            return Refuse(OpenIddictConstants.Errors.InvalidRequest, "The token request is missing.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
            return await BackOfficeTokenAsync(context, users, accounts, stamps, db, session);
        if (!request.IsClientCredentialsGrantType())
            return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "The grants offered are client_credentials, authorization_code and refresh_token.");
        var user = await accounts.OwnerOfClientAsync(request.ClientId!, context.RequestAborted);
        if (user is not { Kind: UserKind.Api } || await users.IsLockedOutAsync(user))
            return Refuse(OpenIddictConstants.Errors.InvalidClient, "The client is not enabled.");
        var identity = await ManagementSecurity.IdentityForAsync(user, accounts, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// A person's code or refresh token becomes tokens again with their role and grants as they are now; an
    /// account changed since (stamp), locked or gone gets none.
    private static async Task<IResult> BackOfficeTokenAsync(HttpContext context, UserManager<ArchiveUser> users, Accounts accounts, AccountStamps stamps, IdentityDb db,
        Security.BackOfficeSession session)
    {
        var issued = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = Guid.TryParse(issued?.GetClaim("sub"), out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (issued is null || user is not { Kind: UserKind.Person } || await users.IsLockedOutAsync(user)
            || !await stamps.IsCurrentAsync(db, user.Id, issued.GetClaim(ManagementSecurity.StampClaim)))
            return Refuse(OpenIddictConstants.Errors.InvalidGrant, "The account changed since this was issued: sign in again.");
        var identity = await ManagementSecurity.IdentityForAsync(user, accounts, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(issued.GetScopes());
        principal.SetAccessTokenLifetime(session.AccessTokenLifetime);
        principal.SetRefreshTokenLifetime(session.TimeOut);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static readonly ArchiveUser Nobody = new() { UserName = "nobody" };
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<ArchiveUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    private static async Task<IResult> Login(HttpContext context, LoginRequest? body, UserManager<ArchiveUser> users, SignInManager<ArchiveUser> signIn, Accounts accounts)
    {
        if (string.IsNullOrWhiteSpace(body?.Username) || string.IsNullOrEmpty(body.Password))
            return Results.ValidationProblem(new Dictionary<string, string[]> { [string.IsNullOrWhiteSpace(body?.Username) ? "username" : "password"] = ["Required."] });
        // The same answer for an unknown name and a wrong password: nothing to learn from it.
        const string refused = "The user name or password is not right, or the account is locked for a while after repeated failures.";
        if (await SignInAsync(context, body.Username, body.Password, users, signIn, accounts) is not { } user)
            return Results.Problem(refused, statusCode: 401, title: "Sign-in refused");
        return Results.Ok(new { id = user.Id, name = user.Name });
    }

    /// Checks a person's password (lock-out after repeated failures) and signs them in with the back-office
    /// cookie; null for an unknown name, a wrong password or a locked account alike, in the same time.
    internal static async Task<ArchiveUser?> SignInAsync(HttpContext context, string username, string password, UserManager<ArchiveUser> users,
        SignInManager<ArchiveUser> signIn, Accounts accounts)
    {
        var user = await users.FindByNameAsync(username.Trim());
        if (user is not { Kind: UserKind.Person })
        {
            // As long as checking a real account's password takes: the time says nothing either.
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
            return null;
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
            return null;
        var identity = await ManagementSecurity.IdentityForAsync(user, accounts, IdentityConstants.ApplicationScheme);
        await context.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity));
        return user;
    }

    private static async Task<IResult> Logout(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.Ok();
    }
}
