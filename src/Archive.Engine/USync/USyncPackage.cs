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

/// A Content or Media item of a package: what ordering and reference checks need, with the item itself
/// loaded on demand, so a folder of 100,000 items is never held in memory whole.
public sealed class USyncNodeEntry(string file, USyncNode header, string sourceHash, Func<USyncNode> load)
{
    public string File { get; } = file;
    public Guid Key { get; } = header.Key;
    public bool IsMedia { get; } = header.IsMedia;
    public Guid ParentKey { get; } = header.ParentKey;
    public int Level { get; } = header.Level;
    public int SortOrder { get; } = header.SortOrder;
    public string ContentTypeAlias { get; } = header.ContentTypeAlias;
    // A million entries are held at once: the SHA-256 as its 32 bytes, not as 64 UTF-16 characters.
    private readonly object _hash = sourceHash.Length == 64 && sourceHash.All(char.IsAsciiHexDigitUpper) ? Convert.FromHexString(sourceHash) : sourceHash;

    public string SourceHash => _hash is byte[] bytes ? Convert.ToHexString(bytes) : (string)_hash;

    public USyncNode Load() => load();
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
