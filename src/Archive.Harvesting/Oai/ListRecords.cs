using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Harvesting.Oai;

/// `ListRecords` and `ListIdentifiers`: the records whose datestamps fall between `from` and `until` (inclusive; a day
/// bound takes in the whole day), of one set or all, in datestamp, change-log position and key order, a page at a time.
/// Each page but the last ends with a resumption token; the last page of a resumed list ends with an empty one, as the
/// protocol asks.
public static class ListRecords
{
    public static async Task<OaiAnswer> AnswerAsync(OaiContext c, bool headersOnly, CancellationToken ct)
    {
        ResumptionToken? resumed = null;
        if (c.Request["resumptionToken"] is { } text)
        {
            var (token, error) = ResumptionToken.Read(text, c.Protection, c.Now);
            if (token is null)
                return OaiAnswer.Error("badResumptionToken", error!);
            if (token.Verb != c.Request.Verb)
                return OaiAnswer.Error("badResumptionToken", $"The resumption token continues {token.Verb}, not {c.Request.Verb}.");
            resumed = token;
        }
        var prefix = resumed?.MetadataPrefix ?? c.Request["metadataPrefix"]!;
        if (MetadataFormats.Find(prefix) is not { } format)
            return OaiAnswer.Error("cannotDisseminateFormat", $"Records are disseminated as {string.Join(" and ", MetadataFormats.All.Select(f => f.Prefix))}.");
        var set = resumed is null ? c.Request["set"] : resumed.Set;
        var from = resumed is null ? (c.Request["from"] is { } f ? OaiRequest.ParseDate(f, "from", null) : null) : resumed.From;
        var until = resumed is null ? (c.Request["until"] is { } u ? OaiRequest.ParseDate(u, "until", null) : null) : resumed.Until;

        var query = c.Db.HarvestRecords.AsNoTracking().Where(r => r.ContentType == ArchiveAliases.Artefact);
        if (from is not null)
            query = query.Where(r => r.Datestamp >= from.Value);
        if (until is not null)
        {
            // A day bound takes in the whole day; a second bound takes in that second.
            var end = until.DayOnly ? until.Value.AddDays(1) : until.Value.AddSeconds(1);
            query = query.Where(r => r.Datestamp < end);
        }
        if (set is not null)
        {
            var spaced = " " + set + " ";
            query = query.Where(r => (" " + r.Sets + " ").Contains(spaced));
        }
        var total = resumed?.CompleteListSize ?? await query.CountAsync(ct);
        if (resumed is not null)
        {
            var after = resumed.AfterDatestamp;
            var afterSequence = resumed.AfterSequence;
            var afterKey = resumed.AfterKey;
            query = query.Where(r => r.Datestamp > after
                || (r.Datestamp == after && (r.Sequence > afterSequence || (r.Sequence == afterSequence && r.Key.CompareTo(afterKey) > 0))));
        }
        var page = await query.OrderBy(r => r.Datestamp).ThenBy(r => r.Sequence).ThenBy(r => r.Key).Take(c.Options.PageSize + 1).ToListAsync(ct);
        // A resumed list can come up empty only when its last records left the set meanwhile.
        if (page.Count == 0)
            return OaiAnswer.Error("noRecordsMatch", "No record matches these arguments.");
        var more = page.Count > c.Options.PageSize;
        if (more)
            page.RemoveAt(page.Count - 1);
        var cursor = resumed?.Cursor ?? 0;
        // Records changed while a list is walked come again at its end, so it can outgrow the size first counted.
        var listSize = Math.Max(total, cursor + page.Count + (more ? 1 : 0));
        ResumptionToken? next = more
            ? new ResumptionToken(c.Request.Verb, prefix, set, from, until, page[^1].Datestamp, page[^1].Sequence, page[^1].Key, cursor + page.Count, listSize,
                c.Now + c.Options.TokenLifetime)
            : null;
        return OaiAnswer.Of(w =>
        {
            const string ns = OaiContext.OaiNamespace;
            w.WriteStartElement(c.Request.Verb, ns);
            foreach (var row in page)
                if (headersOnly)
                    OaiRecords.Header(w, row, c);
                else
                    OaiRecords.Record(w, row, format, c);
            if (next is not null || resumed is not null)
            {
                w.WriteStartElement("resumptionToken", ns);
                if (next is not null)
                    w.WriteAttributeString("expirationDate", OaiContext.Format(next.Expires));
                if (listSize > 0)
                    w.WriteAttributeString("completeListSize", listSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("cursor", cursor.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (next is not null)
                    w.WriteString(next.Protect(c.Protection));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }
}
