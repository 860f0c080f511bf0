using System.Xml.Linq;
using Archive.Engine.Cultures;
using Archive.Engine.Schema;

namespace Archive.Engine.USync;

/// One item read from a uSync folder: where it came from, what it says, and its XML as read.
public sealed record USyncEntry<T>(string File, T Item, string SourceXml);

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
    public List<USyncEntry<USyncNode>> Nodes { get; } = [];
    public List<USyncEntry<DictionaryItem>> Dictionary { get; } = [];
    public List<USyncEntry<DomainItem>> Domains { get; } = [];
    /// Items the archive keeps but does not interpret (templates, relation types, webhooks, …).
    public List<USyncEntry<XElement>> Opaque { get; } = [];
    public List<USyncRemoval> Removals { get; } = [];

    public IEnumerable<USyncEntry<USyncNode>> Content => Nodes.Where(n => !n.Item.IsMedia);

    public IEnumerable<USyncEntry<USyncNode>> Media => Nodes.Where(n => n.Item.IsMedia);
}
