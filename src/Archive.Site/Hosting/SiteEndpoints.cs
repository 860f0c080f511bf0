using Archive.Delivery.Cache;
using Archive.Delivery.Geo;
using Archive.Search.Indexing;
using Archive.Site.Cultures;
using Archive.Site.Links;
using Archive.Site.Pages;
using Archive.Site.Seo;
using Archive.Site.Texts;
using Archive.Site.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Site;

/// The public site's routes: `/` (to the visitor's language), `/{culture}/` and the pages beneath it, the sitemaps,
/// robots.txt and the built scripts and styles.
public static class SiteEndpoints
{
    public const string CultureCookie = "archive-culture";

    public static IServiceCollection AddArchiveSite(this IServiceCollection services, IConfiguration configuration, SiteAssets assets)
    {
        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.Section));
        services.AddSingleton(assets);
        services.AddSingleton<Archive.Search.Querying.SpellingService>();
        services.AddSingleton<SiteServices>();
        // Pages are sent as UTF-8: every script's letters as they are, not as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOutputCache(options => options.AddPolicy(SiteOutputCachePolicy.Name, new SiteOutputCachePolicy()));
        return services;
    }

    public static void MapArchiveSite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", ToVisitorsLanguage);
        app.MapGet("/robots.txt", Robots.Answer);
        app.MapGet("/favicon.ico", (SiteAssets assets) => Results.Redirect(assets.Icon, permanent: true));
        app.MapGet("/sitemap.xml", Sitemaps.Index).CacheOutput(SiteOutputCachePolicy.Name);
        app.MapGet("/sitemaps/{name}.xml", Sitemaps.Of).CacheOutput(SiteOutputCachePolicy.Name);
        app.MapGet(SiteAssets.RequestPath + "/{**file}", AssetFiles.Serve);
        // Only what reads as a language tag ("kk", "kk-latn") is a site address: everything else the archive serves beside
        // the site (the back office's files, media, IIIF) keeps its own handling, endpoints and static files alike.
        var pages = app.MapGroup("/{culture:regex(^[a-zA-Z]{{2,3}}(-[a-zA-Z0-9]{{2,8}})*$)}").CacheOutput(SiteOutputCachePolicy.Name);
        pages.MapGet("/search", (string culture, HttpContext http) => Page(http, culture, context =>
        {
            var model = SearchPageModel.Build(context, http.Request.Query);
            return SiteRenderer.PageAsync<SearchPage>(http, context, new() { ["Model"] = model }, model.Status);
        }));
        pages.MapGet("/map", (string culture, HttpContext http) => Page(http, culture, context => ListPages.Map(http, context)));
        pages.MapGet("/collections", (string culture, HttpContext http) => Page(http, culture, context => ListPages.Collections(http, context)));
        pages.MapGet("/places", (string culture, HttpContext http) => Page(http, culture, context => ListPages.Places(http, context)));
        pages.MapGet("/item/{key:guid}", (string culture, Guid key, HttpContext http) => Page(http, culture, context =>
            context.UrlOf(context.Cache.Find(key)) is { } url ? Task.FromResult(Results.Redirect(url, permanent: false)) : Message(http, context, 404)));
        pages.MapGet("/{**path}", (string culture, string? path, HttpContext http) => Page(http, culture, context => Item(http, context, path)));
    }

    /// `/`: the language the visitor chose before, else the first of theirs the archive has, else the archive's default.
    private static IResult ToVisitorsLanguage(HttpContext http)
    {
        var services = http.RequestServices.GetRequiredService<SiteServices>();
        var culture = (http.Request.Cookies[CultureCookie] is { } chosen ? services.Cultures.Find(chosen) : null)
                      ?? services.Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage)
                      ?? services.Cultures.Default;
        http.Response.Headers.Vary = "Accept-Language, Cookie";
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Redirect($"/{culture.Prefix}/");
    }

    private static async Task<IResult> Page(HttpContext http, string prefix, Func<SiteContext, Task<IResult>> render)
    {
        var services = http.RequestServices.GetRequiredService<SiteServices>();
        if (services.Cultures.Find(prefix) is not { } culture)
            return await NotFound(http);
        if (!services.Cache.IsLoaded)
        {
            http.Response.Headers.RetryAfter = "5";
            return Results.Problem(statusCode: 503, title: "Starting", detail: "The archive is loading its published content.");
        }
        // A visitor who chose Kazakh in the Latin alphabet reads Kazakh pages in it.
        if (culture.Prefix == "kk" && http.Request.Cookies[CultureCookie] == KazakhLatin && HttpMethods.IsGet(http.Request.Method))
        {
            http.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage = false;
            return Results.Redirect(http.Request.Path.Value!.Replace("/kk/", $"/{KazakhLatin}/", StringComparison.Ordinal) + http.Request.QueryString, permanent: false);
        }
        return await render(ContextOf(http, services, culture));
    }

    private const string KazakhLatin = Archive.Engine.Cultures.KazakhLatin.Culture;

    private static SiteContext ContextOf(HttpContext http, SiteServices services, SiteCulture culture) => new(culture, services, BaseUrlOf(http));

    /// The scheme and host absolute addresses start with: `Archive:PublicBaseUrl`, else the request's own.
    public static string BaseUrlOf(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Archive:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{http.Request.Scheme}://{http.Request.Host}" : configured.TrimEnd('/');
    }

    /// A language's front page (`/kk/`) or an item's page beneath it; addresses end with a slash, as the API's routes do.
    private static Task<IResult> Item(HttpContext http, SiteContext context, string? path)
    {
        if (!http.Request.Path.Value!.EndsWith('/'))
            return Task.FromResult(Results.Redirect(http.Request.Path + "/" + http.Request.QueryString, permanent: true));
        if (string.IsNullOrEmpty(path))
            return SiteRenderer.PageAsync<HomePage>(http, context, new() { ["Model"] = HomePageModel.Build(context) });
        var found = context.Links.Resolve(context.Culture, path);
        switch (found.Outcome)
        {
            case Found.Moved:
                return Task.FromResult(Results.Redirect(found.Location! + http.Request.QueryString, permanent: true));
            case Found.Gone:
                return Message(http, context, 410);
            case Found.Missing:
                return Message(http, context, 404);
        }
        var view = new ItemView(found.Node!, context.Culture, found.ContentCulture!, context.Cache, context.Services.Renderer);
        var pageNumber = int.TryParse(http.Request.Query["page"], out var n) && n is > 0 and <= 10_000 ? n : 1;
        return SiteRenderer.PageAsync<ItemPage>(http, context, new() { ["Model"] = ItemPages.Build(context, view, pageNumber) });
    }

    private static Task<IResult> NotFound(HttpContext http)
    {
        var services = http.RequestServices.GetRequiredService<SiteServices>();
        var culture = services.Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage) ?? services.Cultures.Default;
        return Message(http, ContextOf(http, services, culture), 404);
    }

    public static Task<IResult> Message(HttpContext http, SiteContext context, int status)
    {
        var key = status == 410 ? "gone" : "notFound";
        var page = context.NewPage(context.T(key + ".title"), context.Everywhere(""));
        page.NoIndex = true;
        return SiteRenderer.PageAsync<MessagePage>(http, context, new() { ["Page"] = page, ["Text"] = context.T(key + ".text") }, status);
    }
}
