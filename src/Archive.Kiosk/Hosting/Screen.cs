using System.Globalization;
using System.Text;
using Archive.Data.Entities;
using Archive.Data.Kiosks;
using Archive.Engine.Exhibitions;
using Archive.Kiosk.Bundles;
using Archive.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Kiosk.Hosting;

/// The requests of a paired screen: who it is, its bundle, the stream that tells it of a new one, its heartbeat and its
/// use statistics. A revoked or unknown device gets 401, and the screen returns to pairing.
public static class Screen
{
    public sealed record HeartbeatBody(string? AppVersion = null, string? BundleVersion = null, long? FreeStorageBytes = null, string? LastError = null, string? Screen = null);

    public sealed record UsageEntry(string Day, string Kind, long Count, string? Subject = null, long DwellMs = 0);

    public sealed record UsageBody(IReadOnlyList<UsageEntry> Counts);

    private static async Task<KioskDeviceEntity?> DeviceOf(HttpContext http, KioskDevices devices, CancellationToken ct) =>
        await devices.AuthenticateAsync(http.Request.Cookies[KioskCookies.Device], ct);

    private static IResult Unpaired(HttpContext http)
    {
        KioskCookies.Forget(http, KioskCookies.Device);
        return Results.Problem(statusCode: 401, title: "Not paired", detail: "This screen is not paired with a kiosk (or its pairing was revoked).");
    }

    public static async Task<IResult> DeviceAsync(HttpContext http, KioskDevices devices, CancellationToken ct)
    {
        Pairing.NoStore(http);
        return await DeviceOf(http, devices, ct) is { } device
            ? Results.Json(new { device = device.Id, kiosk = device.KioskKey, name = device.Name })
            : Unpaired(http);
    }

    public static async Task<IResult> BundleAsync(HttpContext http, KioskDevices devices, KioskBundles bundles, CancellationToken ct)
    {
        Pairing.NoStore(http);
        if (await DeviceOf(http, devices, ct) is not { } device)
            return Unpaired(http);
        if (bundles.Get(device.KioskKey) is not { } built)
            return Results.Problem(statusCode: 404, title: "Kiosk not published", detail: "The kiosk this screen is paired with is not published (or was removed): a curator publishes it to give the screen its content.");
        var etag = $"\"{built.Version}\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch == etag)
            return Results.StatusCode(304);
        return Results.Bytes(built.Json, "application/json; charset=utf-8");
    }

    /// Server-Sent Events: the current bundle version at once, then each new one; a comment every 15 seconds keeps
    /// proxies from closing a quiet stream, and tells the screen the line is alive. Ends when the device is revoked.
    public static async Task EventsAsync(HttpContext http, KioskDevices devices, KioskBundles bundles, CancellationToken ct)
    {
        if (await DeviceOf(http, devices, ct) is not { } device)
        {
            await Unpaired(http).ExecuteAsync(http);
            return;
        }
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache, no-transform";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var scopes = http.RequestServices.GetRequiredService<IServiceScopeFactory>();
        await Write(http, "retry: 5000\n\n", ct);
        string? sent = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var changed = bundles.ChangedAsync;
                var version = bundles.Get(device.KioskKey)?.Version ?? "";
                if (version != sent)
                {
                    await Write(http, $"event: bundle\ndata: {{\"version\":\"{version}\"}}\n\n", ct);
                    sent = version;
                }
                await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(15), ct));
                if (ct.IsCancellationRequested)
                    break;
                // A revoked device hears so at its next beat, and the stream ends.
                using (var scope = scopes.CreateScope())
                    if (await scope.ServiceProvider.GetRequiredService<KioskDevices>().FindAsync(device.Id, ct) is not { RevokedAt: null })
                    {
                        await Write(http, "event: revoked\ndata: {}\n\n", ct);
                        return;
                    }
                if (!changed.IsCompleted)
                    await Write(http, ": beat\n\n", ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The screen went away.
        }
        catch (IOException)
        {
            // The connection dropped.
        }
    }

    private static async Task Write(HttpContext http, string text, CancellationToken ct)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await http.Response.Body.FlushAsync(ct);
    }

    public static async Task<IResult> HeartbeatAsync(HttpContext http, KioskDevices devices, KioskBundles bundles, CancellationToken ct)
    {
        Pairing.NoStore(http);
        if (await DeviceOf(http, devices, ct) is not { } device)
            return Unpaired(http);
        var (body, problem) = await KioskRequests.ReadAsync<HeartbeatBody>(http);
        if (problem is not null)
            return problem;
        if (body!.FreeStorageBytes is < 0)
            return KioskRequests.Invalid("$.freeStorageBytes", "Free storage cannot be negative.");
        await devices.HeartbeatAsync(device, new KioskHeartbeat(body.AppVersion, body.BundleVersion, body.FreeStorageBytes, body.LastError, body.Screen),
            bundles.Get(device.KioskKey)?.Version, ct);
        // Renewed while in use: a screen that reports never loses its pairing to the cookie's age.
        KioskCookies.SetDevice(http, http.Request.Cookies[KioskCookies.Device]!);
        return Results.NoContent();
    }

    /// Aggregates only: per day, an item opened (count and total dwell), a language chosen, visits begun.
    public static async Task<IResult> UsageAsync(HttpContext http, KioskDevices devices, KioskUsage usage, SiteServices site, TimeProvider clock, CancellationToken ct)
    {
        Pairing.NoStore(http);
        if (await DeviceOf(http, devices, ct) is not { } device)
            return Unpaired(http);
        var (body, problem) = await KioskRequests.ReadAsync<UsageBody>(http);
        if (problem is not null)
            return problem;
        if (body!.Counts.Count > 5000)
            return KioskRequests.Invalid("$.counts", "At most 5000 counts at once.");
        var today = ExhibitionDays.Today(clock);
        var counts = new List<UsageCount>();
        for (var i = 0; i < body.Counts.Count; i++)
        {
            var entry = body.Counts[i];
            var at = $"$.counts[{i}]";
            if (!DateOnly.TryParseExact(entry.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day > today.AddDays(1) || day < today.AddDays(-400))
                return KioskRequests.Invalid(at + ".day", "A day (yyyy-mm-dd) within the last 400 days.");
            if (!KioskUsage.Kinds.Contains(entry.Kind))
                return KioskRequests.Invalid(at + ".kind", $"One of {string.Join(", ", KioskUsage.Kinds)}.");
            var typed = (entry.Subject ?? "").Trim();
            var subject = entry.Kind switch
            {
                "open" => Guid.TryParse(typed, out var key) ? key.ToString("D") : null,
                "language" => site.Cultures.Find(typed)?.Prefix,
                _ => typed.Length == 0 ? "" : null,
            };
            if (subject is null)
                return KioskRequests.Invalid(at + ".subject", entry.Kind switch
                {
                    "open" => "The key of the item opened.",
                    "language" => "A language of the archive (kk, kk-latn, ru, en…).",
                    _ => "Visits have no subject.",
                });
            if (entry.Count is < 0 or > 1_000_000)
                return KioskRequests.Invalid(at + ".count", "A count from 0 to 1,000,000.");
            if (entry.DwellMs < 0 || entry.DwellMs > entry.Count * 3_600_000L)
                return KioskRequests.Invalid(at + ".dwellMs", "Dwell time in milliseconds, at most an hour per count.");
            counts.Add(new UsageCount(day, entry.Kind, subject, entry.Count, entry.DwellMs));
        }
        await usage.AddAsync(device.KioskKey, counts, ct);
        return Results.NoContent();
    }
}
