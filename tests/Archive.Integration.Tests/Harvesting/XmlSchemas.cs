using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Archive.Integration.Tests.Infrastructure;

namespace Archive.Integration.Tests.Harvesting;

/// The published schemas of OAI-PMH, oai_dc, oai-identifier and LIDO 1.1 (with GML), kept in tests/fixtures/schemas
/// (sources and licences in its SOURCES.md). A schema's remote location resolves to the local file of the same name,
/// so validation is offline and strict: every element the response holds must be declared, LIDO inside
/// `<metadata>` included.
public static class XmlSchemas
{
    private static readonly string Root = Path.Combine(Paths.RepositoryRoot, "tests", "fixtures", "schemas");
    private static readonly Lazy<XmlSchemaSet> Set = new(Load);

    private static XmlSchemaSet Load()
    {
        var resolver = new LocalResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        // The W3C schemas carry a DOCTYPE for their documentation: ignored, never processed.
        void Add(string ns, params string[] path)
        {
            using var reader = XmlReader.Create(Path.Combine([Root, .. path]), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = resolver });
            set.Add(ns, reader);
        }
        // The XML namespace schema once, whichever schema imports it and from where.
        Add("http://www.w3.org/XML/1998/namespace", "lido", "xml.xsd");
        Add("http://www.openarchives.org/OAI/2.0/", "oai", "OAI-PMH.xsd");
        Add("http://www.openarchives.org/OAI/2.0/oai_dc/", "oai", "oai_dc.xsd");
        Add("http://www.openarchives.org/OAI/2.0/oai-identifier", "oai", "oai-identifier.xsd");
        Add("http://www.lido-schema.org", "lido", "lido-v1.1.xsd");
        set.Compile();
        return set;
    }

    /// Every problem the schemas find, with its line and position; empty when the document is valid.
    public static IReadOnlyList<string> Problems(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Set.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    public static void AssertValid(string xml, string what)
    {
        var problems = Problems(xml);
        Assert.True(problems.Count == 0, $"{what} is not valid:\n{string.Join("\n", problems.Take(20))}\n{xml[..Math.Min(xml.Length, 3000)]}");
    }

    /// A LIDO record alone, validated against LIDO 1.1.
    public static void AssertValidLido(XElement lido, string what) => AssertValid(lido.ToString(SaveOptions.DisableFormatting), what);

    private sealed class LocalResolver : XmlUrlResolver
    {
        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            var resolved = base.ResolveUri(baseUri, relativeUri);
            if (Path.GetFileName(resolved.AbsolutePath) == "xml.xsd")
                return new Uri(Path.Combine(Root, "lido", "xml.xsd"));
            if (resolved.Scheme is "http" or "https")
            {
                var name = Path.GetFileName(resolved.AbsolutePath);
                var local = Directory.EnumerateFiles(Root, name, SearchOption.AllDirectories).FirstOrDefault()
                    ?? throw new FileNotFoundException($"No local copy of {resolved} in tests/fixtures/schemas.");
                return new Uri(local);
            }
            return resolved;
        }
    }
}
