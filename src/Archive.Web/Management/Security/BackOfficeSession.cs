namespace Archive.Web.Management.Security;

/// How long a back-office session lasts, under Umbraco's setting names: Umbraco:CMS:Global:TimeOut (20
/// minutes by default) is the session — the refresh token's life, renewed with each refresh — and access
/// tokens live a quarter of it, which is what the back office's token-check worker assumes.
/// Umbraco:CMS:Security:KeepUserLoggedIn keeps people signed in while the page is open.
public sealed record BackOfficeSession(TimeSpan TimeOut, bool KeepUserLoggedIn)
{
    public TimeSpan AccessTokenLifetime => TimeOut / 4;

    public static BackOfficeSession From(IConfiguration configuration) => new(
        configuration.GetValue("Umbraco:CMS:Global:TimeOut", TimeSpan.FromMinutes(20)) is var timeOut && timeOut >= TimeSpan.FromMinutes(1) ? timeOut : TimeSpan.FromMinutes(20),
        configuration.GetValue("Umbraco:CMS:Security:KeepUserLoggedIn", false));
}
