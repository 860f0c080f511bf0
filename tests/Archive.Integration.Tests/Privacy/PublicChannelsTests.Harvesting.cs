using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Archive.Integration.Tests.Privacy;

public sealed partial class PublicChannelsTests
{
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    /// The channels other systems harvest: OAI-PMH in both formats (every page of every list, the sets, and a record
    /// asked for by each private record's identifier), the IIIF change discovery stream with every activity, the top
    /// IIIF collection, and `/id/{key}` in each representation for every public item. No private value or record
    /// appears; a private record has no identifier anywhere.
    [Fact]
    public async Task No_harvesting_channel_shows_a_private_value_or_record()
    {
        async Task<List<XElement>> Harvest(string verb, string prefix)
        {
            var items = new List<XElement>();
            var query = $"verb={verb}&metadataPrefix={prefix}";
            while (true)
            {
                var page = XDocument.Parse(await Public("/oai?" + query)).Root!;
                Assert.Empty(page.Elements(Oai + "error"));
                items.AddRange(page.Element(Oai + verb)!.Elements());
                var token = page.Descendants(Oai + "resumptionToken").SingleOrDefault()?.Value;
                if (string.IsNullOrEmpty(token))
                    return items;
                query = $"verb={verb}&resumptionToken={Uri.EscapeDataString(token)}";
            }
        }
        var records = await Harvest("ListRecords", "lido");
        Assert.True(records.Count > 50, $"{records.Count} records");
        await Harvest("ListRecords", "oai_dc");
        await Harvest("ListIdentifiers", "lido");
        await Public("/oai?verb=ListSets");
        await Public("/oai?verb=Identify");
        foreach (var key in _privateRecords)
        {
            // The answer echoes the identifier asked for, as the protocol has it; nothing else of the record is in it.
            var answer = (await _client.GetStringAsync($"/oai?verb=GetRecord&metadataPrefix=lido&identifier=oai:localhost:{key}")).Replace(key.ToString(), "");
            Assert.Contains("idDoesNotExist", answer);
            Assert.DoesNotContain(_forbidden, secret => answer.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        var stream = JsonDocument.Parse(await Public("/iiif/discovery/changes")).RootElement;
        for (var page = 0; page <= int.Parse(stream.GetProperty("last").GetProperty("id").GetString()!.Split('/')[^1]); page++)
            foreach (var activity in JsonDocument.Parse(await Public($"/iiif/discovery/changes/page/{page}")).RootElement.GetProperty("orderedItems").EnumerateArray())
                await Public(activity.GetProperty("id").GetString()!.Replace("http://localhost", ""));
        await Public("/iiif/3/collection/top");

        var identified = records.Select(r => r.Descendants(Oai + "identifier").First().Value.Split(':')[^1]).ToList();
        foreach (var key in identified)
            foreach (var accept in new[] { "application/ld+json", "application/json", "text/html" })
                await Public($"/id/{key}", ("Accept", accept));
        foreach (var key in _privateRecords)
            Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/id/{key}")
            {
                Headers = { { "Accept", "application/ld+json" } },
            })).StatusCode);
    }
}
