using System.Xml;
using Archive.Harvesting.DublinCore;
using Archive.Harvesting.Lido;
using Archive.Harvesting.Records;

namespace Archive.Harvesting.Oai;

/// A metadata format the repository disseminates every record in.
public sealed record MetadataFormat(string Prefix, string Schema, string Namespace, Action<XmlWriter, ObjectRecord, OaiContext> Write);

public static class MetadataFormats
{
    public static readonly IReadOnlyList<MetadataFormat> All =
    [
        new("oai_dc", DublinCoreWriter.OaiDcSchema, DublinCoreWriter.OaiDcNamespace, (w, record, c) => DublinCoreWriter.Write(w, record, c.Links)),
        // Each record's metadata holds one lido:lido, its source the repository's identifier namespace.
        new("lido", LidoWriter.Schema, LidoWriter.Namespace, (w, record, c) => LidoWriter.Write(w, record, c.Links, c.RepositoryIdentifier, declareSchema: true)),
    ];

    public static MetadataFormat? Find(string? prefix) => All.FirstOrDefault(f => f.Prefix == prefix);
}
