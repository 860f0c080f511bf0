using System.Xml.Linq;

namespace Archive.Engine.USync;

public sealed record DictionaryItem(Guid Key, string ItemKey, Guid? ParentKey, IReadOnlyDictionary<string, string> Translations);

public sealed record DomainItem(Guid Key, string Name, bool IsWildcard, string Culture, Guid RootKey, string RootPath, int? SortOrder);

public static class DictionarySerializer
{
    public static DictionaryItem Read(XElement root, string file) => new(
        USyncXml.KeyOf(root, file),
        root.Attribute("Alias")?.Value ?? throw new USyncFormatException(file, "<Dictionary> has no Alias"),
        Guid.TryParse(root.Element("Info")?.Element("Parent")?.Attribute("Key")?.Value ?? root.Element("Info")?.Element("Parent")?.Value, out var parent) ? parent : null,
        (root.Element("Translations")?.Elements("Translation") ?? [])
            .ToDictionary(t => t.Attribute("Language")?.Value ?? "", t => t.Value, StringComparer.OrdinalIgnoreCase));

    public static XElement Write(DictionaryItem item, int level) => new("Dictionary",
        new XAttribute("Key", item.Key),
        new XAttribute("Alias", item.ItemKey),
        new XAttribute("Level", level),
        item.ParentKey is { } parent ? new XElement("Info", new XElement("Parent", parent)) : new XElement("Info"),
        new XElement("Translations", item.Translations.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase)
            .Select(t => new XElement("Translation", new XAttribute("Language", t.Key), t.Value))));
}

public static class DomainSerializer
{
    public static DomainItem Read(XElement root, string file)
    {
        var info = root.Element("Info") ?? throw new USyncFormatException(file, "<Domain> has no <Info>");
        var rootNode = info.Element("Root");
        return new DomainItem(
            USyncXml.KeyOf(root, file),
            root.Attribute("Alias")?.Value ?? throw new USyncFormatException(file, "<Domain> has no Alias"),
            info.Bool("IsWildcard"),
            info.TextOrNull("Language") ?? throw new USyncFormatException(file, "<Domain> has no Language"),
            Guid.TryParse(rootNode?.Attribute("Key")?.Value, out var key) ? key : Guid.Empty,
            rootNode?.Value ?? "",
            info.Element("SortOrder") is { } order && int.TryParse(order.Value, out var sort) ? sort : null);
    }

    public static XElement Write(DomainItem domain)
    {
        var info = new XElement("Info",
            new XElement("IsWildcard", USyncXml.Lower(domain.IsWildcard)),
            new XElement("Language", domain.Culture),
            new XElement("Root", new XAttribute("Key", domain.RootKey), domain.RootPath));
        if (domain.SortOrder is { } sort)
            info.Add(new XElement("SortOrder", sort));
        return new XElement("Domain", new XAttribute("Key", domain.Key), new XAttribute("Alias", domain.Name), info);
    }
}
