using Archive.Engine.Content;
using static Archive.Integration.Tests.Harvesting.OaiHarvester;

namespace Archive.Integration.Tests.Harvesting;

/// How harvests meet a catalogue that changes: a record changed between pages comes again at the end and none is
/// missed, a record made private becomes a deleted record (persistent, its header alone), a renamed term moves the
/// datestamps of the records naming it and of no other, each test on the same archive, with records of its own.
public sealed class OaiChangesTests(HarvestHost host) : IClassFixture<HarvestHost>
{
    private readonly HarvestHost _host = host;

    [Fact]
    public async Task A_record_changed_between_pages_comes_again_later_and_no_record_is_missed()
    {
        var oai = _host.Harvester;
        var seenOnFirstPage = new List<string>();
        var changed = new List<string>();
        var (headers, pages) = await oai.HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc", async page =>
        {
            if (page != 1)
                return;
            // Between the first and second page: one record already sent changes, and so does one not sent yet.
            var first = await oai.AskAsync("verb=ListIdentifiers&metadataPrefix=oai_dc");
            seenOnFirstPage.AddRange(first.Root.Descendants(Oai + "identifier").Select(i => i.Value));
            var sent = seenOnFirstPage[0];
            var notSent = _host.PublicArtefacts().Select(k => HarvestHost.Identifier(k.ToString())).First(i => !seenOnFirstPage.Contains(i));
            foreach (var identifier in new[] { sent, notSent })
            {
                await _host.RenameAsync(identifier.Split(':')[^1], "en", "Changed between pages " + identifier[^4..]);
                changed.Add(identifier);
            }
        });
        Assert.True(pages > 2);
        var identifiers = headers.Select(IdentifierOf).ToList();
        var expected = _host.PublicArtefacts().Select(k => HarvestHost.Identifier(k.ToString())).ToHashSet();
        Assert.Subset(identifiers.ToHashSet(), expected);
        // The record already sent is sent again, with its new datestamp; the other comes once, changed.
        Assert.Equal(2, identifiers.Count(i => i == changed[0]));
        Assert.Equal(1, identifiers.Count(i => i == changed[1]));
        Assert.Equal(expected.Count + 1, identifiers.Count);
        var record = await oai.AskAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={changed[1]}");
        Assert.Contains(record.Root.Descendants(Dc + "title"), t => t.Value.StartsWith("Changed between pages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_record_made_private_is_a_deleted_record_with_its_header_alone()
    {
        var oai = _host.Harvester;
        var key = _host.PublicArtefacts().Select(k => k.ToString()).First(k => k != HarvestHost.Chest);
        var identifier = HarvestHost.Identifier(key);
        var before = await oai.AskAsync($"verb=GetRecord&metadataPrefix=lido&identifier={identifier}");
        var title = before.Root.Descendants(Lido + "appellationValue").First().Value;
        var stampBefore = before.Root.Descendants(Oai + "datestamp").Single().Value;
        await Task.Delay(1100);

        await _host.MakePrivateAsync(key);
        foreach (var prefix in new[] { "lido", "oai_dc" })
        {
            var after = await oai.AskAsync($"verb=GetRecord&metadataPrefix={prefix}&identifier={identifier}");
            var header = after.Root.Descendants(Oai + "header").Single();
            Assert.Equal("deleted", (string?)header.Attribute("status"));
            Assert.Null(after.Root.Descendants(Oai + "metadata").SingleOrDefault());
            Assert.DoesNotContain(title, after.Text);
            Assert.True(string.CompareOrdinal(header.Element(Oai + "datestamp")!.Value, stampBefore) > 0);
        }
        // A harvest from the moment of the change learns of the deletion.
        var (since, _) = await oai.HarvestAsync("ListRecords", "metadataPrefix=lido&from=" + stampBefore[..10]);
        var deleted = since.Single(r => IdentifierOf(r) == identifier);
        Assert.True(IsDeleted(deleted));
        Assert.Null(deleted.Element(Oai + "metadata"));
    }

    [Fact]
    public async Task A_renamed_term_moves_the_datestamps_of_the_records_naming_it_and_no_other()
    {
        var oai = _host.Harvester;
        var (before, _) = await oai.HarvestAsync("ListRecords", "metadataPrefix=lido");
        var stamps = before.ToDictionary(IdentifierOf, r => r.Descendants(Oai + "datestamp").Single().Value);
        // A material the chest's record names (its concept URI is the term's public identifier).
        var chest = before.Single(r => IdentifierOf(r) == HarvestHost.Identifier(HarvestHost.Chest));
        var material = chest.Descendants(Lido + "termMaterialsTech").Single().Element(Lido + "conceptID")!.Value.Split('/')[^1];
        var naming = before.Where(r => r.Descendants(Lido + "conceptID").Any(c => c.Value.EndsWith(material, StringComparison.Ordinal))).Select(IdentifierOf).ToHashSet();
        await Task.Delay(1100);

        await _host.RenameAsync(material, "en", "Timber (renamed)");
        var (after, _) = await oai.HarvestAsync("ListRecords", "metadataPrefix=lido");
        foreach (var record in after.Where(r => !IsDeleted(r)))
        {
            var identifier = IdentifierOf(record);
            var moved = record.Descendants(Oai + "datestamp").Single().Value != stamps.GetValueOrDefault(identifier);
            Assert.True(moved == naming.Contains(identifier), $"{identifier}: moved {moved}, names the term {naming.Contains(identifier)}");
            if (naming.Contains(identifier))
                Assert.Contains(record.Descendants(Lido + "term"), t => t.Value == "Timber (renamed)");
        }
    }
}

/// A resumption token holds the whole state of a list, signed with the archive's Data Protection keys (kept with its
/// data): a harvest goes on after the archive restarts.
public sealed class OaiRestartTests
{
    [Fact]
    public async Task A_resumption_token_survives_a_restart_of_the_archive()
    {
        var first = new HarvestHost();
        await first.InitializeAsync();
        var page = await first.Harvester.AskAsync("verb=ListIdentifiers&metadataPrefix=oai_dc");
        var token = page.Token!.Value;
        var seen = page.Root.Descendants(Oai + "identifier").Select(i => i.Value).ToList();
        var dataPath = first.DataPath;
        var mediaRoot = first.MediaRoot;
        await first.DisposeAsync();

        var second = new HarvestHost();
        second.Settings["Archive:DataPath"] = dataPath;
        second.Settings["Archive:Media:RootPath"] = mediaRoot;
        await second.InitializeAsync();
        try
        {
            var rest = new List<string>();
            var next = await second.Harvester.AskAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token));
            while (true)
            {
                Assert.Empty(next.Errors);
                rest.AddRange(next.Root.Descendants(Oai + "identifier").Select(i => i.Value));
                if (next.Token is not { Value.Length: > 0 } more)
                    break;
                next = await second.Harvester.AskAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(more.Value));
            }
            Assert.Empty(seen.Intersect(rest));
            Assert.Equal(second.PublicArtefacts().Count, seen.Count + rest.Count);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
