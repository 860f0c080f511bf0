using System.Xml;
using Archive.Harvesting.Records;

namespace Archive.Harvesting.DublinCore;

/// One artefact as unqualified Dublin Core for OAI-PMH (`oai_dc:dc`): a title per culture with its `xml:lang`, makers
/// as creators, type, materials and peoples as subjects, descriptions, the institution as publisher, the dating as
/// written and as years, the dimensions as format, the accession number and the public identifier, the places of
/// origin as coverage, the IIIF manifest as a relation and the rights statement.
public static class DublinCoreWriter
{
    public const string OaiDcNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string OaiDcSchema = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    public const string DcNamespace = "http://purl.org/dc/elements/1.1/";
    private const string Xml = "http://www.w3.org/XML/1998/namespace";

    public static void Write(XmlWriter w, ObjectRecord record, RecordLinks links)
    {
        w.WriteStartElement("oai_dc", "dc", OaiDcNamespace);
        w.WriteAttributeString("xmlns", "dc", null, DcNamespace);
        w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", $"{OaiDcNamespace} {OaiDcSchema}");
        foreach (var culture in record.Cultures.Where(record.Titles.ContainsKey))
            Element(w, "title", record.Titles[culture], culture);
        foreach (var maker in record.Makers)
            Names(w, "creator", maker, record);
        foreach (var term in record.ObjectTypes.Concat(record.Materials).Concat(record.Peoples))
            Names(w, "subject", term, record);
        foreach (var (culture, text) in record.Descriptions)
            Element(w, "description", text, culture);
        if (record.Institution is { } institution)
            Names(w, "publisher", institution, record);
        if (record.Dating is { } dating)
        {
            Element(w, "date", dating.Text, null);
            Element(w, "date", dating.Earliest == dating.Latest ? $"{dating.Earliest}" : $"{dating.Earliest}/{dating.Latest}", null);
        }
        // DCMI Type vocabulary: a museum object is a physical object.
        Element(w, "type", "PhysicalObject", null);
        foreach (var (culture, text) in record.Dimensions)
            Element(w, "format", text, culture);
        if (record.AccessionNumber is { } number)
            Element(w, "identifier", number, null);
        Element(w, "identifier", links.Identifier(record.Key), null);
        foreach (var place in record.Places)
            Names(w, "coverage", place, record);
        Element(w, "relation", links.Manifest(record.Key), null);
        if (record.Rights is { } rights)
            Element(w, "rights", rights, null);
        w.WriteEndElement();
    }

    private static void Names(XmlWriter w, string element, Delivery.Cache.PublishedNode node, ObjectRecord record)
    {
        foreach (var culture in record.Cultures)
            if (node.CultureOf(culture)?.Name is { Length: > 0 } name)
                Element(w, element, name, culture);
    }

    private static void Element(XmlWriter w, string element, string text, string? culture)
    {
        w.WriteStartElement("dc", element, DcNamespace);
        if (!string.IsNullOrEmpty(culture))
            w.WriteAttributeString("xml", "lang", Xml, culture);
        w.WriteString(text);
        w.WriteEndElement();
    }
}
