using Archive.Harvesting.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Harvesting.Hosting;

/// Registers the harvest records' projection and maps `/oai`, `/iiif/discovery/changes` and `/id/{key}`, each open to
/// any origin (harvesters and viewers run anywhere).
public static class HarvestingEndpoints
{
    public static void AddArchiveHarvesting(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HarvestingOptions>(configuration.GetSection(HarvestingOptions.Section));
        services.AddSingleton<HarvestProjection>();
        services.AddSingleton<Archive.Engine.Publishing.IProjection>(sp => sp.GetRequiredService<HarvestProjection>());
        services.AddCors(cors => cors.AddPolicy("harvesting", policy => policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST", "HEAD")));
    }

    public static void MapArchiveHarvesting(IEndpointRouteBuilder app)
    {
        OaiEndpoint.Map(app);
        ChangeDiscoveryEndpoints.Map(app);
        IdentifierEndpoint.Map(app);
    }
}
