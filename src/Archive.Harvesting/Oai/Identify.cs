using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Harvesting.Oai;

/// `Identify`: the repository, its earliest datestamp, persistent deletions, granularity to the second, and the
/// `oai-identifier` description when its namespace is a domain name.
public static class Identify
{
    private const string IdentifierNamespace = "http://www.openarchives.org/OAI/2.0/oai-identifier";

    public static async Task<OaiAnswer> AnswerAsync(OaiContext c, CancellationToken ct)
    {
        var earliest = await c.Db.HarvestRecords.Where(r => r.ContentType == ArchiveAliases.Artefact).MinAsync(r => (DateTime?)r.Datestamp, ct) ?? c.Now;
        return OaiAnswer.Of(w =>
        {
            const string ns = OaiContext.OaiNamespace;
            w.WriteStartElement("Identify", ns);
            w.WriteElementString("repositoryName", ns, c.Options.RepositoryName);
            w.WriteElementString("baseURL", ns, c.BaseUrl);
            w.WriteElementString("protocolVersion", ns, "2.0");
            foreach (var email in c.Options.AdminEmails)
                w.WriteElementString("adminEmail", ns, email);
            w.WriteElementString("earliestDatestamp", ns, OaiContext.Format(earliest));
            w.WriteElementString("deletedRecord", ns, "persistent");
            w.WriteElementString("granularity", ns, "YYYY-MM-DDThh:mm:ssZ");
            if (c.HasDomainIdentifier)
            {
                w.WriteStartElement("description", ns);
                w.WriteStartElement("oai-identifier", IdentifierNamespace);
                w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
                    $"{IdentifierNamespace} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd");
                w.WriteElementString("scheme", IdentifierNamespace, "oai");
                w.WriteElementString("repositoryIdentifier", IdentifierNamespace, c.RepositoryIdentifier);
                w.WriteElementString("delimiter", IdentifierNamespace, ":");
                w.WriteElementString("sampleIdentifier", IdentifierNamespace, c.IdentifierOf(Guid.Parse("00000000-0000-0000-0000-000000000001")));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }
}
