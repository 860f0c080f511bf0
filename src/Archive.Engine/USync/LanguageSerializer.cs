using System.Xml.Linq;
using Archive.Engine.Cultures;

namespace Archive.Engine.USync;

public static class LanguageSerializer
{
    public static Language Read(XElement root, string file)
    {
        var iso = root.TextOrNull("IsoCode") ?? root.Attribute("Alias")?.Value
            ?? throw new USyncFormatException(file, "<Language> has no IsoCode");
        if (!CultureSet.IsWellFormedTag(iso))
            throw new USyncFormatException(file, $"'{iso}' is not a culture code");
        return new Language(iso, root.TextOrNull("Name") ?? iso, root.Bool("IsDefault"), root.Bool("IsMandatory"),
            root.TextOrNull("Fallback"), Guid.TryParse(root.Attribute("Key")?.Value, out var key) ? key : Guid.Empty);
    }

    public static XElement Write(Language language)
    {
        var root = new XElement("Language",
            new XAttribute("Key", language.Key),
            new XAttribute("Alias", language.IsoCode),
            new XAttribute("Level", 0),
            new XElement("Name", language.Name),
            new XElement("IsoCode", language.IsoCode),
            new XElement("IsMandatory", USyncXml.Lower(language.IsMandatory)),
            new XElement("IsDefault", USyncXml.Lower(language.IsDefault)));
        if (language.FallbackIsoCode is { Length: > 0 } fallback)
            root.Add(new XElement("Fallback", fallback));
        return root;
    }
}
