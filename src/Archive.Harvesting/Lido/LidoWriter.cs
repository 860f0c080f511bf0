using System.Globalization;
using System.Xml;
using Archive.Delivery.Cache;
using Archive.Harvesting.Records;

namespace Archive.Harvesting.Lido;

/// One artefact as a LIDO 1.1 record (`lido:lido`): object/work type and titles in every culture (each value with its
/// own `xml:lang`), inscriptions, repository and accession number, description, measurements, materials and
/// techniques from the vocabularies, the production event (makers, peoples, the dating as written and as a range, the
/// place from the gazetteer with its coordinates), rights and credit line, the record's source, and resources: the
/// IIIF manifest, each image's IIIF service and derivatives. Derived on request from the public record; never stored.
public static class LidoWriter
{
    public const string Namespace = "http://www.lido-schema.org";
    public const string Schema = "http://www.lido-schema.org/schema/v1.1/lido-v1.1.xsd";
    public const string GmlNamespace = "http://www.opengis.net/gml";
    private const string Xml = "http://www.w3.org/XML/1998/namespace";
    private const string Terminology = "http://terminology.lido-schema.org/";
    /// Identifier types of LIDO 1.1's terminology: a URI, a local identifier.
    private const string UriType = Terminology + "lido00099";
    private const string LocalType = Terminology + "lido00100";
    private const string ProductionEvent = Terminology + "lido00007";

    public static void Write(XmlWriter w, ObjectRecord record, RecordLinks links, string source, bool declareSchema)
    {
        var lang = record.Cultures.FirstOrDefault(c => record.Titles.ContainsKey(c)) ?? record.Cultures.FirstOrDefault() ?? "en";
        w.WriteStartElement("lido", "lido", Namespace);
        if (declareSchema)
            w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", $"{Namespace} {Schema}");
        Identifier(w, "lidoRecID", LocalType, record.Key.ToString(), source);
        Identifier(w, "objectPublishedID", UriType, links.Identifier(record.Key), null);
        w.WriteStartElement("category", Namespace);
        Identifier(w, "conceptID", UriType, "http://www.cidoc-crm.org/cidoc-crm/E22_Human-Made_Object", null);
        Term(w, "term", "en", "Human-Made Object");
        w.WriteEndElement();

        w.WriteStartElement("descriptiveMetadata", Namespace);
        w.WriteAttributeString("xml", "lang", Xml, lang);
        Classification(w, record, links);
        Identification(w, record, links);
        Production(w, record, links);
        w.WriteEndElement();

        w.WriteStartElement("administrativeMetadata", Namespace);
        w.WriteAttributeString("xml", "lang", Xml, lang);
        Rights(w, record, links);
        RecordWrap(w, record, links, lang);
        Resources(w, record, links);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Classification(XmlWriter w, ObjectRecord record, RecordLinks links)
    {
        w.WriteStartElement("objectClassificationWrap", Namespace);
        w.WriteStartElement("objectWorkTypeWrap", Namespace);
        if (record.ObjectTypes.Count == 0)
        {
            // The wrap needs one type: an object with none picked is a human-made object and no more.
            w.WriteStartElement("objectWorkType", Namespace);
            Term(w, "term", "en", "object");
            w.WriteEndElement();
        }
        foreach (var type in record.ObjectTypes)
            Concept(w, "objectWorkType", type, record.Cultures, links);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Identification(XmlWriter w, ObjectRecord record, RecordLinks links)
    {
        w.WriteStartElement("objectIdentificationWrap", Namespace);
        w.WriteStartElement("titleWrap", Namespace);
        w.WriteStartElement("titleSet", Namespace);
        foreach (var culture in record.Cultures.Where(record.Titles.ContainsKey))
            Text(w, "appellationValue", culture, record.Titles[culture], pref: "preferred");
        if (record.Titles.Count == 0)
            Text(w, "appellationValue", "und", record.AccessionNumber ?? record.Key.ToString(), pref: "preferred");
        w.WriteEndElement();
        w.WriteEndElement();

        if (record.Inscriptions.Count > 0)
        {
            w.WriteStartElement("inscriptionsWrap", Namespace);
            w.WriteStartElement("inscriptions", Namespace);
            foreach (var (culture, text) in Ordered(record.Inscriptions, record.Cultures))
                Text(w, "inscriptionTranscription", culture, text);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        if (record.Institution is not null || record.AccessionNumber is not null)
        {
            w.WriteStartElement("repositoryWrap", Namespace);
            w.WriteStartElement("repositorySet", Namespace);
            if (record.Institution is { } institution)
                LegalBody(w, "repositoryName", institution, record.Cultures, links);
            if (record.AccessionNumber is { } number)
            {
                w.WriteStartElement("workID", Namespace);
                w.WriteAttributeString("lido", "type", Namespace, "inventory number");
                w.WriteString(number);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }

        if (record.Descriptions.Count > 0)
        {
            w.WriteStartElement("objectDescriptionWrap", Namespace);
            w.WriteStartElement("objectDescriptionSet", Namespace);
            foreach (var (culture, text) in Ordered(record.Descriptions, record.Cultures))
                Text(w, "descriptiveNoteValue", culture, text);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        if (record.Dimensions.Count > 0)
        {
            w.WriteStartElement("objectMeasurementsWrap", Namespace);
            w.WriteStartElement("objectMeasurementsSet", Namespace);
            foreach (var (culture, text) in Ordered(record.Dimensions, record.Cultures))
                Text(w, "displayObjectMeasurements", culture, text);
            var measured = Measurements.Read(ObjectRecord.First(record.Dimensions, record.Cultures));
            if (measured.Count > 0)
            {
                w.WriteStartElement("objectMeasurements", Namespace);
                foreach (var m in measured)
                {
                    w.WriteStartElement("measurementsSet", Namespace);
                    w.WriteStartElement("measurementType", Namespace);
                    Term(w, "term", "en", m.Dimension);
                    w.WriteEndElement();
                    w.WriteStartElement("measurementUnit", Namespace);
                    Term(w, "term", "en", m.Unit);
                    w.WriteEndElement();
                    w.WriteElementString("measurementValue", Namespace, m.Value.ToString(CultureInfo.InvariantCulture));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }

        if (record.Materials.Count > 0 || record.Techniques.Count > 0)
        {
            w.WriteStartElement("objectMaterialsTechWrap", Namespace);
            w.WriteStartElement("objectMaterialsTechSet", Namespace);
            foreach (var culture in record.Cultures)
            {
                var parts = record.Materials.Select(m => m.CultureOf(culture)?.Name).OfType<string>().ToList();
                if (record.Techniques.GetValueOrDefault(culture) is { } technique)
                    parts.Add(technique);
                if (parts.Count > 0)
                    Text(w, "displayMaterialsTech", culture, string.Join("; ", parts));
            }
            w.WriteStartElement("materialsTech", Namespace);
            foreach (var material in record.Materials)
                Concept(w, "termMaterialsTech", material, record.Cultures, links, type: "material");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Production(XmlWriter w, ObjectRecord record, RecordLinks links)
    {
        if (record.Makers.Count == 0 && record.Peoples.Count == 0 && record.Dating is null && record.Places.Count == 0)
            return;
        w.WriteStartElement("eventWrap", Namespace);
        w.WriteStartElement("eventSet", Namespace);
        w.WriteStartElement("event", Namespace);
        w.WriteStartElement("eventType", Namespace);
        Identifier(w, "conceptID", UriType, ProductionEvent, null);
        Term(w, "term", "en", "Production");
        w.WriteEndElement();
        foreach (var maker in record.Makers)
        {
            w.WriteStartElement("eventActor", Namespace);
            w.WriteStartElement("actorInRole", Namespace);
            w.WriteStartElement("actor", Namespace);
            w.WriteAttributeString("lido", "type", Namespace, "person");
            Identifier(w, "actorID", UriType, links.Identifier(maker.Key), null);
            w.WriteStartElement("nameActorSet", Namespace);
            Names(w, "appellationValue", maker, record.Cultures);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        foreach (var people in record.Peoples)
            Concept(w, "culture", people, record.Cultures, links);
        if (record.Dating is { } dating)
        {
            w.WriteStartElement("eventDate", Namespace);
            w.WriteElementString("displayDate", Namespace, dating.Text);
            w.WriteStartElement("date", Namespace);
            w.WriteElementString("earliestDate", Namespace, Year(dating.Earliest));
            w.WriteElementString("latestDate", Namespace, Year(dating.Latest));
            w.WriteEndElement();
            w.WriteEndElement();
        }
        foreach (var place in record.Places)
        {
            w.WriteStartElement("eventPlace", Namespace);
            foreach (var culture in record.Cultures)
                if (place.CultureOf(culture)?.Name is { Length: > 0 } name)
                    Text(w, "displayPlace", culture, name);
            w.WriteStartElement("place", Namespace);
            Identifier(w, "placeID", UriType, links.Identifier(place.Key), null);
            w.WriteStartElement("namePlaceSet", Namespace);
            Names(w, "appellationValue", place, record.Cultures);
            w.WriteEndElement();
            if (Archive.Delivery.Geo.GeoFeatures.Point(place) is { } point)
            {
                w.WriteStartElement("gml", Namespace);
                w.WriteStartElement("gml", "Point", GmlNamespace);
                w.WriteElementString("pos", GmlNamespace, FormattableString.Invariant($"{point.Latitude} {point.Longitude}"));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Rights(XmlWriter w, ObjectRecord record, RecordLinks links)
    {
        if (record.Rights is null && record.CreditLines.Count == 0)
            return;
        w.WriteStartElement("rightsWorkWrap", Namespace);
        w.WriteStartElement("rightsWorkSet", Namespace);
        if (record.Rights is { } rights)
        {
            w.WriteStartElement("rightsType", Namespace);
            Identifier(w, "conceptID", UriType, rights, null);
            w.WriteEndElement();
        }
        if (record.Institution is { } institution)
            LegalBody(w, "rightsHolder", institution, record.Cultures, links);
        foreach (var (culture, text) in Ordered(record.CreditLines, record.Cultures))
            Text(w, "creditLine", culture, text);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void RecordWrap(XmlWriter w, ObjectRecord record, RecordLinks links, string lang)
    {
        w.WriteStartElement("recordWrap", Namespace);
        Identifier(w, "recordID", LocalType, record.Key.ToString(), null);
        w.WriteStartElement("recordType", Namespace);
        Term(w, "term", "en", "item");
        w.WriteEndElement();
        w.WriteStartElement("recordSource", Namespace);
        if (record.Institution is { } institution)
        {
            Identifier(w, "legalBodyID", UriType, links.Identifier(institution.Key), null);
            w.WriteStartElement("legalBodyName", Namespace);
            Names(w, "appellationValue", institution, record.Cultures);
            w.WriteEndElement();
        }
        else
        {
            w.WriteStartElement("legalBodyName", Namespace);
            Text(w, "appellationValue", "en", "Archive");
            w.WriteEndElement();
        }
        w.WriteElementString("legalBodyWeblink", Namespace, links.BaseUrl + "/");
        w.WriteEndElement();
        w.WriteStartElement("recordInfoSet", Namespace);
        w.WriteElementString("recordInfoLink", Namespace, links.Page(record.Key, lang));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Resources(XmlWriter w, ObjectRecord record, RecordLinks links)
    {
        w.WriteStartElement("resourceWrap", Namespace);
        w.WriteStartElement("resourceSet", Namespace);
        Identifier(w, "resourceID", UriType, links.Manifest(record.Key), null);
        Representation(w, "http://iiif.io/api/presentation/3/context.json", links.Manifest(record.Key), "application/ld+json");
        w.WriteStartElement("resourceType", Namespace);
        Term(w, "term", "en", "IIIF manifest");
        w.WriteEndElement();
        w.WriteEndElement();
        var sort = 0;
        foreach (var image in record.Images)
        {
            w.WriteStartElement("resourceSet", Namespace);
            w.WriteAttributeString("lido", "sortorder", Namespace, (++sort).ToString(CultureInfo.InvariantCulture));
            Identifier(w, "resourceID", UriType, links.ImageService(image.Media.Key), null);
            Representation(w, "image_master", links.Derivative(image.FilePath), "image/webp");
            Representation(w, "image_thumb", links.Thumbnail(image.FilePath), "image/webp");
            Representation(w, "http://iiif.io/api/image/3/context.json", links.ImageService(image.Media.Key) + "/info.json", "application/ld+json");
            w.WriteStartElement("resourceType", Namespace);
            Term(w, "term", "en", "image");
            w.WriteEndElement();
            if (record.Rights is { } rights)
            {
                w.WriteStartElement("rightsResource", Namespace);
                w.WriteStartElement("rightsType", Namespace);
                Identifier(w, "conceptID", UriType, rights, null);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Representation(XmlWriter w, string type, string url, string format)
    {
        w.WriteStartElement("resourceRepresentation", Namespace);
        w.WriteAttributeString("lido", "type", Namespace, type);
        w.WriteStartElement("linkResource", Namespace);
        w.WriteAttributeString("lido", "formatResource", Namespace, format);
        w.WriteString(url);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void LegalBody(XmlWriter w, string element, PublishedNode body, IReadOnlyList<string> cultures, RecordLinks links)
    {
        w.WriteStartElement(element, Namespace);
        Identifier(w, "legalBodyID", UriType, links.Identifier(body.Key), null);
        w.WriteStartElement("legalBodyName", Namespace);
        Names(w, "appellationValue", body, cultures);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// A vocabulary term as a LIDO concept: its public URI, then its name in each culture.
    private static void Concept(XmlWriter w, string element, PublishedNode term, IReadOnlyList<string> cultures, RecordLinks links, string? type = null)
    {
        w.WriteStartElement(element, Namespace);
        if (type is not null)
            w.WriteAttributeString("lido", "type", Namespace, type);
        Identifier(w, "conceptID", UriType, links.Identifier(term.Key), null);
        foreach (var culture in cultures)
            if (term.CultureOf(culture)?.Name is { Length: > 0 } name)
                Term(w, "term", culture, name);
        w.WriteEndElement();
    }

    private static void Names(XmlWriter w, string element, PublishedNode node, IReadOnlyList<string> cultures)
    {
        var any = false;
        foreach (var culture in cultures)
            if (node.CultureOf(culture)?.Name is { Length: > 0 } name)
            {
                Text(w, element, culture, name, pref: "preferred");
                any = true;
            }
        if (!any && node.Cultures.Values.FirstOrDefault()?.Name is { Length: > 0 } invariant)
            Text(w, element, "und", invariant, pref: "preferred");
    }

    private static void Identifier(XmlWriter w, string element, string type, string value, string? source)
    {
        w.WriteStartElement(element, Namespace);
        w.WriteAttributeString("lido", "type", Namespace, type);
        if (source is not null)
            w.WriteAttributeString("lido", "source", Namespace, source);
        w.WriteString(value);
        w.WriteEndElement();
    }

    private static void Term(XmlWriter w, string element, string culture, string text) => Text(w, element, culture, text);

    private static void Text(XmlWriter w, string element, string culture, string text, string? pref = null)
    {
        w.WriteStartElement(element, Namespace);
        if (pref is not null)
            w.WriteAttributeString("lido", "pref", Namespace, pref);
        // An invariant value is in no one language: "und" (undetermined) rather than a guess.
        w.WriteAttributeString("xml", "lang", Xml, culture.Length == 0 ? "und" : culture);
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static IEnumerable<KeyValuePair<string, string>> Ordered(IReadOnlyDictionary<string, string> texts, IReadOnlyList<string> cultures) =>
        texts.OrderBy(t => t.Key.Length == 0 ? -1 : cultures.ToList().IndexOf(t.Key.ToLowerInvariant()));

    /// Years as ISO 8601 writes them (four digits; BCE with a sign).
    private static string Year(int year) => year < 0 ? "-" + (-year).ToString("0000", CultureInfo.InvariantCulture) : year.ToString("0000", CultureInfo.InvariantCulture);
}
