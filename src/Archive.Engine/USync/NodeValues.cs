using Archive.Engine.Content;
using Archive.Engine.Schema;

namespace Archive.Engine.USync;

/// The Properties block uSync writes for a node: every property of its type, one value per
/// available culture for variant properties (empty where there is none), so clearing syncs too.
public static class NodeValues
{
    /// Media labels recalculated from the file (Umbraco's, and the archive's metadata facts); uSync never writes them.
    public static readonly string[] MediaLabels = ["umbracoWidth", "umbracoHeight", "umbracoBytes", "umbracoExtension", "imageFormat", "captureDate", "camera", "copyrightNotice", "creator"];

    public static Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>> From(ContentType? type, SchemaSnapshot schema, ContentData data, bool isMedia)
    {
        var variant = type?.VariesByCulture == true && data.Names.Keys.Any(k => k.Length > 0);
        var available = data.Names.Keys.Where(k => k.Length > 0).OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToList();
        var values = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        foreach (var property in type is null ? [] : schema.PropertiesOf(type))
        {
            if (isMedia && MediaLabels.Contains(property.Alias))
                continue;
            values[property.Alias] = variant && property.Variations.VariesByCulture()
                ? available.Select(c => KeyValuePair.Create(c, data.GetValue(property.Alias, c) ?? "")).ToList()
                : [KeyValuePair.Create("", data.GetValue(property.Alias) ?? "")];
        }
        // Values of properties the type no longer has are kept, so nothing is lost on the way out.
        foreach (var (alias, byCulture) in data.Values.Where(v => !values.ContainsKey(v.Key) && !(isMedia && MediaLabels.Contains(v.Key))))
            values[alias] = byCulture.Select(c => KeyValuePair.Create(c.Key, c.Value)).ToList();
        return values;
    }
}
