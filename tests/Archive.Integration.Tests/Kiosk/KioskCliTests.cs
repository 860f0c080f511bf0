using Archive.Data;
using Archive.Data.Entities;
using Archive.Engine.Kiosks;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Archive.Integration.Tests.Kiosk;

/// The fleet from the command line: a screen's code pairs it with a kiosk, `kiosk list` shows it, `kiosk revoke`
/// ends it; a wrong code or kiosk is refused with the reason and exit code 1.
public sealed class KioskCliTests
{
    [Fact]
    public async Task A_technician_pairs_lists_and_revokes_a_screen_from_the_command_line()
    {
        var data = Paths.TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["Archive__DataPath"] = data, ["Archive__Media__RootPath"] = Path.Combine(data, "media"), ["Archive__USync__ExportOnSave"] = "false",
        };
        Task<(int Code, string Output)> Run(params string[] args) => HostProcess.RunAsync(environment, args);
        var import = await Run("usync", "import", Paths.ArchiveUSync, "--media", Paths.ArchiveMedia);
        Assert.True(import.Code == 0, import.Output);

        // A screen waiting with its code (as /kiosk/api/pairing leaves it).
        var code = PairingCode.New();
        await using (var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={Path.Combine(data, "archive.db")}").UseArchiveDefaults().Options))
        {
            db.KioskPairings.Add(new KioskPairingEntity
            {
                Id = Guid.NewGuid(), Code = code, SecretHash = PairingCode.Hash(PairingCode.NewSecret()), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddMinutes(10),
            });
            await db.SaveChangesAsync();
        }
        var wrongKiosk = await Run("kiosk", "pair", PairingCode.Display(code), "--kiosk", Guid.NewGuid().ToString());
        Assert.Equal(1, wrongKiosk.Code);
        Assert.Contains("no kiosk item", wrongKiosk.Output);
        var wrongCode = await Run("kiosk", "pair", "AAAA-AAAA", "--kiosk", KioskHost.DemoKiosk);
        Assert.Equal(1, wrongCode.Code);
        Assert.Contains("code:", wrongCode.Output);

        var paired = await Run("kiosk", "pair", PairingCode.Display(code).ToLowerInvariant(), "--kiosk", KioskHost.DemoKiosk, "--name", "Hall 2, by the window");
        Assert.True(paired.Code == 0, paired.Output);
        var device = System.Text.RegularExpressions.Regex.Match(paired.Output, @"\(([0-9a-f-]{36})\)").Groups[1].Value;
        var list = await Run("kiosk", "list");
        Assert.Contains(device, list.Output);
        Assert.Contains("awaiting", list.Output);
        Assert.Equal(0, (await Run("kiosk", "revoke", device)).Code);
        Assert.Contains("revoked", (await Run("kiosk", "list")).Output);
        Assert.Equal(1, (await Run("kiosk", "revoke", Guid.NewGuid().ToString())).Code);
    }
}
