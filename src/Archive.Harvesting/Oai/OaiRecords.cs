using System.Xml;
using Archive.Data.Entities;
using Archive.Harvesting.Records;

namespace Archive.Harvesting.Oai;

/// A record's header and metadata as the protocol writes them. A record the published cache no longer holds is sent
/// as deleted whatever its row says (the row follows the cache within a moment): nothing withdrawn is ever sent.
public static class OaiRecords
{
    public static bool IsDeleted(HarvestRecordEntity row, OaiContext c) => row.Deleted || ObjectRecord.Read(c.Cache, row.Key) is null;

    public static void Header(XmlWriter w, HarvestRecordEntity row, OaiContext c)
    {
        w.WriteStartElement("header", OaiContext.OaiNamespace);
        if (IsDeleted(row, c))
            w.WriteAttributeString("status", "deleted");
        w.WriteElementString("identifier", OaiContext.OaiNamespace, c.IdentifierOf(row.Key));
        w.WriteElementString("datestamp", OaiContext.OaiNamespace, OaiContext.Format(row.Datestamp));
        foreach (var set in row.Sets.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            w.WriteElementString("setSpec", OaiContext.OaiNamespace, set);
        w.WriteEndElement();
    }

    public static void Record(XmlWriter w, HarvestRecordEntity row, MetadataFormat format, OaiContext c)
    {
        w.WriteStartElement("record", OaiContext.OaiNamespace);
        Header(w, row, c);
        if (!row.Deleted && ObjectRecord.Read(c.Cache, row.Key) is { } record)
        {
            w.WriteStartElement("metadata", OaiContext.OaiNamespace);
            format.Write(w, record, c);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
