using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Harvesting.Oai;

/// `GetRecord`: one record in one format; a deleted record is its header alone, marked deleted.
public static class GetRecord
{
    public static async Task<OaiAnswer> AnswerAsync(OaiContext c, CancellationToken ct)
    {
        var identifier = c.Request["identifier"]!;
        var key = c.KeyOf(identifier);
        var row = key is null ? null : await c.Db.HarvestRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key && r.ContentType == ArchiveAliases.Artefact, ct);
        if (row is null)
            return OaiAnswer.Error("idDoesNotExist", $"'{identifier}' is not an identifier of this repository.");
        if (MetadataFormats.Find(c.Request["metadataPrefix"]) is not { } format)
            return OaiAnswer.Error("cannotDisseminateFormat", $"Records are disseminated as {string.Join(" and ", MetadataFormats.All.Select(f => f.Prefix))}.");
        return OaiAnswer.Of(w =>
        {
            w.WriteStartElement("GetRecord", OaiContext.OaiNamespace);
            OaiRecords.Record(w, row, format, c);
            w.WriteEndElement();
        });
    }
}
