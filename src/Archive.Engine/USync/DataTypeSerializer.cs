using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Archive.Engine.Schema;

namespace Archive.Engine.USync;

public static class DataTypeSerializer
{
    public static DataType Read(XElement root, string file)
    {
        var info = root.Element("Info") ?? throw new USyncFormatException(file, "<DataType> has no <Info>");
        var editor = info.TextOrNull("EditorAlias") ?? throw new USyncFormatException(file, "<DataType> has no EditorAlias");
        var config = root.Element("Config")?.Value ?? "{}";
        try
        {
            config = CanonicalConfig(config);
        }
        catch (JsonException ex)
        {
            throw new USyncFormatException(file, $"the data type's Config is not JSON: {ex.Message}");
        }
        return new DataType(USyncXml.KeyOf(root, file), info.TextOrNull("Name") ?? root.Attribute("Alias")?.Value ?? "",
            editor, info.TextOrNull("EditorUIAlias"), info.TextOrNull("Folder"), config);
    }

    public static XElement Write(DataType dataType)
    {
        var info = new XElement("Info",
            new XElement("Name", dataType.Name),
            new XElement("EditorAlias", dataType.EditorAlias));
        if (dataType.EditorUiAlias is not null)
            info.Add(new XElement("EditorUIAlias", dataType.EditorUiAlias));
        if (dataType.Folder is not null)
            info.Add(new XElement("Folder", dataType.Folder));
        return new XElement("DataType",
            new XAttribute("Key", dataType.Key),
            new XAttribute("Alias", dataType.Name),
            new XAttribute("Level", dataType.Folder is null ? 1 : dataType.Folder.Split('/').Length + 1),
            info,
            USyncXml.Cdata("Config", CanonicalConfig(dataType.ConfigJson)));
    }

    /// Top-level keys sorted, two-space indentation, System.Text.Json's default (escaping) encoder:
    /// as uSync writes it (nested objects keep their order).
    public static string CanonicalConfig(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return "{}";
        if (JsonNode.Parse(json) is not JsonObject config)
            return json;
        var sorted = new JsonObject(config.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        return sorted.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
