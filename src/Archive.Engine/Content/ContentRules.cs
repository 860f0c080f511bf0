using System.Text.Json.Nodes;
using Archive.Engine.Editors;
using Archive.Engine.Schema;

namespace Archive.Engine.Content;

/// The guards that run before any state changes: what may be saved, published or placed where.
public static class ContentRules
{
    /// Umbraco's alias for a media item's file.
    public const string MediaFileAlias = "umbracoFile";

    /// Applies an edit to the draft: names and values are checked against the type, each problem
    /// reported with its path and culture. The draft is only changed when there are no problems.
    public static List<ContentProblem> ApplyEdit(ContentData draft, ContentType type, ContentEdit edit, SchemaSnapshot schema, PropertyEditors editors)
    {
        var problems = new List<ContentProblem>();
        var working = draft.Clone();
        var cultures = schema.Cultures;

        foreach (var (rawCulture, name) in edit.Names)
        {
            var culture = NormalizeCulture(rawCulture, type.VariesByCulture, cultures, $"$.names[{rawCulture}]", problems);
            if (culture is null)
                continue;
            var trimmed = name?.Trim() ?? "";
            if (trimmed.Length == 0)
                problems.Add(new ContentProblem($"$.names", culture.Length == 0 ? null : culture, "A name is required."));
            else if (trimmed.Length > 255)
                problems.Add(new ContentProblem($"$.names", culture.Length == 0 ? null : culture, "A name may have at most 255 characters."));
            else
                working.Names[culture] = trimmed;
        }

        for (var i = 0; i < edit.Values.Count; i++)
        {
            var value = edit.Values[i];
            var path = $"$.values[{i}]";
            var property = schema.FindProperty(type, value.Alias);
            // Where a media item's file is comes from the media library alone (an upload or an import): an edit
            // naming a path could point an item at another item's file, a withheld one or the archive's own.
            if (type.Kind == ContentTypeKind.Media && string.Equals(value.Alias, MediaFileAlias, StringComparison.OrdinalIgnoreCase) && !edit.StoresFile)
            {
                // The curator does set an image's crops and focal point: the cropper's value comes back whole, and
                // is taken when it names the file the item has.
                if (SameFileCropped(working.GetValue(MediaFileAlias), value.Value, property) is not { } cropped)
                {
                    problems.Add(new ContentProblem(path, value.Culture, "A media item's file comes from an upload, never from an edit."));
                    continue;
                }
                value = value with { Value = cropped };
            }
            if (property is null)
            {
                problems.Add(new ContentProblem($"{path}.alias", value.Culture, $"'{value.Alias}' is not a property of '{type.Alias}'."));
                continue;
            }
            // A media item's labels (size, dimensions, format) are what the library read from its file; the back
            // office sends them back with every save, and they stay as the file has them.
            if (type.Kind == ContentTypeKind.Media && property.EditorAlias == "Umbraco.Label" && !edit.StoresFile)
                continue;
            var culture = NormalizeCulture(value.Culture, property.Variations.VariesByCulture(), cultures, $"{path}.culture", problems);
            if (culture is null)
                continue;
            // Mandatory is a publishing rule: a draft may be incomplete, but what it holds must be valid.
            var (stored, errors) = editors.Validate(property with { Mandatory = false }, value.Value, schema);
            foreach (var error in errors)
                problems.Add(new ContentProblem(JoinPath($"{path}.value", error.Path), culture.Length == 0 ? null : culture, error.Message));
            if (errors.Count == 0)
                working.SetValue(property.Alias, culture, PropertyEditors.IsEmpty(stored) ? null : stored);
        }

        if (working.Names.Count == 0)
            problems.Add(new ContentProblem("$.names", null, "A name is required."));

        if (problems.Count == 0)
            CopyInto(working, draft);
        return problems;
    }

    /// The stored image with the crops and focal point of an edit that names the same file; null for any other change.
    private static JsonNode? SameFileCropped(string? stored, JsonNode? sent, PropertyType? property)
    {
        if (property?.EditorAlias != "Umbraco.ImageCropper" || sent is not JsonObject cropper || MediaFile.PathOf(stored) is not { } file
            || cropper["src"] is not JsonValue src || !src.TryGetValue<string>(out var named) || MediaFile.PathOf(named) != file)
            return null;
        return new JsonObject
        {
            ["src"] = JsonNode.Parse(stored!)?["src"]?.DeepClone(),
            ["crops"] = cropper["crops"]?.DeepClone() ?? new JsonArray(),
            ["focalPoint"] = cropper["focalPoint"]?.DeepClone(),
        };
    }

    /// Publishing a culture needs its name and every mandatory value (variant ones in that culture,
    /// invariant ones once), and a valid regex match where one is set.
    public static List<ContentProblem> CanPublish(ContentData draft, ContentType type, IReadOnlyCollection<string> cultures, SchemaSnapshot schema, PropertyEditors editors)
    {
        var problems = new List<ContentProblem>();
        foreach (var culture in cultures)
        {
            var label = culture.Length == 0 ? null : culture;
            if (!draft.Names.ContainsKey(culture))
                problems.Add(new ContentProblem("$.names", label, "The item has no name in this culture."));
        }
        foreach (var property in schema.PropertiesOf(type))
        {
            var targets = property.Variations.VariesByCulture() ? cultures.Where(c => c.Length > 0) : [ContentData.Invariant];
            foreach (var culture in targets)
            {
                var stored = draft.GetValue(property.Alias, culture);
                if (property.Mandatory && PropertyEditors.IsEmpty(stored))
                    problems.Add(new ContentProblem($"$.values[{property.Alias}]", culture.Length == 0 ? null : culture,
                        string.IsNullOrWhiteSpace(property.MandatoryMessage) ? $"'{property.Name}' is mandatory." : property.MandatoryMessage));
            }
        }
        return problems;
    }

    /// Whether a node of type child may sit under parent (null parent: at the root).
    public static ContentProblem? CanPlace(ContentType child, ContentType? parent, SchemaSnapshot schema)
    {
        if (child.IsElement)
            return new ContentProblem("$.documentType", null, $"'{child.Alias}' is an element type; it can only be used inside blocks.");
        if (parent is null)
            return child.AllowAtRoot ? null : new ContentProblem("$.parent", null, $"'{child.Alias}' is not allowed at the root.");
        return schema.IsAllowedChild(parent, child)
            ? null
            : new ContentProblem("$.parent", null, $"'{child.Alias}' is not allowed under '{parent.Alias}'.");
    }

    private static string? NormalizeCulture(string? requested, bool variesByCulture, Cultures.CultureSet cultures, string path, List<ContentProblem> problems)
    {
        var empty = string.IsNullOrEmpty(requested);
        if (!variesByCulture)
        {
            if (!empty)
                problems.Add(new ContentProblem(path, requested, "This value does not vary by culture; send it without a culture."));
            return empty ? ContentData.Invariant : null;
        }
        if (empty)
        {
            problems.Add(new ContentProblem(path, null, "This value varies by culture; a culture is required."));
            return null;
        }
        var resolved = cultures.Resolve(requested);
        if (resolved is null)
            problems.Add(new ContentProblem(path, requested, $"'{requested}' is not one of the archive's cultures ({string.Join(", ", cultures.Languages.Select(l => l.IsoCode))})."));
        return resolved;
    }

    private static string JoinPath(string basePath, string relative) =>
        relative.Length == 0 ? basePath : relative.StartsWith('[') ? basePath + relative : $"{basePath}.{relative}";

    private static void CopyInto(ContentData source, ContentData target)
    {
        target.Names.Clear();
        foreach (var (k, v) in source.Names) target.Names[k] = v;
        target.Values.Clear();
        foreach (var (alias, byCulture) in source.Values)
            foreach (var (culture, value) in byCulture)
                target.SetValue(alias, culture, value);
    }
}
