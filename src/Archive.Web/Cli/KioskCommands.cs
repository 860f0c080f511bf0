using System.CommandLine;
using Archive.Data;
using Archive.Data.Kiosks;
using Archive.Engine.Kiosks;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Cli;

/// `kiosk pair <code> --kiosk <key> [--name]`, `kiosk list`, `kiosk revoke <device>`: the fleet from the command line,
/// for a technician setting up screens in a hall without the back office at hand.
public static class KioskCommands
{
    private const string Actor = "command line";

    public static Command Create(IServiceProvider services)
    {
        var kiosk = new Command("kiosk", "Kiosk screens: pair a screen by the code it shows, list screens, revoke one.");

        var code = new Argument<string>("code") { Description = "The code the screen shows (e.g. K7QM-4XRT)." };
        var key = new Option<Guid>("--kiosk") { Description = "The key of the kiosk item the screen shows.", Required = true };
        var name = new Option<string?>("--name") { Description = "A name for the screen (e.g. \"left of the entrance\")." };
        var pair = new Command("pair", "Bind the screen showing this code to a kiosk item.") { code, key, name };
        pair.SetAction(async (parse, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            await db.Database.MigrateAsync(ct);
            var kioskKey = parse.GetValue(key);
            if (!await db.Nodes.AnyAsync(n => n.Key == kioskKey && n.ContentTypeAlias == KioskSettings.Type && !n.Trashed, ct))
            {
                Console.Error.WriteLine($"There is no kiosk item {kioskKey}.");
                return 1;
            }
            var (device, field, problem) = await scope.ServiceProvider.GetRequiredService<KioskDevices>().PairAsync(parse.GetValue(code), kioskKey, parse.GetValue(name), Actor, ct);
            if (device is null)
            {
                Console.Error.WriteLine($"{field}: {problem}");
                return 1;
            }
            Console.WriteLine($"Paired \"{device.Name}\" ({device.Id}) with kiosk {kioskKey}; the screen loads its content at its next check (a few seconds).");
            return 0;
        });

        var list = new Command("list", "Every screen with its kiosk, state and last heartbeat.");
        list.SetAction(async (_, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
            foreach (var d in await scope.ServiceProvider.GetRequiredService<KioskDevices>().ListAsync(null, ct))
                Console.WriteLine($"{d.Id}  kiosk {d.KioskKey}  {(d.RevokedAt is not null ? "revoked" : d.TokenHash is null ? "awaiting" : "paired")}  " +
                                  $"last heard {d.LastSeenAt?.ToString("u") ?? "never"}  bundle {d.BundleVersion ?? "-"}  {d.Name}");
            return 0;
        });

        var device = new Argument<Guid>("device") { Description = "The screen's id (from `kiosk list`)." };
        var revoke = new Command("revoke", "Revoke a screen: its token stops working at once and it returns to pairing.") { device };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
            if (await scope.ServiceProvider.GetRequiredService<KioskDevices>().RevokeAsync(parse.GetValue(device), Actor, ct))
            {
                Console.WriteLine($"Revoked {parse.GetValue(device)}.");
                return 0;
            }
            Console.Error.WriteLine($"There is no screen {parse.GetValue(device)}.");
            return 1;
        });

        kiosk.Subcommands.Add(pair);
        kiosk.Subcommands.Add(list);
        kiosk.Subcommands.Add(revoke);
        return kiosk;
    }
}
