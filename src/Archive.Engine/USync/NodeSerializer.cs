using System.Globalization;
using System.Xml.Linq;

namespace Archive.Engine.USync;

/// Content and Media files.
public static class NodeSerializer
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static USyncNode Read(XElement root, string file)
    {
        var isMedia = root.Name.LocalName == "Media";
        var info = root.Element("Info") ?? throw new USyncFormatException(file, $"<{root.Name}> has no <Info>");
        var parent = info.Element("Parent");
        var nodeName = info.Element("NodeName");
        var published = info.Element("Published");
        var template = info.Element("Template");
        var values = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        foreach (var property in root.Element("Properties")?.Elements() ?? [])
        {
            values[property.Name.LocalName] = property.Elements("Value")
                .Select(v => KeyValuePair.Create(v.Attribute("Culture")?.Value ?? "", v.Value))
                .ToList();
        }
        var contentType = info.TextOrNull("ContentType") ?? throw new USyncFormatException(file, $"<{root.Name}> has no ContentType");
        return new USyncNode
        {
            Key = USyncXml.KeyOf(root, file),
            IsMedia = isMedia,
            Name = nodeName?.Attribute("Default")?.Value ?? root.Attribute("Alias")?.Value ?? "",
            ContentTypeAlias = contentType,
            ParentKey = Guid.TryParse(parent?.Attribute("Key")?.Value, out var parentKey) ? parentKey : Guid.Empty,
            ParentName = parent?.Value ?? "",
            Path = info.Text("Path"),
            Level = int.TryParse(root.Attribute("Level")?.Value, out var level) ? level : 1,
            SortOrder = info.Int("SortOrder"),
            Trashed = info.Bool("Trashed"),
            CreateDate = DateTime.TryParse(info.Element("CreateDate")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created) ? created : DateTime.UnixEpoch,
            CultureNames = (nodeName?.Elements("Name") ?? []).ToDictionary(n => n.Attribute("Culture")?.Value ?? "", n => n.Value, StringComparer.OrdinalIgnoreCase),
            PublishedDefault = bool.TryParse(published?.Attribute("Default")?.Value, out var p) && p,
            PublishedCultures = (published?.Elements("Published") ?? []).ToDictionary(n => n.Attribute("Culture")?.Value ?? "", n => bool.TryParse(n.Value, out var b) && b, StringComparer.OrdinalIgnoreCase),
            Schedule = (info.Element("Schedule")?.Elements("ContentSchedule") ?? []).Select(s => new ScheduleEntry(
                s.TextOrNull("Culture"), s.Text("Action"),
                DateTime.TryParse(s.Text("Date"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : DateTime.MinValue)).ToList(),
            TemplateKey = Guid.TryParse(template?.Attribute("Key")?.Value, out var templateKey) ? templateKey : null,
            TemplateAlias = template is { Value.Length: > 0 } ? template.Value : null,
            Values = values,
        };
    }

    public static XElement Write(USyncNode node)
    {
        var info = new XElement("Info",
            new XElement("Parent", new XAttribute("Key", node.ParentKey), node.ParentName),
            new XElement("Path", node.Path),
            new XElement("Trashed", USyncXml.Lower(node.Trashed)),
            new XElement("ContentType", node.ContentTypeAlias),
            new XElement("CreateDate", node.CreateDate.ToString(DateFormat, CultureInfo.InvariantCulture)),
            new XElement("NodeName", new XAttribute("Default", node.Name),
                node.CultureNames.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(c => new XElement("Name", new XAttribute("Culture", c.Key), c.Value))),
            new XElement("SortOrder", node.SortOrder));
        if (!node.IsMedia)
        {
            info.Add(
                new XElement("Published", new XAttribute("Default", USyncXml.Lower(node.PublishedDefault)),
                    node.PublishedCultures.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
                        .Select(c => new XElement("Published", new XAttribute("Culture", c.Key), USyncXml.Lower(c.Value)))),
                new XElement("Schedule", node.Schedule.Select(s => new XElement("ContentSchedule",
                    new XElement("Culture", s.Culture ?? ""),
                    new XElement("Action", s.Action),
                    new XElement("Date", s.Date.ToString(DateFormat, CultureInfo.InvariantCulture))))),
                node.TemplateKey is { } templateKey
                    ? new XElement("Template", new XAttribute("Key", templateKey), node.TemplateAlias ?? "")
                    : new XElement("Template"));
        }
        var properties = new XElement("Properties", node.Values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase)
            .Select(v => new XElement(v.Key, v.Value
                .OrderBy(c => c.Key.Length == 0 ? 0 : 1).ThenBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
                .Select(c => c.Key.Length == 0
                    ? new XElement("Value", new XCData(c.Value))
                    : new XElement("Value", new XAttribute("Culture", c.Key), new XCData(c.Value))))));
        return new XElement(node.IsMedia ? "Media" : "Content",
            new XAttribute("Key", node.Key),
            new XAttribute("Alias", node.Name),
            new XAttribute("Level", node.Level),
            info,
            properties);
    }
}
