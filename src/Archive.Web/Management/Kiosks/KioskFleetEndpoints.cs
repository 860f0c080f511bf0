using System.Globalization;
using Archive.Data;
using Archive.Data.Entities;
using Archive.Data.Exhibitions;
using Archive.Data.Kiosks;
using Archive.Engine.Exhibitions;
using Archive.Engine.Kiosks;
using Archive.Kiosk;
using Archive.Kiosk.Bundles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Archive.Web.Management.Kiosks;

/// Archive's own: the kiosk fleet. Everyone signed in sees the kiosks, their screens and their use; curators pair a
/// screen by the code it shows and revoke it.
public static class KioskFleetEndpoints
{
    public static void MapKioskFleet(this RouteGroupBuilder api)
    {
        // Only where the kiosk application is built and on (`Archive:Kiosks:Enabled`).
        if (((IEndpointRouteBuilder)api).ServiceProvider.GetService<KioskBundles>() is null)
            return;
        var kiosks = api.MapGroup("archive/kiosk").WithTags("Archive");
        kiosks.MapGet("", ListAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveKiosk");
        kiosks.MapGet("{id:guid}", OneAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveKioskById");
        kiosks.MapPost("{id:guid}/pair", PairAsync).RequireAuthorization(ManagementPolicies.Reviewer).WithName("PostArchiveKioskByIdPair");
        kiosks.MapDelete("device/{deviceId:guid}", RevokeAsync).RequireAuthorization(ManagementPolicies.Reviewer).WithName("DeleteArchiveKioskDeviceByDeviceId");
        kiosks.MapGet("{id:guid}/usage", UsageAsync).RequireAuthorization(ManagementPolicies.Signed).WithName("GetArchiveKioskByIdUsage");
    }

    private static IQueryable<NodeEntity> KioskNodes(ArchiveDbContext db) => db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == KioskSettings.Type && !n.Trashed && !n.IsMedia);

    private static async Task<IResult> ListAsync(string? culture, ArchiveDbContext db, KioskDevices devices, KioskBundles bundles, IOptions<KioskOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var nodes = await KioskNodes(db).OrderBy(n => n.Path).ToListAsync(ct);
        return Results.Ok(await ViewsAsync(nodes, culture, db, devices, bundles, options.Value, clock, ct));
    }

    private static async Task<IResult> OneAsync(Guid id, string? culture, ArchiveDbContext db, KioskDevices devices, KioskBundles bundles, IOptions<KioskOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var node = await KioskNodes(db).FirstOrDefaultAsync(n => n.Key == id, ct);
        return node is null ? NotFound(id) : Results.Ok((await ViewsAsync([node], culture, db, devices, bundles, options.Value, clock, ct))[0]);
    }

    private static IResult NotFound(Guid id) => Results.Problem(title: "Not found", detail: $"No kiosk with key {id}.", statusCode: 404);

    private static async Task<List<KioskResponseModel>> ViewsAsync(IReadOnlyList<NodeEntity> nodes, string? culture, ArchiveDbContext db, KioskDevices devices,
        KioskBundles bundles, KioskOptions options, TimeProvider clock, CancellationToken ct)
    {
        var parents = await db.Nodes.AsNoTracking().Where(n => nodes.Select(k => k.ParentId).Contains(n.Id)).Select(n => new { n.Id, n.Key }).ToDictionaryAsync(n => n.Id, n => n.Key, ct);
        var names = await NodeNames.ReadAsync(db, nodes.Select(n => n.Key).Concat(parents.Values), culture ?? "", ct);
        var all = await devices.ListAsync(nodes.Count == 1 ? nodes[0].Key : null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var views = new List<KioskResponseModel>();
        foreach (var node in nodes)
        {
            var built = bundles.Get(node.Key);
            Guid? parent = node.ParentId is { } p && parents.TryGetValue(p, out var key) ? key : null;
            var screens = all.Where(d => d.KioskKey == node.Key).Select(d => Device(d, built?.Version, options, now)).ToList();
            var flags = screens.Where(s => s.State != "revoked").SelectMany(s => s.Flags).Distinct().ToList();
            if (built is null)
                flags.Add("unpublished");
            views.Add(new KioskResponseModel(node.Key, names.GetValueOrDefault(node.Key) ?? "", built is not null, parent, parent is { } k ? names.GetValueOrDefault(k) : null,
                built?.Version, built?.Bundle.Items.Count ?? 0, built?.Bundle.Files.Count ?? 0, built?.Json.Length, built?.Bundle.Problems ?? [], flags, screens));
        }
        return views;
    }

    private static string? At(DateTime? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static KioskDeviceResponseModel Device(KioskDeviceEntity d, string? current, KioskOptions options, DateTime now)
    {
        var state = d.RevokedAt is not null ? "revoked" : d.TokenHash is null ? "awaiting" : d.LastSeenAt is { } seen && now - seen <= options.SilentAfter ? "online" : "silent";
        var flags = new List<string>();
        if (state == "silent")
            flags.Add("silent");
        if (state is "online" or "silent" && d.BundleBehindSince is { } behind && now - behind > options.StaleAfter)
            flags.Add("stale");
        if (state != "revoked" && d.LastErrorAt is { } error && now - error < TimeSpan.FromDays(1))
            flags.Add("error");
        return new KioskDeviceResponseModel(d.Id, d.Name, state, flags, At(d.PairedAt)!, d.PairedBy, At(d.LastSeenAt), d.AppVersion, d.BundleVersion,
            current is not null && d.BundleVersion == current, d.FreeStorageBytes, d.LastError, At(d.LastErrorAt), d.Screen, At(d.RevokedAt), d.RevokedBy);
    }

    private static async Task<IResult> PairAsync(HttpContext context, Guid id, ArchiveDbContext db, KioskDevices devices, KioskBundles bundles, IOptions<KioskOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<KioskPairRequestModel>(context);
        if (problem is not null)
            return problem;
        if (!await KioskNodes(db).AnyAsync(n => n.Key == id, ct))
            return NotFound(id);
        var (device, field, detail) = await devices.PairAsync(body!.Code, id, body.Name, Caller.From(context.User).Actor, ct);
        if (device is null)
            return ManagementRequests.Invalid("$." + field, detail!);
        context.Response.Headers["Umb-Generated-Resource"] = device.Id.ToString();
        return Results.Created($"{ManagementSecurity.Root}/archive/kiosk/{id}", Device(device, bundles.Get(id)?.Version, options.Value, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<IResult> RevokeAsync(HttpContext context, Guid deviceId, KioskDevices devices, CancellationToken ct) =>
        await devices.RevokeAsync(deviceId, Caller.From(context.User).Actor, ct)
            ? Results.Ok()
            : Results.Problem(title: "Not found", detail: $"No kiosk screen with id {deviceId}.", statusCode: 404);

    private static async Task<IResult> UsageAsync(Guid id, string? from, string? to, string? culture, ArchiveDbContext db, KioskUsage usage, TimeProvider clock, CancellationToken ct)
    {
        var today = ExhibitionDays.Today(clock);
        if (!Day(from, today.AddDays(-30), out var start))
            return ManagementRequests.Invalid("from", "A day, yyyy-mm-dd.");
        if (!Day(to, today, out var end))
            return ManagementRequests.Invalid("to", "A day, yyyy-mm-dd.");
        if (end < start)
            return ManagementRequests.Invalid("to", "The period ends before it starts.");
        if (!await KioskNodes(db).AnyAsync(n => n.Key == id, ct))
            return NotFound(id);
        var rows = await usage.ReadAsync(id, start, end, ct);
        var opened = rows.Where(r => r.Kind == "open").GroupBy(r => Guid.Parse(r.Subject))
            .Select(g => (Key: g.Key, Count: g.Sum(r => r.Count), Dwell: g.Sum(r => r.DwellMilliseconds))).OrderByDescending(o => o.Count).ToList();
        var names = await NodeNames.ReadAsync(db, opened.Select(o => o.Key), culture ?? "", ct);
        return Results.Ok(new KioskUsageResponseModel(id, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rows.Where(r => r.Kind == "visit").Sum(r => r.Count),
            opened.Select(o => new KioskUsageItemModel(o.Key, names.GetValueOrDefault(o.Key), o.Count, o.Dwell, o.Count == 0 ? 0 : o.Dwell / o.Count)).ToList(),
            rows.Where(r => r.Kind == "language").GroupBy(r => r.Subject).Select(g => new KioskUsageLanguageModel(g.Key, g.Sum(r => r.Count))).OrderByDescending(l => l.Count).ToList()));
    }

    private static bool Day(string? text, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
