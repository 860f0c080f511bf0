using System.Text.Json;
using Archive.Identity;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Web;

/// What a node keeps that another node must share or see: its key ring (in the database now, moved there from the data
/// folder where it used to be) and its place in the change log, reported by readiness.
public sealed class NodeStateTests
{
    [Fact]
    public async Task A_key_ring_kept_in_the_data_folder_moves_into_the_database_and_what_it_protected_still_opens()
    {
        await using var factory = new ArchiveHostFactory();
        var folder = Directory.CreateDirectory(Path.Combine(factory.DataPath, "keys"));
        var before = DataProtectionProvider.Create(folder, builder => builder.SetApplicationName("Archive")).CreateProtector("archive-test");
        var sealedText = before.Protect("a cookie from before the move");

        var client = await factory.ReadyClientAsync();
        using var scope = factory.Services.CreateScope();
        var names = scope.ServiceProvider.GetRequiredService<IdentityDb>().DataProtectionKeys.Select(k => k.FriendlyName).ToList();
        Assert.Contains(names, n => n != null && folder.GetFiles("key-*.xml").Any(f => Path.GetFileNameWithoutExtension(f.Name) == n));
        var after = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("archive-test");
        Assert.Equal("a cookie from before the move", after.Unprotect(sealedText));

        // The one node of an embedded archive leads (within the leadership's interval of being ready).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement ready;
        do
            ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;
        while (!ready.GetProperty("leader").GetBoolean() && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true));
        Assert.Equal(Environment.MachineName, ready.GetProperty("node").GetString());
        Assert.True(ready.GetProperty("leader").GetBoolean());
        var log = ready.GetProperty("changeLog");
        Assert.True(log.GetProperty("head").GetInt64() > 0);
        Assert.Equal(log.GetProperty("head").GetInt64(), log.GetProperty("position").GetInt64());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("change log").GetProperty("status").GetString());
        // Not in a cluster: answers do not name their node.
        Assert.False((await client.GetAsync("/health/live")).Headers.Contains("X-Archive-Node"));
    }
}
