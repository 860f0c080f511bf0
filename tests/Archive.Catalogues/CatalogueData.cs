using System.Text.Json.Nodes;
using Archive.Catalogues.Demo;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Schema;

namespace Archive.Catalogues;

internal static class CatalogueData
{
    /// Names and values in their stored form, each value passed through its property editor, so a
    /// catalogue never holds a value the archive would refuse.
    public static ContentData Build(SchemaSnapshot schema, ContentType type, string id, Texts name, string[] cultures,
        IEnumerable<(string Alias, string? Culture, JsonNode? Value)> values)
    {
        var data = new ContentData();
        if (type.VariesByCulture)
            foreach (var culture in cultures)
                data.Names[culture] = name[culture];
        else
            data.Names[ContentData.Invariant] = name.Kk;
        foreach (var (alias, culture, value) in values)
        {
            var property = schema.FindProperty(type, alias) ?? throw new InvalidOperationException($"{type.Alias} has no property {alias}");
            var (stored, errors) = PropertyEditors.Default.Validate(property with { Mandatory = false }, value, schema);
            if (errors.Count > 0)
                throw new InvalidOperationException($"{id}.{alias}: {string.Join("; ", errors.Select(e => e.Message))}");
            data.SetValue(alias, culture ?? ContentData.Invariant, stored);
        }
        return data;
    }
}
