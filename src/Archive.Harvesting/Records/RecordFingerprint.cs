using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Archive.Delivery.Cache;
using Archive.Engine.Publishing;
using Archive.Harvesting.DublinCore;
using Archive.Harvesting.Lido;

namespace Archive.Harvesting.Records;

/// What a harvested item looks like to other systems, reduced to a hash: an artefact's LIDO and Dublin Core records,
/// a collection's or institution's names and members. A change that leaves it the same (a private field, a draft, a
/// sibling's sort order) does not move its datestamp, so harvesters fetch only what really changed.
public static class RecordFingerprint
{
    /// The content types other systems follow, and what each is to IIIF.
    public static string? ObjectTypeOf(string contentTypeAlias) => contentTypeAlias switch
    {
        ArchiveAliases.Artefact => "Manifest",
        ArchiveAliases.Collection or ArchiveAliases.Institution => "Collection",
        _ => null,
    };

    public static string Of(PublishedCache cache, PublishedNode node) =>
        node.ContentTypeAlias == ArchiveAliases.Artefact ? OfObject(cache, node) : OfCollection(cache, node);

    private static string OfObject(PublishedCache cache, PublishedNode node)
    {
        var record = ObjectRecord.Read(cache, node);
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartElement("record");
            LidoWriter.Write(w, record, RecordLinks.Neutral, "", declareSchema: false);
            DublinCoreWriter.Write(w, record, RecordLinks.Neutral);
            w.WriteEndElement();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static string OfCollection(PublishedCache cache, PublishedNode node)
    {
        var text = new StringBuilder();
        foreach (var (culture, name) in node.Cultures.OrderBy(c => c.Key, StringComparer.Ordinal))
            text.Append(culture).Append('=').Append(name.Name).Append('\n');
        foreach (var member in Members(cache, node))
            text.Append(member.Key).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// A IIIF collection's members: the public collections and artefacts directly beneath it, in the tree's order.
    public static IEnumerable<PublishedNode> Members(PublishedCache cache, PublishedNode node) =>
        cache.ChildrenOf(node.Key).Where(c => !c.IsMedia && ObjectTypeOf(c.ContentTypeAlias) is not null && c.ContentTypeAlias != ArchiveAliases.Institution)
            .OrderBy(c => c.SortOrder);

    /// An artefact's OAI sets: its institution, and the collection within it (`institution-{key}:collection-{key}`).
    public static IReadOnlyList<string> SetsOf(PublishedCache cache, PublishedNode node)
    {
        if (node.ContentTypeAlias != ArchiveAliases.Artefact)
            return [];
        var ancestors = node.AncestorKeys.Select(cache.Find).OfType<PublishedNode>().ToList();
        if (ancestors.LastOrDefault(a => a.ContentTypeAlias == ArchiveAliases.Institution) is not { } institution)
            return [];
        var sets = new List<string> { OaiSet(institution.Key) };
        if (ancestors.LastOrDefault(a => a.ContentTypeAlias == ArchiveAliases.Collection) is { } collection)
            sets.Add(OaiSet(institution.Key, collection.Key));
        return sets;
    }

    public static string OaiSet(Guid institution) => $"institution-{institution:D}";

    public static string OaiSet(Guid institution, Guid collection) => $"institution-{institution:D}:collection-{collection:D}";
}
