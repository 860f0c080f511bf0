using System.IO.Compression;

namespace Archive.Spreadsheets.Importing;

/// The images a spreadsheet names by file name, from a folder or a ZIP uploaded beside it. Files are found by their
/// name alone (case aside): a path inside the ZIP is never used to write anything, so `../` in an entry is harmless, and
/// an entry that unpacks too far beyond its size (a ZIP bomb) is refused when it is opened.
public sealed class MediaSource : IDisposable
{
    private readonly ZipArchive? _zip;
    private readonly Dictionary<string, string> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly long _maxBytes;

    public MediaSource(string path, long maxBytes)
    {
        _maxBytes = maxBytes;
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                _files.TryAdd(Path.GetFileName(file), file);
            return;
        }
        try
        {
            _zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new Reading.SheetRefusedException("The media archive is not a ZIP file that can be read.");
        }
        foreach (var entry in _zip.Entries.Where(e => e.Name.Length > 0))
            _entries.TryAdd(entry.Name, entry);
    }

    public bool Has(string fileName) => _files.ContainsKey(fileName) || _entries.ContainsKey(fileName);

    /// The file's bytes, or why it cannot be read.
    public (Stream? Stream, string? Problem) Open(string fileName)
    {
        if (_files.TryGetValue(fileName, out var file))
            return (File.OpenRead(file), null);
        if (!_entries.TryGetValue(fileName, out var entry))
            return (null, $"'{fileName}' is not among the media files given.");
        if (entry.Length > _maxBytes)
            return (null, $"'{fileName}' unpacks to {entry.Length:N0} bytes, more than the {_maxBytes:N0} an upload may have.");
        if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > 1000)
            return (null, $"'{fileName}' unpacks {entry.Length / entry.CompressedLength}-fold: a ZIP bomb is refused.");
        return (entry.Open(), null);
    }

    public void Dispose() => _zip?.Dispose();
}
