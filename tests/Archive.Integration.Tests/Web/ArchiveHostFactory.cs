using Archive.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Archive.Integration.Tests.Web;

/// The real host on a temporary data folder and media store, seeded from the repository's uSync folder.
public class ArchiveHostFactory : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Paths.TempFolder();
    public string MediaRoot { get; } = Paths.TempFolder();
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Archive:DataPath", DataPath);
        builder.UseSetting("Archive:Media:RootPath", MediaRoot);
        builder.UseSetting("Archive:USync:Folder", Paths.ArchiveUSync);
        builder.UseSetting("Archive:USync:MediaFolder", Paths.ArchiveMedia);
        // The repository's own schema files are never written by tests; a test that changes the
        // schema points the host at a copy.
        builder.UseSetting("Archive:USync:ExportOnSave", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    public async Task<HttpClient> ReadyClientAsync(Uri? baseAddress = null)
    {
        // Redirects are for the test to see (the Delivery API's 301s name content routes, not URLs).
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = baseAddress ?? new Uri("http://localhost") });
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                return client;
            await Task.Delay(100);
        }
        throw new TimeoutException("The archive did not become ready in time.");
    }
}
