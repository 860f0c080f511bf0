using Archive.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Archive.Integration.Tests.Harvesting.OaiHarvester;

namespace Archive.Integration.Tests.Harvesting;

/// Datestamps have whole seconds, and a busy catalogue changes many times a second: a harvest must not depend on the
/// clock having moved between its pages. The archive's clock stands still here, so every record, the pages and the
/// changes between them share one second.
public sealed class OaiSameSecondTests(OaiSameSecondTests.StillHost host) : IClassFixture<OaiSameSecondTests.StillHost>
{
    public sealed class StillHost : HarvestHost
    {
        public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task Records_changed_between_pages_within_the_second_come_again_later()
    {
        var oai = host.Harvester;
        var changed = new List<string>();
        var (headers, _) = await oai.HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc", async page =>
        {
            if (page != 1)
                return;
            // Every record already sent on the first page changes: whatever their keys, each must come again.
            var first = await oai.AskAsync("verb=ListIdentifiers&metadataPrefix=oai_dc");
            foreach (var identifier in first.Root!.Descendants(Oai + "identifier").Select(i => i.Value))
            {
                await host.RenameAsync(identifier.Split(':')[^1], "en", "Changed in the same second " + identifier[^4..]);
                changed.Add(identifier);
            }
        });
        var identifiers = headers.Select(IdentifierOf).ToList();
        var expected = host.PublicArtefacts().Select(k => HarvestHost.Identifier(k.ToString())).ToHashSet();
        Assert.Equal(expected, identifiers.ToHashSet());
        Assert.All(changed, c => Assert.Equal(2, identifiers.Count(i => i == c)));
        Assert.Equal(expected.Count + changed.Count, identifiers.Count);
        // The clock never moved: the datestamps did not either, and the order still carried the changes to the end.
        Assert.Single(headers.Select(h => h.Element(Oai + "datestamp")!.Value).Distinct());
    }
}
