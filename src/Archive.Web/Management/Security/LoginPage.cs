using System.Net;
using Archive.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Archive.Web.Management.Security;

/// The back office's sign-in page at /umbraco/login, in Kazakh, Russian and English: a plain HTML form
/// (works without the application's scripts; Enter submits) that signs a person in with the back-office
/// cookie and returns to where they were going — a path on this site only.
public static class LoginPage
{
    public const string Path = "/umbraco/login";

    private sealed record Texts(string Title, string Heading, string Email, string Password, string Submit, string Refused, string Language, string Expired);

    private static readonly Dictionary<string, Texts> ByLanguage = new()
    {
        ["kk"] = new("Кіру — Мұрағат", "Мұрағатқа кіру", "Электрондық пошта", "Құпиясөз", "Кіру",
            "Пошта не құпиясөз дұрыс емес, немесе бірнеше сәтсіз әрекеттен кейін тіркелгі біраз уақытқа бұғатталды.", "Тіл", "Бет ескірді: қайта көріңіз."),
        ["ru"] = new("Вход — Архив", "Вход в архив", "Электронная почта", "Пароль", "Войти",
            "Неверная почта или пароль, либо учётная запись временно заблокирована после нескольких неудачных попыток.", "Язык", "Страница устарела: попробуйте ещё раз."),
        ["en"] = new("Sign in — Archive", "Sign in to the archive", "Email", "Password", "Sign in",
            "The email or password is not right, or the account is locked for a while after repeated failures.", "Language", "The page expired: please try again."),
    };

    private static readonly (string Code, string Name)[] Languages = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")];

    /// The sign-in page, coming back to the address of this request once signed in.
    public static string Returning(HttpRequest request) =>
        Path + "?ReturnUrl=" + Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);

    /// The sign-in page, returning to the address asked for, when the request carries no session of any kind
    /// (neither the sign-in cookie nor the back office's token cookies); null when it may have one.
    public static string? ForVisitorWithoutSession(HttpContext context)
    {
        var request = context.Request;
        return request.Cookies.ContainsKey(ManagementSecurity.SignInCookie) || request.Cookies.ContainsKey(TokenCookies.NameOf(request, TokenCookies.AccessToken))
            || request.Cookies.ContainsKey(TokenCookies.NameOf(request, TokenCookies.RefreshToken))
            ? null
            : Returning(request);
    }

    public static void MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, Submit).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery().RequireRateLimiting(ManagementSecurity.SignInLimiter);
    }

    /// The language asked for (?lang=), else the browser's first of the three, else Kazakh.
    private static string LanguageOf(HttpRequest request)
    {
        if (request.Query["lang"].ToString() is { } asked && ByLanguage.ContainsKey(asked))
            return asked;
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant());
        return accepted.FirstOrDefault(l => l is not null && ByLanguage.ContainsKey(l)) ?? "kk";
    }

    /// Only a path on this site: never another site, a protocol-relative URL or a backslash trick.
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not ('/' or '\\') && !url.Contains('\\') && Uri.TryCreate(url, UriKind.Relative, out _)
            ? url
            : "/umbraco";

    private static IResult Show(HttpContext context, IAntiforgery antiforgery) =>
        Page(context, antiforgery, error: null, email: "", status: 200);

    private static async Task<IResult> Submit(HttpContext context, IAntiforgery antiforgery, UserManager<ArchiveUser> users,
        SignInManager<ArchiveUser> signIn, Accounts accounts)
    {
        var texts = ByLanguage[LanguageOf(context.Request)];
        if (!context.Request.HasFormContentType)
            return Page(context, antiforgery, texts.Expired, "", 400);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var email = form["email"].ToString();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Page(context, antiforgery, texts.Expired, email, 400);
        }
        if (string.IsNullOrWhiteSpace(email) || form["password"].ToString() is not { Length: > 0 } password
            || await SecurityEndpoints.SignInAsync(context, email, password, users, signIn, accounts) is null)
            return Page(context, antiforgery, texts.Refused, email, 401);
        return Results.Redirect(SafeReturnUrl(context.Request.Query["ReturnUrl"]));
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? error, string email, int status)
    {
        var language = LanguageOf(context.Request);
        var t = ByLanguage[language];
        var tokens = antiforgery.GetAndStoreTokens(context);
        var returnUrl = SafeReturnUrl(context.Request.Query["ReturnUrl"]);
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var action = Path + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) + "&lang=" + language;
        var switcher = string.Join("", Languages.Select(l => l.Code == language
            ? $"<li><a aria-current=\"true\" lang=\"{l.Code}\" href=\"{E(Path + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) + "&lang=" + l.Code)}\">{E(l.Name)}</a></li>"
            : $"<li><a lang=\"{l.Code}\" hreflang=\"{l.Code}\" href=\"{E(Path + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) + "&lang=" + l.Code)}\">{E(l.Name)}</a></li>"));
        var html = $$"""
            <!doctype html>
            <html lang="{{language}}" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <title>{{E(t.Title)}}</title>
            <style>
            :root { color-scheme: light; font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
            body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f3f3f5; color: #1b264f; }
            main { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.12); width: min(24rem, calc(100vw - 2rem)); box-sizing: border-box; }
            h1 { font-size: 1.5rem; margin: 0 0 1.5rem; }
            label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
            input { width: 100%; box-sizing: border-box; font: inherit; padding: .6rem .7rem; border: 1px solid #6b6b75; border-radius: 4px; min-height: 44px; }
            input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #3544b1; outline-offset: 2px; }
            button { margin-top: 1.5rem; width: 100%; min-height: 44px; font: inherit; font-weight: 600; color: #fff; background: #1b264f; border: 0; border-radius: 4px; cursor: pointer; }
            button:hover { background: #3544b1; }
            [role=alert] { margin: 0 0 1rem; padding: .75rem; border-inline-start: 4px solid #a3001b; background: #fdecef; color: #6e0012; }
            nav ul { list-style: none; display: flex; gap: 1rem; padding: 0; margin: 1.5rem 0 0; justify-content: center; }
            nav a { color: #1b264f; padding: .5rem .25rem; display: inline-block; min-height: 24px; }
            nav a[aria-current] { font-weight: 700; text-decoration: none; }
            </style>
            </head>
            <body>
            <main>
            <h1>{{E(t.Heading)}}</h1>
            {{(error is null ? "" : $"<p role=\"alert\" id=\"error\">{E(error)}</p>")}}
            <form method="post" action="{{E(action)}}">
            <input type="hidden" name="{{E(tokens.FormFieldName)}}" value="{{E(tokens.RequestToken)}}">
            <label for="email">{{E(t.Email)}}</label>
            <input id="email" name="email" type="email" autocomplete="username" required autofocus value="{{E(email)}}"{{(error is null ? "" : " aria-describedby=\"error\" aria-invalid=\"true\"")}}>
            <label for="password">{{E(t.Password)}}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required{{(error is null ? "" : " aria-describedby=\"error\" aria-invalid=\"true\"")}}>
            <button type="submit">{{E(t.Submit)}}</button>
            </form>
            <nav aria-label="{{E(t.Language)}}"><ul>{{switcher}}</ul></nav>
            </main>
            </body>
            </html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "same-origin";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
