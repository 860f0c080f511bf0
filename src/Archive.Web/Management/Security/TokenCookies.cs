using Microsoft.AspNetCore;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Archive.Web.Management.Security;

/// Tokens never reach the back office's scripts, as in Umbraco 17: the authorization code, the access
/// token and the refresh token travel in encrypted HttpOnly cookies, and the JSON and the redirect carry
/// "[redacted]" in their place. What the client sends back as "[redacted]" is taken from its cookie; a code
/// or refresh token it sends in clear is refused (it can only have come from somewhere else).
public static class TokenCookies
{
    public const string Redacted = "[redacted]";
    public const string Code = "umbPkceCode";
    public const string AccessToken = "umbAccessToken";
    public const string RefreshToken = "umbRefreshToken";

    private const string Purpose = "Archive.BackOffice.TokenCookies";

    /// "__Host-" over HTTPS: the cookie is then bound to this origin and path /, and sent over TLS only.
    public static string NameOf(HttpRequest request, string name) => request.IsHttps ? "__Host-" + name : name;

    public static void Write(HttpContext context, string name, string value, TimeSpan lifetime)
    {
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose, name);
        context.Response.Cookies.Append(NameOf(context.Request, name), protector.Protect(value), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    public static string? Read(HttpContext context, string name)
    {
        if (!context.Request.Cookies.TryGetValue(NameOf(context.Request, name), out var value) || string.IsNullOrEmpty(value))
            return null;
        try
        {
            return context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose, name).Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Remove(HttpContext context, params string[] names)
    {
        foreach (var name in names.Length > 0 ? names : [Code, AccessToken, RefreshToken])
            context.Response.Cookies.Delete(NameOf(context.Request, name), new CookieOptions { Path = "/", Secure = context.Request.IsHttps, SameSite = SameSiteMode.Strict });
    }

    /// A bearer token sent as "[redacted]" is the one in the access-token cookie (before authentication reads it).
    public static IApplicationBuilder UseBackOfficeTokenCookies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization == "Bearer " + Redacted)
        {
            if (Read(context, AccessToken) is { } token)
                request.Headers.Authorization = "Bearer " + token;
            else
                request.Headers.Remove("Authorization");
        }
        // Images the back office draws with a plain <img> (thumbnails and previews of media the public cannot see) are
        // read with the access-token cookie alone, as a browser sends no Authorization header for an image. Only GET of
        // these images: the cookie is SameSite=Strict, so no other site's page can make the browser send it.
        else if (authorization.Length == 0 && HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments(Iiif.IiifPreviewEndpoints.Address, StringComparison.Ordinal)
            && Read(context, AccessToken) is { } token)
            request.Headers.Authorization = "Bearer " + token;
        await next();
    });

    public static OpenIddictServerBuilder AddBackOfficeTokenCookies(this OpenIddictServerBuilder server)
    {
        var extracted = OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<ExtractTokenRequestContext>.Descriptor.Order + 1_000;
        server.AddEventHandler<ExtractTokenRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.Request?.ClientId != BackOfficeClient.ClientId)
                return default;
            var http = context.Transaction.GetHttpRequest()!.HttpContext;
            if (context.Request.Code is { } code)
            {
                if (code != Redacted)
                    context.Reject(OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidRequest, "The back office's authorization code travels in its cookie only.");
                else
                    context.Request.Code = Read(http, Code);
            }
            if (context.Request.RefreshToken is { } refresh)
            {
                if (refresh != Redacted)
                    context.Reject(OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidRequest, "The back office's refresh token travels in its cookie only.");
                else
                    context.Request.RefreshToken = Read(http, RefreshToken);
            }
            return default;
        }).SetOrder(extracted));

        var revocation = OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<ExtractRevocationRequestContext>.Descriptor.Order + 1_000;
        server.AddEventHandler<ExtractRevocationRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.Request?.Token == Redacted)
            {
                var http = context.Transaction.GetHttpRequest()!.HttpContext;
                context.Request.Token = context.Request.TokenTypeHint == "access_token" ? Read(http, AccessToken) : Read(http, RefreshToken) ?? Read(http, AccessToken);
            }
            return default;
        }).SetOrder(revocation));

        server.AddEventHandler<ApplyAuthorizationResponseContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.Request?.ClientId != BackOfficeClient.ClientId || context.Response.Code is not { } code)
                return default;
            Write(context.Transaction.GetHttpRequest()!.HttpContext, Code, code, TimeSpan.FromMinutes(5));
            context.Response.Code = Redacted;
            return default;
        }).SetOrder(int.MinValue + 100_000));

        server.AddEventHandler<ApplyTokenResponseContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.Request?.ClientId != BackOfficeClient.ClientId)
                return default;
            var http = context.Transaction.GetHttpRequest()!.HttpContext;
            var lifetime = TimeSpan.FromSeconds((double?)(long?)context.Response.ExpiresIn ?? 3600);
            if (context.Response.AccessToken is { } access)
            {
                Write(http, AccessToken, access, lifetime);
                context.Response.AccessToken = Redacted;
            }
            if (context.Response.RefreshToken is { } refresh)
            {
                Write(http, RefreshToken, refresh, lifetime * 4);
                context.Response.RefreshToken = Redacted;
            }
            // The code has been exchanged: it is of no further use.
            Remove(http, Code);
            return default;
        }).SetOrder(int.MinValue + 100_000));
        return server;
    }
}
