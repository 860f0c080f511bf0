using System.Security.Claims;
using System.Threading.RateLimiting;
using Archive.Identity;
using Archive.Web.Hosting;
using Archive.Web.Management.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;

namespace Archive.Web.Management;

/// Accounts and the Management API's security: ASP.NET Core Identity for people (cookie sign-in),
/// OpenIddict for API clients (client credentials at Umbraco's token endpoint), one role per
/// account and the institutions or collections granted to it as claims.
public static class ManagementSecurity
{
    public const string Root = "/umbraco/management/api/v1";
    public const string TokenPath = Root + "/security/back-office/token";
    public const string RoleClaim = "role";
    public const string GrantClaim = "archive:grant";
    public const string KindClaim = "archive:kind";
    /// The sign-in cookie of the back office (Identity's application cookie, under this name).
    public const string SignInCookie = "ArchiveBackOffice";
    public const string StampClaim = "archive:stamp";
    public const string SignInLimiter = "sign-in";
    /// Either way of proving who one is: a bearer token or the back office cookie.
    public static readonly string[] Schemes = [OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, IdentityConstants.ApplicationScheme];

    /// What the command line needs too: the account stores and OpenIddict's client store.
    public static IServiceCollection AddArchiveAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<ArchiveUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters += "+";
                options.ClaimsIdentity.RoleClaimType = RoleClaim;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityDb>()
            .AddSignInManager();
        services.AddOpenIddict().AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>());
        services.AddScoped<Accounts>();
        services.AddSingleton<AccountStamps>();
        return services;
    }

    public static IServiceCollection AddArchiveManagement(this IServiceCollection services, RepositoryPaths paths, ArchiveOptions options)
    {
        // Tokens and cookies are protected with keys kept in the database: they survive restarts and backups, and every
        // node of a cluster shares them.
        var keys = services.AddDataProtection().SetApplicationName("Archive").PersistKeysToDbContext<IdentityDb>();
        // At rest the key ring is encrypted with a certificate when one is configured.
        if (options.DataProtection.CertificatePath is { Length: > 0 } certificate)
            keys.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                paths.Resolve(certificate), options.DataProtection.CertificatePassword));
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(cookie =>
        {
            cookie.Cookie.Name = SignInCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            // An API answers 401/403, never a redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        }));
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetAuthorizationEndpointUris(Security.AuthorizeEndpoints.AuthorizePath.TrimStart('/'))
                    .SetEndSessionEndpointUris(Security.AuthorizeEndpoints.SignOutPath.TrimStart('/'))
                    .SetRevocationEndpointUris(Security.AuthorizeEndpoints.RevokePath.TrimStart('/'));
                // API clients use client credentials; the back office the authorization code with PKCE (S256 only) and refresh tokens.
                server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                server.Configure(o => o.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                server.RegisterScopes(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess);
                server.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseDataProtection();
                server.AddBackOfficeTokenCookies();
                server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.UseAspNetCore();
            });
        services.AddAuthorization(authorization =>
        {
            authorization.AddPolicy(ManagementPolicies.Signed, policy => policy.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().RequireClaim(RoleClaim)
                .AddRequirements(new CurrentAccountRequirement()));
            authorization.AddPolicy(ManagementPolicies.Administrator, policy => policy.AddAuthenticationSchemes(Schemes).RequireClaim(RoleClaim, Roles.Administrator));
            authorization.AddPolicy(ManagementPolicies.Writer, policy => policy.AddAuthenticationSchemes(Schemes).RequireClaim(RoleClaim, Roles.All.Where(Roles.CanWrite)));
            authorization.AddPolicy(ManagementPolicies.Publisher, policy => policy.AddAuthenticationSchemes(Schemes).RequireClaim(RoleClaim, Roles.All.Where(Roles.CanPublish)));
            authorization.AddPolicy(ManagementPolicies.Reviewer, policy => policy.AddAuthenticationSchemes(Schemes).RequireClaim(RoleClaim, Roles.All.Where(Roles.CanReview)));
        });
        services.AddScoped<IAuthorizationHandler, CurrentAccountHandler>();
        services.AddSingleton<Security.BackOfficeClient>();
        services.AddSingleton<Security.SignInLimits>();
        services.AddSingleton(sp => Security.BackOfficeSession.From(sp.GetRequiredService<IConfiguration>()));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ArchiveAntiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaleAccountResultHandler>();
        services.AddManagementOpenApi();
        // Password and secret guessing is slowed per client address.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInLimiter, context => RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Management.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem("Too many sign-in attempts from this address; wait a minute.", statusCode: 429, title: "Too many requests").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// Data Protection's own start-up service reads the key ring before the start-up import has made the keys' table
    /// (an error in the log of every first start); the import reads it once the table is there, which is all that
    /// service did. Called once every service is registered: each AddDataProtection (authentication, antiforgery…)
    /// adds it again.
    public static void ReadKeysAfterStartupImport(IServiceCollection services)
    {
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
            services.Remove(warmUp);
    }

    /// The claims an account signs in with, whichever way: id, name, kind, role and grants.
    public static async Task<ClaimsIdentity> IdentityForAsync(ArchiveUser user, Accounts accounts, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, RoleClaim);
        identity.AddClaim(new Claim("sub", user.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Name));
        identity.AddClaim(new Claim(KindClaim, user.Kind.ToString()));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp ?? ""));
        if (await accounts.RoleOfAsync(user) is { } role)
            identity.AddClaim(new Claim(RoleClaim, role));
        foreach (var grant in await accounts.GrantsOfAsync(user.Id))
            identity.AddClaim(new Claim(GrantClaim, grant.ToString()));
        return identity;
    }
}

/// A token or cookie counts only while its account is unchanged since it was issued.
public sealed class CurrentAccountRequirement : IAuthorizationRequirement;

public sealed class CurrentAccountHandler(AccountStamps stamps, IdentityDb db) : AuthorizationHandler<CurrentAccountRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentAccountRequirement requirement)
    {
        // Every identity riding on the request (a cookie and a bearer token at once) is checked, and they
        // must be one account: roles and grants are read from all of them.
        var identities = context.User.Identities.Where(i => i.IsAuthenticated).ToList();
        var accounts = identities.Select(i => i.FindFirst("sub")?.Value ?? i.FindFirst(ClaimTypes.NameIdentifier)?.Value).Distinct().ToList();
        if (identities.Count == 0 || accounts.Count != 1 || !Guid.TryParse(accounts[0], out var id))
        {
            context.Fail(new AuthorizationFailureReason(this, "A request speaks for one account."));
            return;
        }
        foreach (var identity in identities)
            if (!await stamps.IsCurrentAsync(db, id, identity.FindFirst(ManagementSecurity.StampClaim)?.Value))
            {
                context.Fail(new AuthorizationFailureReason(this, "The account changed since this was issued."));
                return;
            }
        context.Succeed(requirement);
    }
}

/// A token or cookie from before its account changed is no proof of who one is now: 401, not 403.
public sealed class StaleAccountResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult result)
    {
        if (result.Forbidden && result.AuthorizationFailure?.FailureReasons.Any(r => r.Handler is CurrentAccountHandler) == true)
        {
            await Results.Problem("The account changed (role, grants, credentials or state) since this was issued, or the request carries more than one account: sign in again.",
                statusCode: 401, title: "Sign in again").ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}

public static class ManagementPolicies
{
    public const string Signed = "management";
    public const string Administrator = "management-administrator";
    public const string Writer = "management-writer";
    public const string Publisher = "management-publisher";
    public const string Reviewer = "management-reviewer";
}
