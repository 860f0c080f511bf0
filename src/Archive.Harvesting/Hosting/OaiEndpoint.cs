using System.Text;
using System.Xml;
using Archive.Data;
using Archive.Delivery.Cache;
using Archive.Harvesting.Oai;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archive.Harvesting.Hosting;

/// `/oai`: the OAI-PMH 2.0 repository, GET and POST (`application/x-www-form-urlencoded`). Every answer is an
/// OAI-PMH document with HTTP 200, errors included, as the protocol has it; the records are the public projection's
/// artefacts, as the harvest records list them.
public static class OaiEndpoint
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/oai", Answer).RequireCors("harvesting").ExcludeFromDescription();
        app.MapPost("/oai", Answer).RequireCors("harvesting").ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task Answer(HttpContext http, ArchiveDbContext db, PublishedCache cache, IOptions<HarvestingOptions> options,
        IDataProtectionProvider protection, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        IEnumerable<KeyValuePair<string, string[]>> raw;
        OaiError? transport = null;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
            {
                raw = [];
                transport = new OaiError("badArgument", "A POST request carries its arguments as application/x-www-form-urlencoded.");
            }
            else
            {
                try
                {
                    raw = (await http.Request.ReadFormAsync(ct)).Select(p => KeyValuePair.Create(p.Key, p.Value.Select(v => v ?? "").ToArray())).ToList();
                }
                catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
                {
                    raw = [];
                    transport = new OaiError("badArgument", "The request's form could not be read.");
                }
            }
        }
        else
            raw = http.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.Select(v => v ?? "").ToArray())).ToList();

        var links = PublicBase.LinksOf(http);
        var now = clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var (request, errors) = transport is null ? OaiRequest.Parse(raw) : (null, [transport]);
        OaiAnswer answer;
        if (request is null)
            answer = new OaiAnswer(errors, null);
        else
        {
            var identifierNamespace = options.Value.RepositoryIdentifier ?? new Uri(links.BaseUrl).Host;
            var context = new OaiContext(request, db, cache, options.Value, links, identifierNamespace, protection, now);
            answer = request.Verb switch
            {
                "Identify" => await Identify.AnswerAsync(context, ct),
                "ListMetadataFormats" => await ListMetadataFormats.AnswerAsync(context, ct),
                "ListSets" => ListSets.Answer(context),
                "GetRecord" => await GetRecord.AnswerAsync(context, ct),
                "ListIdentifiers" => await ListRecords.AnswerAsync(context, headersOnly: true, ct),
                _ => await ListRecords.AnswerAsync(context, headersOnly: false, ct),
            };
        }

        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            const string ns = OaiContext.OaiNamespace;
            w.WriteStartDocument();
            w.WriteStartElement("OAI-PMH", ns);
            w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", $"{ns} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            w.WriteElementString("responseDate", ns, OaiContext.Format(now));
            w.WriteStartElement("request", ns);
            // badVerb and badArgument echo no argument; any other answer echoes the request's.
            if (request is not null && !answer.Errors.Any(e => e.Code is "badVerb" or "badArgument"))
            {
                w.WriteAttributeString("verb", request.Verb);
                foreach (var (name, value) in request.Arguments)
                    w.WriteAttributeString(name, value);
            }
            w.WriteString(links.BaseUrl + "/oai");
            w.WriteEndElement();
            foreach (var error in answer.Errors)
            {
                w.WriteStartElement("error", ns);
                w.WriteAttributeString("code", error.Code);
                w.WriteString(error.Message);
                w.WriteEndElement();
            }
            answer.Write?.Invoke(w);
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        http.Response.ContentType = "text/xml; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
    }
}
