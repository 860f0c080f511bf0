using System.Text;
using Archive.Site.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.Site;

/// Renders a page component to HTML on the server (Razor components as templates: no circuit, no interactivity) and
/// sends it; Latin-script Kazakh pages are transliterated on the way out.
public static class SiteRenderer
{
    public static async Task<IResult> PageAsync<TPage>(HttpContext http, SiteContext context, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        var services = http.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        if (context.Culture.IsKazakhLatin)
            html = LatinPass.Apply(html, context.Services.KazakhLatin);
        return new HtmlPage(Encoding.UTF8.GetBytes(html), status, context.Culture.Lang);
    }

    private sealed class HtmlPage(byte[] body, int status, string language) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.ContentLength = body.Length;
            http.Response.Headers.ContentLanguage = language;
            // Browsers and shared caches check again after a minute: a publish reaches visitors soon after.
            http.Response.Headers.CacheControl = status == StatusCodes.Status200OK ? "public, max-age=60" : "public, max-age=30";
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (!HttpMethods.IsHead(http.Request.Method))
                await http.Response.Body.WriteAsync(body);
        }
    }
}
