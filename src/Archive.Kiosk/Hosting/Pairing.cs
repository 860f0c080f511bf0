using Archive.Data.Kiosks;
using Archive.Engine.Kiosks;
using Microsoft.AspNetCore.Http;

namespace Archive.Kiosk.Hosting;

/// An unpaired screen asks for a code, shows it, and asks again every few seconds until a curator has entered it; the
/// answer that finds it paired sets the device cookie (the token is made then and handed over once).
public static class Pairing
{
    public static async Task<IResult> StartAsync(HttpContext http, KioskDevices devices, CancellationToken ct)
    {
        NoStore(http);
        if (await devices.StartPairingAsync(ct) is not { } started)
        {
            http.Response.Headers.RetryAfter = "60";
            return Results.Problem(statusCode: 429, title: "Too many screens are waiting to be paired", detail: "Codes expire after 15 minutes; try again shortly.");
        }
        KioskCookies.SetPairing(http, started.Secret, KioskDevices.PairingLife);
        return Results.Json(new { state = "waiting", code = PairingCode.Display(started.Pairing.Code), expiresAt = started.Pairing.ExpiresAt }, statusCode: 201);
    }

    public static async Task<IResult> CollectAsync(HttpContext http, KioskDevices devices, CancellationToken ct)
    {
        NoStore(http);
        switch (await devices.CollectAsync(http.Request.Cookies[KioskCookies.Pairing], ct))
        {
            case PairingState.Waiting waiting:
                return Results.Json(new { state = "waiting", code = PairingCode.Display(waiting.Code), expiresAt = waiting.ExpiresAt });
            case PairingState.Paired paired:
                KioskCookies.Forget(http, KioskCookies.Pairing);
                KioskCookies.SetDevice(http, paired.Token);
                return Results.Json(new { state = "paired", device = paired.Device.Id, kiosk = paired.Device.KioskKey, name = paired.Device.Name });
            default:
                KioskCookies.Forget(http, KioskCookies.Pairing);
                return Results.Problem(statusCode: 404, title: "No pairing", detail: "This screen has no code waiting: ask for a new one.");
        }
    }

    public static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
