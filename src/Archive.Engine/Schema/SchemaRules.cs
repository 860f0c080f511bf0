using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Archive.Engine.Content;
using Archive.Engine.Editors;

namespace Archive.Engine.Schema;

/// What a document, media or data type must be before it is saved, judged against the rest of the
/// schema: well-formed unique aliases, known data types and editors, containers and compositions that
/// exist, no composition cycles and no property alias twice. Problems carry the JSON path of the
/// request field (properties and containers in the order they were sent).
public static partial class SchemaRules
{
    public static IReadOnlyList<ContentProblem> CheckContentType(SchemaSnapshot schema, ContentType proposed)
    {
        var problems = new List<ContentProblem>();
        void Add(string path, string message) => problems.Add(new ContentProblem(path, null, message));
        var noun = proposed.Kind == ContentTypeKind.Media ? "media type" : "document type";
        var relation = proposed.Kind == ContentTypeKind.Media ? "allowedMediaTypes" : "allowedDocumentTypes";

        if (!AliasPattern().IsMatch(proposed.Alias))
            Add("$.alias", "An alias starts with a letter and has only letters, digits and '_' (at most 255 characters).");
        else if (schema.ContentTypes.FirstOrDefault(t => t.Key != proposed.Key && t.Kind == proposed.Kind && t.Alias.Equals(proposed.Alias, StringComparison.OrdinalIgnoreCase)) is { } taken)
            Add("$.alias", $"The alias '{proposed.Alias}' is taken by {taken.Name}.");
        if (string.IsNullOrWhiteSpace(proposed.Name))
            Add("$.name", "A name is required.");

        var groups = proposed.Groups.Select(g => g.Alias).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < proposed.Groups.Count; i++)
        {
            var group = proposed.Groups[i];
            if (string.IsNullOrWhiteSpace(group.Caption))
                Add($"$.containers[{i}].name", "A container needs a name.");
            if (group.Type is not ("Group" or "Tab"))
                Add($"$.containers[{i}].type", "A container's type is Group or Tab.");
        }

        var composed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < proposed.Compositions.Count; i++)
        {
            var reference = proposed.Compositions[i];
            if (schema.FindType(reference.Key) is not { } composition || composition.Kind != proposed.Kind)
                Add($"$.compositions[{i}]", $"No {noun} with id {reference.Key} to compose.");
            else if (composition.Key == proposed.Key || ComposesFrom(schema, composition, proposed.Key, []))
                Add($"$.compositions[{i}]", $"Composing {composition.Alias} would make {proposed.Alias} part of itself.");
            else
                foreach (var property in schema.PropertiesOf(composition))
                    composed.TryAdd(property.Alias, composition.Alias);
        }
        for (var i = 0; i < proposed.AllowedChildren.Count; i++)
            if (schema.FindType(proposed.AllowedChildren[i].Key) is not { } child || child.Kind != proposed.Kind)
                if (proposed.AllowedChildren[i].Key != proposed.Key)
                    Add($"$.{relation}[{i}]", $"No {noun} with id {proposed.AllowedChildren[i].Key}.");

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < proposed.Properties.Count; i++)
        {
            var property = proposed.Properties[i];
            var path = $"$.properties[{i}]";
            if (!AliasPattern().IsMatch(property.Alias))
                Add($"{path}.alias", "A property alias starts with a letter and has only letters, digits and '_'.");
            else if (!seen.Add(property.Alias))
                Add($"{path}.alias", $"The alias '{property.Alias}' is used twice.");
            else if (composed.TryGetValue(property.Alias, out var from))
                Add($"{path}.alias", $"The alias '{property.Alias}' comes already from the composition {from}.");
            if (string.IsNullOrWhiteSpace(property.Name))
                Add($"{path}.name", "A name is required.");
            if (property.DataTypeKey is not { } dataType || schema.FindDataType(dataType) is null)
                Add($"{path}.dataType.id", $"No data type with id {property.DataTypeKey}.");
            if (property.GroupAlias is { } group && !groups.Contains(group))
                Add($"{path}.container.id", "The container is not among the type's containers.");
            if (property.Variations.VariesByCulture() && !proposed.VariesByCulture)
                Add($"{path}.variesByCulture", $"Only a {noun} that varies by culture can have properties that do.");
            if (property.ValidationRegex is { Length: > 0 } pattern && !IsRegex(pattern))
                Add($"{path}.validation.regEx", "The pattern is not a valid regular expression.");
        }
        return problems;
    }

    public static IReadOnlyList<ContentProblem> CheckDataType(DataType proposed, PropertyEditors editors)
    {
        var problems = new List<ContentProblem>();
        if (string.IsNullOrWhiteSpace(proposed.Name))
            problems.Add(new("$.name", null, "A name is required."));
        if (!editors.IsKnown(proposed.EditorAlias))
            problems.Add(new("$.editorAlias", null, $"'{proposed.EditorAlias}' is not a property editor this archive knows."));
        try
        {
            if (JsonNode.Parse(string.IsNullOrWhiteSpace(proposed.ConfigJson) ? "{}" : proposed.ConfigJson) is not JsonObject)
                problems.Add(new("$.values", null, "The configuration must be a set of alias/value pairs."));
        }
        catch (System.Text.Json.JsonException)
        {
            problems.Add(new("$.values", null, "The configuration is not valid JSON."));
        }
        return problems;
    }

    /// The types (the given one first) whose properties include the given type's, through compositions.
    public static IReadOnlyList<ContentType> ComposedBy(SchemaSnapshot schema, ContentType type) =>
        [type, .. schema.ContentTypes.Where(t => t.Key != type.Key && ComposesFrom(schema, t, type.Key, []))];

    private static bool ComposesFrom(SchemaSnapshot schema, ContentType type, Guid target, HashSet<Guid> seen)
    {
        if (!seen.Add(type.Key))
            return false;
        foreach (var composition in type.Compositions)
            if (composition.Key == target || schema.FindType(composition.Key) is { } next && ComposesFrom(schema, next, target, seen))
                return true;
        return false;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,254}$")]
    private static partial Regex AliasPattern();
}
