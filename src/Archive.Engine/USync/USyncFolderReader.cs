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
        var source = new FolderSource(folder);
        foreach (var path in Directory.EnumerateFiles(folder, "*.config", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(path) == Path.GetFullPath(marker))
                continue;
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            Add(package, relative, Load(path, relative), source);
        }
        return package;
    }

    private static XElement Load(string path, string relative)
    {
        using var stream = File.OpenRead(path);
        return USyncXml.Parse(stream, relative);
    }

    /// Adds one parsed file; a node is read again from the source when it is needed later (without one the parsed node
    /// is kept).
    public static void Add(USyncPackage package, string file, XElement root, IUSyncNodeSource? source = null)
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
                    package.Nodes.Add(source is null ? new USyncNodeEntry(file, node, hash) : new USyncNodeEntry(file, node, hash, source, 0));
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

    /// The folder's files, read again by their path within it.
    private sealed class FolderSource(string folder) : IUSyncNodeSource
    {
        public USyncNode Load(string file, long position) => NodeSerializer.Read(USyncFolderReader.Load(Path.Combine(folder, file), file), file);
    }
}
