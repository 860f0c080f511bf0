using System.Net;
using System.Xml.Linq;

namespace Archive.Integration.Tests.Harvesting;

/// A minimal OAI-PMH harvester, as aggregators run one: it asks, validates each answer against the schemas, and
/// follows resumption tokens until a list ends (an empty token, or none).
public sealed class OaiHarvester(HttpClient client)
{
    public static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    public static readonly XNamespace Lido = "http://www.lido-schema.org";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Xml = XNamespace.Xml;

    public sealed record Page(XDocument Document, string Text)
    {
        public XElement Root => Document.Root!;
        public IReadOnlyList<string> Errors => Root.Elements(Oai + "error").Select(e => (string)e.Attribute("code")!).ToList();
        public XElement? Token => Root.Descendants(Oai + "resumptionToken").SingleOrDefault();
    }

    /// One request (GET with a query, or POST with the same arguments as a form), its answer validated.
    public async Task<Page> AskAsync(string query, bool post = false)
    {
        HttpResponseMessage response;
        if (post)
        {
            var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : "")));
            response = await client.PostAsync("/oai", new FormUrlEncodedContent(pairs));
        }
        else
            response = await client.GetAsync("/oai?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        XmlSchemas.AssertValid(text, $"/oai?{query}");
        return new Page(XDocument.Parse(text), text);
    }

    /// Every record (or header) of a list, following the tokens; and how many pages it took.
    public async Task<(List<XElement> Items, int Pages)> HarvestAsync(string verb, string arguments, Func<int, Task>? betweenPages = null)
    {
        var items = new List<XElement>();
        var page = await AskAsync($"verb={verb}&{arguments}");
        var pages = 1;
        var element = verb == "ListRecords" ? "record" : "header";
        while (true)
        {
            Assert.Empty(page.Errors);
            items.AddRange(page.Root.Element(Oai + verb)!.Elements(Oai + element));
            var token = page.Token;
            if (token is null || token.Value.Length == 0)
                return (items, pages);
            if (betweenPages is not null)
                await betweenPages(pages);
            page = await AskAsync($"verb={verb}&resumptionToken={Uri.EscapeDataString(token.Value)}");
            pages++;
        }
    }

    public static string IdentifierOf(XElement recordOrHeader) =>
        (recordOrHeader.Name.LocalName == "header" ? recordOrHeader : recordOrHeader.Element(Oai + "header")!).Element(Oai + "identifier")!.Value;

    public static bool IsDeleted(XElement recordOrHeader) =>
        (string?)(recordOrHeader.Name.LocalName == "header" ? recordOrHeader : recordOrHeader.Element(Oai + "header")!).Attribute("status") == "deleted";
}
