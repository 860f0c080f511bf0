using System.Text.Json.Nodes;

namespace Archive.Engine.Schema;

/// A configured property editor. The configuration is kept as Umbraco's property bag (a JSON object).
public sealed record DataType(Guid Key, string Name, string EditorAlias, string? EditorUiAlias, string? Folder, string ConfigJson)
{
    public JsonObject Config() =>
        string.IsNullOrWhiteSpace(ConfigJson) ? [] : JsonNode.Parse(ConfigJson) as JsonObject ?? [];
}
