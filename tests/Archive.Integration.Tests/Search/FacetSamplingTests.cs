using System.Text.Json;
using Archive.Integration.Tests.Web;

namespace Archive.Integration.Tests.Search;

/// Above `Archive:Search:FacetsExactUpTo` hits, facets are counted from a sample and every public answer says so: the
/// search API with the method, the sample's size and each count's margin; the site with "≈" and a note. (The limit is
/// set low here so the demo catalogue goes past it; the estimates themselves are checked in the search library's tests.)
public sealed class FacetSamplingTests(FacetSamplingTests.Host host) : IClassFixture<FacetSamplingTests.Host>
{
    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public Host() => Settings["Archive:Search:FacetsExactUpTo"] = "8";

        public async Task InitializeAsync() => await ReadyClientAsync();

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private const string Api = "/umbraco/delivery/api/v2";

    private async Task<JsonElement> SearchAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/search?{query}");
        request.Headers.Add("Accept-Language", "ru");
        var response = await host.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_search_api_says_a_broad_query_s_facets_were_sampled_with_a_margin_on_each_count()
    {
        var broad = await SearchAsync("q=образец&facets=institution,century&take=0");
        var total = broad.GetProperty("total").GetInt32();
        Assert.True(total > 16, $"{total} hits are too few to be sampled at a limit of 8");
        var counting = broad.GetProperty("facetCounting");
        Assert.Equal("sample", counting.GetProperty("method").GetString());
        Assert.Equal(total, counting.GetProperty("of").GetInt32());
        Assert.InRange(counting.GetProperty("sampled").GetInt32(), 1, total - 1);
        Assert.Equal(0.95, counting.GetProperty("confidence").GetDouble());
        var institutions = broad.GetProperty("facets").GetProperty("institution").EnumerateArray().ToList();
        Assert.NotEmpty(institutions);
        Assert.All(institutions, v => Assert.True(v.GetProperty("margin").GetInt32() >= 0));

        // Narrow enough, the counts are exact and carry no margin.
        var narrow = await SearchAsync("q=самовар&facets=institution&take=0");
        Assert.InRange(narrow.GetProperty("total").GetInt32(), 1, 8);
        Assert.Equal("exact", narrow.GetProperty("facetCounting").GetProperty("method").GetString());
        Assert.All(narrow.GetProperty("facets").GetProperty("institution").EnumerateArray(), v => Assert.False(v.TryGetProperty("margin", out _)));
    }

    [Theory]
    [InlineData("en", "Counts estimated from a sample of")]
    [InlineData("ru", "Числа оценены по выборке")]
    public async Task The_site_marks_sampled_counts_as_about_and_says_from_how_many(string culture, string note)
    {
        var page = await host.CreateClient().GetStringAsync($"/{culture}/search");
        Assert.Contains(note, page);
        Assert.Contains("<span class=\"badge\">≈", page);
    }
}
