using Archive.Delivery.Cache;
using Archive.Media.Imaging;
using Microsoft.Extensions.Options;

namespace Archive.Web.Media;

/// The sizes unsigned image URLs may ask for: the configured list (or the defaults), the crops the
/// schema declares, the presets and the largest size; worked out again when the schema changes.
public sealed class ServedSizes(PublishedCache cache, IOptions<Hosting.ArchiveOptions> options, IOptions<ImagingSettings> imaging)
{
    private (Archive.Engine.Schema.SchemaSnapshot Schema, AllowedSizes Sizes)? _current;

    public AllowedSizes Current
    {
        get
        {
            var schema = cache.Schema;
            if (_current is { } current && ReferenceEquals(current.Schema, schema))
                return current.Sizes;
            var media = options.Value.Media;
            var presets = media.EffectivePresets.SelectMany(p => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(p))
                .Where(q => q.Key is "width" or "height").SelectMany(q => q.Value).Select(v => int.TryParse(v, out var n) ? n : 0);
            var crops = AllowedSizes.OfCrops(schema.DataTypes.Where(d => d.EditorAlias is "Umbraco.ImageCropper" or "Umbraco.MediaPicker3").Select(d => d.Config()));
            var sizes = new AllowedSizes([.. media.AllowedSizes ?? [.. AllowedSizes.Defaults], .. crops, .. presets,
                imaging.Value.Resize.MaxWidth, imaging.Value.Resize.MaxHeight]);
            _current = (schema, sizes);
            return sizes;
        }
    }
}
