using Archive.Engine.Schema;
using Archive.Engine.USync;

namespace Archive.Catalogues.Schema;

/// Writes the archive's schema as uSync files into a version folder.
public static class SchemaWriter
{
    public static void Write(string folder)
    {
        USyncXml.Save(new System.Xml.Linq.XElement("uSync", new System.Xml.Linq.XAttribute("version", "17.0.0.0"), new System.Xml.Linq.XAttribute("format", "10.7.0")),
            Path.Combine(folder, "usync.config"));
        foreach (var language in ArchiveSchema.Languages)
            USyncXml.Save(LanguageSerializer.Write(language), Path.Combine(folder, "Languages", language.IsoCode + ".config"));
        foreach (var dataType in ArchiveSchema.DataTypes)
            USyncXml.Save(DataTypeSerializer.Write(dataType), Path.Combine(folder, "DataTypes", USyncFileNames.ForDataType(dataType.Name) + ".config"));
        foreach (var type in ArchiveTypes.All)
        {
            var handler = type.Kind == ContentTypeKind.Media ? "MediaTypes" : "ContentTypes";
            USyncXml.Save(ContentTypeSerializer.Write(type), Path.Combine(folder, handler, USyncFileNames.ForAlias(type.Alias) + ".config"));
        }
        foreach (var item in ArchiveTypes.Names)
            USyncXml.Save(DictionarySerializer.Write(item, 0), Path.Combine(folder, "Dictionary", item.ItemKey.ToLowerInvariant() + ".config"));
    }
}
