using Archive.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Management.Map;

/// Archive's own: the map tiles the back office's place editors draw on (Archive:Maps). Without tiles the
/// answer says so and the editors show coordinates only.
public static class MapEndpoints
{
    public sealed record MapSettingsResponseModel(string? TileUrl, string? Attribution, int MaxZoom);

    public static void MapMapSettings(this RouteGroupBuilder api) =>
        api.MapGet("archive/map", (IOptions<ArchiveOptions> options) =>
        {
            var maps = options.Value.Maps;
            return maps.Configured
                ? Results.Ok(new MapSettingsResponseModel(maps.TileUrl, maps.Attribution, Math.Clamp(maps.MaxZoom, 1, 22)))
                : Results.Ok(new MapSettingsResponseModel(null, null, 0));
        }).WithName("GetArchiveMap").WithTags("Archive");
}
