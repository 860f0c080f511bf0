using Microsoft.AspNetCore.Http;

namespace Archive.Kiosk.Hosting;

/// The screen's credentials live in HttpOnly cookies, never in its scripts: the pairing secret (while a code is shown)
/// and the device token (once paired). `SameSite=Strict`, scoped to /kiosk, `Secure` over HTTPS.
public static class KioskCookies
{
    public const string Device = "archive-kiosk";
    public const string Pairing = "archive-kiosk-pairing";

    /// Chromium keeps a cookie at most 400 days; every heartbeat renews it, so a screen in use never loses it.
    private static readonly TimeSpan DeviceLife = TimeSpan.FromDays(400);

    public static void SetDevice(HttpContext http, string token) => http.Response.Cookies.Append(Device, token, Options(http, DeviceLife));

    public static void SetPairing(HttpContext http, string secret, TimeSpan life) => http.Response.Cookies.Append(Pairing, secret, Options(http, life));

    public static void Forget(HttpContext http, string name) => http.Response.Cookies.Delete(name, Options(http, TimeSpan.Zero));

    private static CookieOptions Options(HttpContext http, TimeSpan life) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = KioskAssets.RequestPath,
        MaxAge = life,
        IsEssential = true,
    };
}
