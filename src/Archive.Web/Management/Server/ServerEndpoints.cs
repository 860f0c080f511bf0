using System.Reflection;

namespace Archive.Web.Management.Server;

/// Umbraco's server group: what the back office asks before anyone signs in (is the server running, how
/// may people sign in) and, once signed in, which version it talks to.
public static class ServerEndpoints
{
    public sealed record ServerStatusResponseModel(string ServerStatus);

    public sealed record ServerConfigurationResponseModel(bool AllowPasswordReset, int VersionCheckPeriod, bool AllowLocalLogin, string UmbracoCssPath);

    public sealed record ServerInformationResponseModel(string Version, string AssemblyVersion, string BaseUtcOffset, string RuntimeMode);

    /// Anonymous, as in Umbraco: the application cannot start without them.
    public static void MapServerAnonymous(this IEndpointRouteBuilder app)
    {
        var server = app.MapGroup(ManagementSecurity.Root + "/server").AllowAnonymous().WithGroupName(ManagementOpenApi.DocumentName).WithTags("Server").DescribeContracts();
        // Archive is either running or not answering at all: there is no install or upgrade mode.
        server.MapGet("status", () => Results.Ok(new ServerStatusResponseModel("Run"))).WithName("GetServerStatus");
        // No password-reset mails and no update checks; local accounts are the way in.
        server.MapGet("configuration", () => Results.Ok(new ServerConfigurationResponseModel(false, 0, true, "/umbraco/backoffice/css")))
            .WithName("GetServerConfiguration");
    }

    public static void MapServer(this RouteGroupBuilder api) =>
        api.MapGet("server/information", () =>
        {
            var assembly = typeof(ServerEndpoints).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "";
            var offset = TimeZoneInfo.Local.BaseUtcOffset;
            return Results.Ok(new ServerInformationResponseModel(version.Split('+')[0], assembly.GetName().Version?.ToString() ?? "",
                (offset < TimeSpan.Zero ? "-" : "") + offset.ToString(@"hh\:mm"), "Production"));
        }).WithName("GetServerInformation").WithTags("Server");
}
