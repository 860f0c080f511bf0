using System.Xml.Linq;
using Archive.Engine.Cultures;
using Archive.Engine.Schema;

namespace Archive.Engine.USync;

/// One item read from a uSync folder: where it came from, what it says, and a hash of its XML as read
/// (an unchanged file is skipped on the next import).
public sealed record USyncEntry<T>(string File, T Item, string SourceHash)
{
    public static string HashOf(System.Xml.Linq.XElement root) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root.ToString(System.Xml.Linq.SaveOptions.DisableFormatting))));
}

/// Where a package's node entries are read again when the importer asks for them (a folder on disk, a spill file): one
/// source for all of a package's entries, so an entry carries a position rather than a closure of its own.
public interface IUSyncNodeSource
{
    USyncNode Load(string file, long position);
}

/// A Content or Media item of a package: what ordering and reference checks need, with the item itself
/// loaded on demand, so a folder of 100,000 items is never held in memory whole.
public sealed class USyncNodeEntry
{
    // A million entries are held at once: the SHA-256 inline as its 32 bytes, not as 64 UTF-16 characters or an array.
    private readonly UInt128 _hashHigh, _hashLow;
    private readonly string? _otherHash;
    private readonly object _source;
    private readonly long _position;

    /// An entry read again from its source when it is loaded.
    public USyncNodeEntry(string file, USyncNode header, string sourceHash, IUSyncNodeSource source, long position)
        : this(file, header, sourceHash, (object)source, position)
    {
    }

    /// An entry that keeps its node (a node built in memory, or a package small enough to keep).
    public USyncNodeEntry(string file, USyncNode node, string sourceHash)
        : this(file, node, sourceHash, node, 0)
    {
    }

    private USyncNodeEntry(string file, USyncNode header, string sourceHash, object source, long position)
    {
        File = file;
        Key = header.Key;
        IsMedia = header.IsMedia;
        ParentKey = header.ParentKey;
        Level = header.Level;
        SortOrder = header.SortOrder;
        // A handful of types among a million entries: one string each.
        ContentTypeAlias = string.Intern(header.ContentTypeAlias);
        if (sourceHash.Length == 64 && sourceHash.All(char.IsAsciiHexDigitUpper))
        {
            var bytes = Convert.FromHexString(sourceHash);
            _hashHigh = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
            _hashLow = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes.AsSpan(16));
        }
        else
            _otherHash = sourceHash;
        _source = source;
        _position = position;
    }

    public string File { get; }
    public Guid Key { get; }
    public bool IsMedia { get; }
    public Guid ParentKey { get; }
    public int Level { get; }
    public int SortOrder { get; }
    public string ContentTypeAlias { get; }

    public string SourceHash => _otherHash ?? _hashHigh.ToString("X32") + _hashLow.ToString("X32");

    public USyncNode Load() => _source is USyncNode node ? node : ((IUSyncNodeSource)_source).Load(File, _position);
}

/// A deletion or rename marker uSync leaves behind: <Empty Key Alias Change="Delete"/>.
public sealed record USyncRemoval(string File, Guid Key, string Alias, string Change);

/// Everything in one uSync version folder, parsed but not yet checked against a database.
public sealed class USyncPackage
{
    public string Version { get; init; } = "17.0.0.0";
    public string Format { get; init; } = "10.7.0";
    public List<USyncEntry<Language>> Languages { get; } = [];
    public List<USyncEntry<DataType>> DataTypes { get; } = [];
    public List<USyncEntry<ContentType>> ContentTypes { get; } = [];
    public List<USyncNodeEntry> Nodes { get; } = [];
    public List<USyncEntry<DictionaryItem>> Dictionary { get; } = [];
    public List<USyncEntry<DomainItem>> Domains { get; } = [];
    /// Items the archive keeps but does not interpret (templates, relation types, webhooks, …).
    public List<USyncEntry<XElement>> Opaque { get; } = [];
    public List<USyncRemoval> Removals { get; } = [];
    /// Movement ledgers (Archive's own Ledger/ handler), one per object or crate.
    public List<USyncEntry<LedgerFile>> Ledgers { get; } = [];

    public IEnumerable<USyncNodeEntry> Content => Nodes.Where(n => !n.IsMedia);

    public IEnumerable<USyncNodeEntry> Media => Nodes.Where(n => n.IsMedia);
}
