using System.Xml.Linq;
using Archive.Engine.Schema;

namespace Archive.Engine.USync;

/// ContentType, MediaType and MemberType files (v9–v17 shapes).
public static class ContentTypeSerializer
{
    public static ContentType Read(XElement root, string file)
    {
        var kind = root.Name.LocalName switch
        {
            "MediaType" => ContentTypeKind.Media,
            "MemberType" => ContentTypeKind.Member,
            _ => ContentTypeKind.Document,
        };
        var info = root.Element("Info") ?? throw new USyncFormatException(file, $"<{root.Name}> has no <Info>");
        var alias = root.Attribute("Alias")?.Value ?? throw new USyncFormatException(file, $"<{root.Name}> has no Alias");
        var childName = kind == ContentTypeKind.Media ? "MediaType" : "ContentType";
        return new ContentType
        {
            Key = USyncXml.KeyOf(root, file),
            Alias = alias,
            Kind = kind,
            Name = info.TextOrNull("Name") ?? alias,
            Icon = info.Text("Icon"),
            Thumbnail = info.Element("Thumbnail")?.Value,
            Description = info.Element("Description")?.Value,
            AllowAtRoot = info.Bool("AllowAtRoot"),
            ListView = Guid.TryParse(info.Element("ListView")?.Value, out var listView) && listView != Guid.Empty ? listView : null,
            Variations = Enum.TryParse<Variation>(info.Element("Variations")?.Value, out var variation) ? variation : Variation.Nothing,
            IsElement = info.Bool("IsElement"),
            HistoryCleanup = info.Element("HistoryCleanup") is { } cleanup
                ? new HistoryCleanup(cleanup.Bool("PreventCleanup"), cleanup.Text("KeepAllVersionsNewerThanDays"), cleanup.Text("KeepLatestVersionPerDayForDays"))
                : new HistoryCleanup(),
            Folder = info.Element("Folder")?.Value,
            Compositions = References(info.Element("Compositions"), "Composition", file),
            DefaultTemplate = info.TextOrNull("DefaultTemplate"),
            AllowedTemplates = References(info.Element("AllowedTemplates"), "Template", file),
            AllowedChildren = References(root.Element("Structure"), childName, file),
            Properties = (root.Element("GenericProperties")?.Elements("GenericProperty") ?? []).Select(p => ReadProperty(p, file)).ToList(),
            Groups = (root.Element("Tabs")?.Elements("Tab") ?? []).Select(t => new PropertyGroup(
                Guid.TryParse(t.Element("Key")?.Value, out var k) ? k : Guid.Empty,
                t.Text("Alias"), t.Text("Caption"), t.TextOrNull("Type") ?? "Group", t.Int("SortOrder"))).ToList(),
        };
    }

    private static List<ContentTypeReference> References(XElement? parent, string name, string file) =>
        (parent?.Elements(name) ?? []).Select(e => new ContentTypeReference(
            Guid.TryParse(e.Attribute("Key")?.Value, out var key) ? key : throw new USyncFormatException(file, $"<{name}> {e.Value} has no valid Key"),
            e.Value, int.TryParse(e.Attribute("SortOrder")?.Value, out var order) ? order : 0)).ToList();

    private static PropertyType ReadProperty(XElement p, string file)
    {
        var alias = p.TextOrNull("Alias") ?? throw new USyncFormatException(file, "a <GenericProperty> has no Alias");
        return new PropertyType(
            Guid.TryParse(p.Element("Key")?.Value, out var key) ? key : Guid.Empty,
            alias,
            p.TextOrNull("Name") ?? alias,
            Guid.TryParse(p.Element("Definition")?.Value, out var definition) ? definition : null,
            p.TextOrNull("Type") ?? throw new USyncFormatException(file, $"property '{alias}' has no Type (editor alias)"),
            p.Bool("Mandatory"),
            p.TextOrNull("Validation"),
            p.Element("Description")?.Value,
            p.Int("SortOrder"),
            p.Element("Tab")?.Attribute("Alias")?.Value,
            Enum.TryParse<Variation>(p.Element("Variations")?.Value, out var variation) ? variation : Variation.Nothing,
            p.TextOrNull("MandatoryMessage"),
            p.TextOrNull("ValidationRegExpMessage"),
            p.Bool("LabelOnTop"),
            p.Bool("IsSensitive"))
        {
            MemberCanEdit = p.Bool("CanEdit"),
            MemberCanView = p.Bool("CanView"),
        };
    }

    public static XElement Write(ContentType type)
    {
        var isMedia = type.Kind == ContentTypeKind.Media;
        var isMember = type.Kind == ContentTypeKind.Member;
        var isDocument = type.Kind == ContentTypeKind.Document;
        var info = new XElement("Info",
            new XElement("Name", type.Name),
            new XElement("Icon", type.Icon),
            new XElement("Thumbnail", type.Thumbnail ?? ""),
            new XElement("Description", type.Description ?? ""),
            new XElement("AllowAtRoot", USyncXml.Pascal(type.AllowAtRoot)),
            new XElement("ListView", type.ListView ?? Guid.Empty),
            new XElement("Variations", type.Variations),
            new XElement("IsElement", USyncXml.Lower(type.IsElement)));
        if (isDocument)
            info.Add(new XElement("HistoryCleanup",
                new XElement("PreventCleanup", USyncXml.Pascal(type.HistoryCleanup.PreventCleanup)),
                new XElement("KeepAllVersionsNewerThanDays", type.HistoryCleanup.KeepAllVersionsNewerThanDays),
                new XElement("KeepLatestVersionPerDayForDays", type.HistoryCleanup.KeepLatestVersionPerDayForDays)));
        if (type.Folder is not null)
            info.Add(new XElement("Folder", type.Folder));
        info.Add(new XElement("Compositions", type.Compositions.OrderBy(c => c.Alias, StringComparer.OrdinalIgnoreCase)
            .Select(c => new XElement("Composition", new XAttribute("Key", c.Key), c.Alias))));
        if (isDocument)
        {
            info.Add(new XElement("DefaultTemplate", type.DefaultTemplate ?? ""));
            info.Add(new XElement("AllowedTemplates", type.AllowedTemplates.OrderBy(t => t.Alias, StringComparer.OrdinalIgnoreCase)
                .Select(t => new XElement("Template", new XAttribute("Key", t.Key), t.Alias))));
        }
        var structure = new XElement("Structure", type.AllowedChildren.OrderBy(c => c.SortOrder)
            .Select(c => new XElement(isMedia ? "MediaType" : "ContentType", new XAttribute("Key", c.Key), new XAttribute("SortOrder", c.SortOrder), c.Alias)));
        var properties = new XElement("GenericProperties", type.Properties.OrderBy(p => p.Alias, StringComparer.Ordinal)
            .Select(p => WriteProperty(p, type)));
        var tabs = new XElement("Tabs", type.Groups.Select(g => new XElement("Tab",
                new XElement("Key", g.Key),
                new XElement("Caption", g.Caption),
                new XElement("Alias", g.Alias),
                new XElement("Type", g.Type),
                new XElement("SortOrder", g.SortOrder))));
        var rootName = type.Kind switch { ContentTypeKind.Media => "MediaType", ContentTypeKind.Member => "MemberType", _ => "ContentType" };
        var level = type.Folder is null ? 1 : type.Folder.Split('/').Length + 1;
        return isMedia || isMember
            ? new XElement(rootName, new XAttribute("Key", type.Key), new XAttribute("Alias", type.Alias), new XAttribute("Level", level), info, properties, structure, tabs)
            : new XElement(rootName, new XAttribute("Key", type.Key), new XAttribute("Alias", type.Alias), new XAttribute("Level", level), info, structure, properties, tabs);
    }

    private static XElement WriteProperty(PropertyType p, ContentType type)
    {
        var isDocument = type.Kind == ContentTypeKind.Document;
        var group = type.Groups.FirstOrDefault(g => g.Alias == p.GroupAlias);
        var element = new XElement("GenericProperty",
            new XElement("Key", p.Key),
            new XElement("Name", p.Name));
        element.Add(new XElement("Alias", p.Alias));
        if (p.DataTypeKey is { } definition)
            element.Add(new XElement("Definition", definition));
        element.Add(
            new XElement("Type", p.EditorAlias),
            new XElement("Mandatory", USyncXml.Lower(p.Mandatory)),
            new XElement("Validation", p.ValidationRegex ?? ""),
            USyncXml.Cdata("Description", p.Description),
            new XElement("SortOrder", p.SortOrder),
            new XElement("Tab", new XAttribute("Alias", p.GroupAlias ?? ""), group?.Caption ?? ""));
        if (!isDocument && type.Kind == ContentTypeKind.Media && p.Variations != Variation.Nothing)
            element.Add(new XElement("Variations", p.Variations));
        if (isDocument)
        {
            element.Add(new XElement("Variations", p.Variations));
            // Umbraco marks sensitive data with IsSensitive; on documents written only when true, after Variations.
            if (p.IsSensitive)
                element.Add(new XElement("IsSensitive", "true"));
        }
        else if (type.Kind == ContentTypeKind.Member)
        {
            element.Add(
                new XElement("CanEdit", USyncXml.Lower(p.MemberCanEdit)),
                new XElement("CanView", USyncXml.Lower(p.MemberCanView)),
                new XElement("IsSensitive", USyncXml.Lower(p.IsSensitive)));
        }
        element.Add(
            new XElement("MandatoryMessage", p.MandatoryMessage ?? ""),
            new XElement("ValidationRegExpMessage", p.ValidationRegexMessage ?? ""),
            new XElement("LabelOnTop", USyncXml.Lower(p.LabelOnTop)));
        return element;
    }
}
