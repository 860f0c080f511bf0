using System.Xml.Linq;

namespace Archive.Engine.USync;

/// Reads a uSync version folder (the one holding usync.config). Every file is parsed before anything
/// is returned, so a malformed file stops the whole read with its name and problem.
public static class USyncFolderReader
{
    public static USyncPackage Read(string folder)
    {
        if (!Directory.Exists(folder))
            throw new USyncFormatException(folder, "the uSync folder does not exist");
        var marker = Path.Combine(folder, "usync.config");
        var version = "17.0.0.0";
        var format = "10.7.0";
        if (File.Exists(marker))
        {
            var root = USyncXml.Load(marker);
            version = root.Attribute("version")?.Value ?? version;
            format = root.Attribute("format")?.Value ?? format;
        }
        var package = new USyncPackage { Version = version, Format = format };
        foreach (var path in Directory.EnumerateFiles(folder, "*.config", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(path) == Path.GetFullPath(marker))
                continue;
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            Add(package, relative, Load(path, relative), () => Load(path, relative));
        }
        return package;
    }

    private static XElement Load(string path, string relative)
    {
        using var stream = File.OpenRead(path);
        return USyncXml.Parse(stream, relative);
    }

    /// Adds one parsed file; reload gives the file's XML again when a node is needed later
    /// (without it the parsed node is kept).
    public static void Add(USyncPackage package, string file, XElement root, Func<XElement>? reload = null)
    {
        var hash = USyncEntry<XElement>.HashOf(root);
        switch (root.Name.LocalName)
        {
            case "Language":
                package.Languages.Add(new(file, LanguageSerializer.Read(root, file), hash));
                break;
            case "DataType":
                package.DataTypes.Add(new(file, DataTypeSerializer.Read(root, file), hash));
                break;
            case "ContentType" or "MediaType" or "MemberType":
                package.ContentTypes.Add(new(file, ContentTypeSerializer.Read(root, file), hash));
                break;
            case "Content" or "Media":
                // Blueprints share the Content root element; they are templates, not content.
                if (file.StartsWith("Blueprints/", StringComparison.OrdinalIgnoreCase))
                    package.Opaque.Add(new(file, root, hash));
                else
                {
                    var node = NodeSerializer.Read(root, file);
                    package.Nodes.Add(new USyncNodeEntry(file, node, hash, reload is null ? () => node : () => NodeSerializer.Read(reload(), file)));
                }
                break;
            case "Dictionary":
                package.Dictionary.Add(new(file, DictionarySerializer.Read(root, file), hash));
                break;
            case "Domain":
                package.Domains.Add(new(file, DomainSerializer.Read(root, file), hash));
                break;
            case "Empty":
                // Kept as a file too, so an export carries the marker on as uSync would.
                package.Removals.Add(new USyncRemoval(file, USyncXml.KeyOf(root, file), root.Attribute("Alias")?.Value ?? "",
                    root.Attribute("Change")?.Value ?? "Delete"));
                package.Opaque.Add(new(file, root, hash));
                break;
            case "Ledger":
                package.Ledgers.Add(new(file, LedgerSerializer.Read(root, file), hash));
                break;
            case "Template" or "RelationType" or "Webhook" or "Macro":
                USyncXml.KeyOf(root, file);
                package.Opaque.Add(new(file, root, hash));
                break;
            default:
                throw new USyncFormatException(file, $"<{root.Name.LocalName}> is not a uSync item this archive knows");
        }
    }
}
