using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Harvesting.Oai;

/// `ListMetadataFormats`: `oai_dc` and `lido`, for the repository or for one record (deleted ones included: the
/// formats are what it would be disseminated in).
public static class ListMetadataFormats
{
    public static async Task<OaiAnswer> AnswerAsync(OaiContext c, CancellationToken ct)
    {
        if (c.Request["identifier"] is { } identifier)
        {
            var key = c.KeyOf(identifier);
            if (key is null || !await c.Db.HarvestRecords.AnyAsync(r => r.Key == key && r.ContentType == ArchiveAliases.Artefact, ct))
                return OaiAnswer.Error("idDoesNotExist", $"'{identifier}' is not an identifier of this repository.");
        }
        return OaiAnswer.Of(w =>
        {
            const string ns = OaiContext.OaiNamespace;
            w.WriteStartElement("ListMetadataFormats", ns);
            foreach (var format in MetadataFormats.All)
            {
                w.WriteStartElement("metadataFormat", ns);
                w.WriteElementString("metadataPrefix", ns, format.Prefix);
                w.WriteElementString("schema", ns, format.Schema);
                w.WriteElementString("metadataNamespace", ns, format.Namespace);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }
}
