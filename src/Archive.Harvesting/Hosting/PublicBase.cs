using Archive.Harvesting.Records;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Harvesting.Hosting;

/// The base of the absolute addresses harvesters are given: `Archive:PublicBaseUrl`, else the request's own.
public static class PublicBase
{
    public static RecordLinks LinksOf(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Archive:PublicBaseUrl"];
        return new RecordLinks(string.IsNullOrWhiteSpace(configured)
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"
            : configured.TrimEnd('/'));
    }
}
