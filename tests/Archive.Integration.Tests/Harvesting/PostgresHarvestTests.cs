using Archive.Integration.Tests.Infrastructure;
using static Archive.Integration.Tests.Harvesting.OaiHarvester;

namespace Archive.Integration.Tests.Harvesting;

/// The harvest records on PostgreSQL: the same keyset paging, set and date filters, and deleted records as on SQLite.
public sealed class PostgresHarvestTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private HarvestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = new HarvestHost();
        _host.Settings["Archive:Database:Provider"] = "PostgreSQL";
        _host.Settings["ConnectionStrings:Archive"] = _database.ConnectionString;
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_whole_harvest_by_set_and_date_with_a_deleted_record_works_on_postgresql()
    {
        var oai = _host.Harvester;
        var (records, pages) = await oai.HarvestAsync("ListRecords", "metadataPrefix=lido");
        Assert.True(pages > 2);
        Assert.Equal(_host.PublicArtefacts().Count, records.Select(IdentifierOf).Distinct().Count());
        var sets = (await oai.AskAsync("verb=ListSets")).Root.Descendants(Oai + "setSpec").Select(s => s.Value).ToList();
        var collectionSet = sets.Single(s => s.EndsWith(HarvestHost.KoreanCollection, StringComparison.Ordinal));
        var (inSet, _) = await oai.HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&set=" + collectionSet);
        Assert.Contains(inSet, h => IdentifierOf(h) == HarvestHost.Identifier(HarvestHost.Chest));

        var stamp = records.Select(r => r.Descendants(Oai + "datestamp").Single().Value).Max()!;
        await Task.Delay(1100);
        await _host.MakePrivateAsync(HarvestHost.Chest);
        var (since, _) = await oai.HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&from=" + stamp[..10]);
        Assert.True(IsDeleted(since.Single(h => IdentifierOf(h) == HarvestHost.Identifier(HarvestHost.Chest))));
    }
}
