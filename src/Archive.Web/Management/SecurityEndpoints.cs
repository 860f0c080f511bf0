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
        var security = app.MapGroup(ManagementSecurity.Root + "/security/back-office").RequireRateLimiting(ManagementSecurity.SignInLimiter).ExcludeFromDescription();
        security.MapPost("token", (Delegate)Token).AllowAnonymous();
        security.MapPost("login", Login).AllowAnonymous().DisableAntiforgery();
        security.MapPost("logout", (Delegate)Logout).RequireAuthorization(ManagementPolicies.Signed);
    }

    private static async Task<IResult> Token(HttpContext context, UserManager<ArchiveUser> users, Accounts accounts)
    {
        // OpenIddict has checked the client id and secret by now.
        var request = context.GetOpenIddictServerRequest();
        if (request is null || !request.IsClientCredentialsGrantType())
            return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "Only the client_credentials grant is offered here.");
        var user = await accounts.OwnerOfClientAsync(request.ClientId!, context.RequestAborted);
        if (user is not { Kind: UserKind.Api } || await users.IsLockedOutAsync(user))
            return Refuse(OpenIddictConstants.Errors.InvalidClient, "The client is not enabled.");
        var identity = await ManagementSecurity.IdentityForAsync(user, accounts, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
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
        var user = await users.FindByNameAsync(body.Username.Trim());
        // The same answer for an unknown name and a wrong password: nothing to learn from it.
        const string refused = "The user name or password is not right, or the account is locked for a while after repeated failures.";
        if (user is not { Kind: UserKind.Person })
        {
            // As long as checking a real account's password takes: the time says nothing either.
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, body.Password);
            return Results.Problem(refused, statusCode: 401, title: "Sign-in refused");
        }
        var check = await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
            return Results.Problem(refused, statusCode: 401, title: "Sign-in refused");
        var identity = await ManagementSecurity.IdentityForAsync(user, accounts, IdentityConstants.ApplicationScheme);
        await context.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity));
        return Results.Ok(new { id = user.Id, name = user.Name });
    }

    private static async Task<IResult> Logout(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.Ok();
    }
}
