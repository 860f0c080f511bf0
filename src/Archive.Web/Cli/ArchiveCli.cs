using System.CommandLine;
using Archive.Web.Hosting;

namespace Archive.Web.Cli;

/// The host's command line: `usync import|export <folder>`. Commands run against the configured
/// database and exit; anything else starts the web host.
public static class ArchiveCli
{
    private static readonly string[] Commands = ["usync", "index", "media", "users", "kiosk", "import", "export", "backup"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddArchive();
        using var host = builder.Build();

        var root = new RootCommand("Archive: a headless CMS and digital archive for museum and private collections.");
        root.Subcommands.Add(USyncCommands.Create(host.Services));
        root.Subcommands.Add(IndexCommands.Create(host.Services));
        root.Subcommands.Add(MediaCommands.Create(host.Services));
        root.Subcommands.Add(UserCommands.Create(host.Services));
        root.Subcommands.Add(KioskCommands.Create(host.Services));
        root.Subcommands.Add(SpreadsheetCommands.Import(host.Services));
        root.Subcommands.Add(SpreadsheetCommands.Export(host.Services));
        root.Subcommands.Add(BackupCommands.Create(host.Services));
        return await root.Parse(args).InvokeAsync();
    }
}
