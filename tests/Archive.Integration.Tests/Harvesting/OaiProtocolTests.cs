using System.Xml.Linq;
using Archive.Harvesting.Oai;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using static Archive.Integration.Tests.Harvesting.OaiHarvester;

namespace Archive.Integration.Tests.Harvesting;

/// OAI-PMH 2.0 conformance over the demo catalogue: each verb, every error code the repository can give, the request
/// echo, GET and POST, date granularity and selective harvesting, resumption across pages, and every answer valid
/// against the OAI-PMH schema (records in oai_dc and LIDO 1.1 against theirs).
public sealed class OaiProtocolTests(HarvestHost host) : IClassFixture<HarvestHost>
{
    private OaiHarvester Oai => host.Harvester;

    [Fact]
    public async Task Identify_names_the_repository_its_granularity_and_persistent_deletions()
    {
        var page = await Oai.AskAsync("verb=Identify");
        var identify = page.Root.Element(OaiHarvester.Oai + "Identify")!;
        Assert.Equal("http://localhost/oai", identify.Element(OaiHarvester.Oai + "baseURL")!.Value);
        Assert.Equal("2.0", identify.Element(OaiHarvester.Oai + "protocolVersion")!.Value);
        Assert.Equal("persistent", identify.Element(OaiHarvester.Oai + "deletedRecord")!.Value);
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(OaiHarvester.Oai + "granularity")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", identify.Element(OaiHarvester.Oai + "earliestDatestamp")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", page.Root.Element(OaiHarvester.Oai + "responseDate")!.Value);
        XNamespace id = "http://www.openarchives.org/OAI/2.0/oai-identifier";
        Assert.Equal("archive.example.kz", identify.Descendants(id + "repositoryIdentifier").Single().Value);
        var request = page.Root.Element(OaiHarvester.Oai + "request")!;
        Assert.Equal("Identify", (string?)request.Attribute("verb"));
        Assert.Equal("http://localhost/oai", request.Value);
    }

    [Fact]
    public async Task Post_answers_as_get_does_and_a_post_that_is_not_a_form_is_a_bad_argument()
    {
        var get = await Oai.AskAsync("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + HarvestHost.Identifier(HarvestHost.Chest));
        var post = await Oai.AskAsync("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + HarvestHost.Identifier(HarvestHost.Chest), post: true);
        Assert.Equal(get.Root.Element(OaiHarvester.Oai + "GetRecord")!.ToString(), post.Root.Element(OaiHarvester.Oai + "GetRecord")!.ToString());
        var json = await host.Client.PostAsync("/oai", new StringContent("{\"verb\":\"Identify\"}", System.Text.Encoding.UTF8, "application/json"));
        var text = await json.Content.ReadAsStringAsync();
        XmlSchemas.AssertValid(text, "a JSON POST");
        Assert.Contains("code=\"badArgument\"", text);
    }

    [Theory]
    [InlineData("", "badVerb")]
    [InlineData("verb=Harvest", "badVerb")]
    [InlineData("verb=Identify&verb=Identify", "badVerb")]
    [InlineData("verb=Identify&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListRecords", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=lido", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2026-13-01", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01T00:00:00.000Z", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-12-31T00:00:00Z", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-01&until=2026-01-01", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&set=not%20a%20set", "badArgument")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=x", "badArgument")]
    [InlineData("verb=GetRecord&identifier=oai:archive.example.kz:x", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.example.kz:00000000-0000-0000-0000-000000000000", "idDoesNotExist")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc&identifier=urn:isbn:0451450523", "idDoesNotExist")]
    [InlineData("verb=ListMetadataFormats&identifier=oai:archive.example.kz:00000000-0000-0000-0000-000000000000", "idDoesNotExist")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&until=2000-01-01", "noRecordsMatch")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=lido&from=2999-01-01T00:00:00Z", "noRecordsMatch")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&set=institution-00000000-0000-0000-0000-000000000000", "noRecordsMatch")]
    [InlineData("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken")]
    [InlineData("verb=ListSets&resumptionToken=anything", "badResumptionToken")]
    public async Task Each_error_is_the_code_the_protocol_lists_with_http_200(string query, string code)
    {
        var page = await Oai.AskAsync(query);
        Assert.Equal(code, Assert.Single(page.Errors.Distinct()));
        Assert.Null(page.Root.Element(OaiHarvester.Oai + "ListRecords"));
        var request = page.Root.Element(OaiHarvester.Oai + "request")!;
        // badVerb and badArgument echo no argument; other errors echo the request.
        if (code is "badVerb" or "badArgument")
            Assert.Empty(request.Attributes());
        else
            Assert.NotNull(request.Attribute("verb"));
    }

    [Fact]
    public async Task A_token_for_another_verb_or_one_that_expired_is_a_bad_resumption_token()
    {
        var first = await Oai.AskAsync("verb=ListIdentifiers&metadataPrefix=oai_dc");
        var token = first.Token!.Value;
        var crossed = await Oai.AskAsync("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token));
        Assert.Equal(["badResumptionToken"], crossed.Errors);

        var protection = host.Services.GetRequiredService<IDataProtectionProvider>();
        var expired = new ResumptionToken("ListIdentifiers", "oai_dc", null, null, null, DateTime.UtcNow.AddDays(-3), 0, Guid.Empty, 10, 60,
            DateTime.UtcNow.AddSeconds(-1)).Protect(protection);
        var answer = await Oai.AskAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(expired));
        Assert.Equal(["badResumptionToken"], answer.Errors);
        Assert.Contains("expired", answer.Root.Element(OaiHarvester.Oai + "error")!.Value);
    }

    [Fact]
    public async Task List_metadata_formats_offers_oai_dc_and_lido_for_the_repository_and_for_a_record()
    {
        foreach (var query in new[] { "verb=ListMetadataFormats", "verb=ListMetadataFormats&identifier=" + HarvestHost.Identifier(HarvestHost.Chest) })
        {
            var page = await Oai.AskAsync(query);
            var formats = page.Root.Descendants(OaiHarvester.Oai + "metadataFormat").ToDictionary(f => f.Element(OaiHarvester.Oai + "metadataPrefix")!.Value,
                f => f.Element(OaiHarvester.Oai + "metadataNamespace")!.Value);
            Assert.Equal("http://www.openarchives.org/OAI/2.0/oai_dc/", formats["oai_dc"]);
            Assert.Equal("http://www.lido-schema.org", formats["lido"]);
        }
    }

    [Fact]
    public async Task Sets_are_the_institutions_and_their_collections_and_a_set_harvest_holds_only_its_records()
    {
        var page = await Oai.AskAsync("verb=ListSets");
        var sets = page.Root.Descendants(OaiHarvester.Oai + "setSpec").Select(s => s.Value).ToList();
        var collectionSet = sets.Single(s => s.EndsWith(":collection-" + HarvestHost.KoreanCollection, StringComparison.Ordinal));
        var institutionSet = collectionSet.Split(':')[0];
        Assert.Contains(institutionSet, sets);

        var (inCollection, _) = await Oai.HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&set=" + collectionSet);
        Assert.Contains(inCollection, h => IdentifierOf(h) == HarvestHost.Identifier(HarvestHost.Chest));
        Assert.All(inCollection, h => Assert.Contains(collectionSet, h.Elements(OaiHarvester.Oai + "setSpec").Select(s => s.Value)));
        // The institution's set takes in its collections' records (":" is the protocol's hierarchy).
        var (inInstitution, _) = await Oai.HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&set=" + institutionSet);
        Assert.Superset(inCollection.Select(IdentifierOf).ToHashSet(), inInstitution.Select(IdentifierOf).ToHashSet());
    }

    [Fact]
    public async Task A_whole_harvest_in_lido_follows_every_token_and_gets_each_public_artefact_once()
    {
        var (records, pages) = await Oai.HarvestAsync("ListRecords", "metadataPrefix=lido");
        var expected = host.PublicArtefacts().Select(k => HarvestHost.Identifier(k.ToString())).ToHashSet();
        var live = records.Where(r => !IsDeleted(r)).Select(IdentifierOf).ToList();
        Assert.Equal(live.Count, live.Distinct().Count());
        Assert.Superset(expected, live.ToHashSet());
        Assert.Subset(expected, live.ToHashSet());
        Assert.True(pages >= expected.Count / int.Parse(HarvestHost.PageSize), $"{pages} pages for {expected.Count} records");
        foreach (var record in records.Where(r => !IsDeleted(r)))
        {
            var lido = Assert.Single(record.Element(OaiHarvester.Oai + "metadata")!.Elements());
            Assert.Equal(Lido + "lido", lido.Name);
            Assert.All(lido.Descendants(Lido + "titleSet").Elements(Lido + "appellationValue"), v => Assert.False(string.IsNullOrEmpty((string?)v.Attribute(Xml + "lang"))));
        }
    }

    [Fact]
    public async Task Resumption_tokens_state_the_list_size_and_cursor_and_the_last_page_has_an_empty_token()
    {
        var first = await Oai.AskAsync("verb=ListIdentifiers&metadataPrefix=oai_dc");
        var token = first.Token!;
        var size = int.Parse((string)token.Attribute("completeListSize")!);
        Assert.Equal("0", (string?)token.Attribute("cursor"));
        Assert.NotNull(token.Attribute("expirationDate"));
        var cursor = 0;
        var page = first;
        while (page.Token is { Value.Length: > 0 } next)
        {
            cursor += page.Root.Descendants(OaiHarvester.Oai + "header").Count();
            page = await Oai.AskAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(next.Value));
            Assert.Equal(cursor.ToString(), (string?)page.Token!.Attribute("cursor"));
        }
        Assert.Equal("", page.Token!.Value);
        Assert.Null(page.Token.Attribute("expirationDate"));
        Assert.Equal(size, cursor + page.Root.Descendants(OaiHarvester.Oai + "header").Count());
    }

    [Fact]
    public async Task Date_bounds_are_inclusive_in_either_granularity()
    {
        var (all, _) = await Oai.HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc");
        var stamps = all.Select(h => h.Element(OaiHarvester.Oai + "datestamp")!.Value).ToList();
        var latest = stamps.Max()!;
        var (fromLatest, _) = await Oai.HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&from=" + latest);
        Assert.Equal(stamps.Count(s => s == latest), fromLatest.Count);
        var (untilLatest, _) = await Oai.HarvestAsync("ListIdentifiers", $"metadataPrefix=oai_dc&until={latest}");
        Assert.Equal(all.Count, untilLatest.Count);
        var day = latest[..10];
        var (theDay, _) = await Oai.HarvestAsync("ListIdentifiers", $"metadataPrefix=oai_dc&from={day}&until={day}");
        Assert.Equal(stamps.Count(s => s.StartsWith(day, StringComparison.Ordinal)), theDay.Count);
    }
}
