using System.Xml.Linq;
using Archive.Engine.USync;

namespace Archive.Data.USync;

/// Where schema changes made through the archive are written back as uSync files (uSync's export
/// on save), so the folder stays the schema's source and the next start-up import agrees with the
/// database. No folder: nothing is written.
public sealed record SchemaFilesOptions(string? Folder);

public sealed class SchemaFiles(SchemaFilesOptions options)
{
    public bool Enabled => options.Folder is not null;

    /// Writes an item's file, at the path it came from when known; returns that relative path.
    public string? Write(string? known, string handler, string baseName, XElement xml)
    {
        if (options.Folder is not { } folder)
            return known;
        var relative = known ?? $"{handler}/{baseName}.config";
        USyncXml.Save(xml, Inside(folder, relative));
        return relative;
    }

    /// Replaces an item's file with uSync's deletion marker, as uSync does, so other sites importing
    /// the folder learn of the deletion too.
    public void MarkDeleted(string? known, string handler, string baseName, Guid key, string alias)
    {
        if (options.Folder is not { } folder)
            return;
        var relative = known ?? $"{handler}/{baseName}.config";
        USyncXml.Save(new XElement("Empty", new XAttribute("Key", key), new XAttribute("Alias", alias), new XAttribute("Change", "Delete")), Inside(folder, relative));
    }

    private static string Inside(string folder, string relative)
    {
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, relative));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"The uSync file {relative} would be outside {root}.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
