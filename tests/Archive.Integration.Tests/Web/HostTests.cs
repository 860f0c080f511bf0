using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Archive.Data;
using Archive.Integration.Tests.Infrastructure;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Web;

public sealed class HostTests
{
    [Fact]
    public async Task The_archive_starts_on_embedded_defaults_seeds_the_demo_catalogue_and_reports_ready()
    {
        await using var factory = new ArchiveHostFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await factory.ReadyClientAsync();
        var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("startup").GetProperty("status").GetString());

        Assert.True(File.Exists(Path.Combine(factory.DataPath, "archive.db")));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.True(await db.Nodes.CountAsync(n => n.ContentTypeAlias == "artefact") >= 60);
        Assert.True(Directory.EnumerateFiles(factory.MediaRoot, "*.jpg", SearchOption.AllDirectories).Count() >= 60);
        Assert.Contains(await db.Audit.Select(a => a.Actor).Distinct().ToListAsync(), a => a == StartupImport.SystemActor);
    }

    [Fact]
    public async Task Readiness_says_start_up_failed_without_showing_anonymous_callers_why()
    {
        var folder = Paths.TempFolder();
        File.WriteAllText(Path.Combine(folder, "usync.config"), "<uSync format=\"10.7.0\" />");
        Directory.CreateDirectory(Path.Combine(folder, "Languages"));
        File.WriteAllText(Path.Combine(folder, "Languages", "secret-internal-name.config"), "<Language Key=");
        await using var factory = new ArchiveHostFactory();
        factory.Settings["Archive:USync:Folder"] = folder;
        var client = factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string body;
        do
        {
            body = await client.GetStringAsync("/health/ready").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "");
            if (body.Length == 0)
                body = await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync();
            Assert.True(DateTime.UtcNow < deadline, "start-up never failed");
            await Task.Delay(100);
        }
        while (!body.Contains("Start-up failed"));
        Assert.DoesNotContain("secret-internal-name", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(folder, body);
    }

    [Fact]
    public async Task A_restart_does_not_import_content_again_and_ImportContent_false_starts_empty()
    {
        await using var first = new ArchiveHostFactory();
        await first.ReadyClientAsync();
        int count;
        using (var scope = first.Services.CreateScope())
            count = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Nodes.CountAsync();

        await using var restarted = new ArchiveHostFactory();
        restarted.Settings["Archive:DataPath"] = first.DataPath;
        restarted.Settings["Archive:Media:RootPath"] = first.MediaRoot;
        await restarted.ReadyClientAsync();
        using (var scope = restarted.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            Assert.Equal(count, await db.Nodes.CountAsync());
            Assert.Equal(count, await db.NodeVersions.CountAsync());
        }

        await using var empty = new ArchiveHostFactory();
        empty.Settings["Archive:USync:ImportContent"] = "false";
        await empty.ReadyClientAsync();
        using (var scope = empty.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            Assert.False(await db.Nodes.AnyAsync());
            Assert.True(await db.SchemaItems.AnyAsync(s => s.Alias == "artefact"));
        }
    }

    [Fact]
    public void Relative_paths_resolve_against_the_repository_root()
    {
        var nested = Path.Combine(Paths.RepositoryRoot, "src", "Archive.Web", "bin");
        var paths = RepositoryPaths.Discover(nested);
        Assert.Equal(Paths.RepositoryRoot, paths.Root);
        Assert.Equal(Path.Combine(Paths.RepositoryRoot, "data"), paths.Resolve("data"));
        Assert.Equal("/tmp/elsewhere", paths.Resolve("/tmp/elsewhere"));
    }

    [Fact]
    public async Task The_command_line_imports_and_exports_a_uSync_folder()
    {
        var data = Paths.TempFolder();
        var media = Paths.TempFolder();
        var export = Paths.TempFolder();
        var clean = Path.Combine(Paths.CleanSite, "uSync", "v17");

        var import = await RunAsync(data, media, "usync", "import", clean, "--media", Path.Combine(Paths.CleanSite, "wwwroot", "media"));
        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("created:", import.Output);

        var exported = await RunAsync(data, media, "usync", "export", export);
        Assert.True(exported.ExitCode == 0, exported.Output);
        Assert.True(File.Exists(Path.Combine(export, "usync.config")));
        Assert.Equal(25, Directory.EnumerateFiles(Path.Combine(export, "Content")).Count());
        Assert.Equal(34, Directory.EnumerateFiles(Path.Combine(export, "media"), "*", SearchOption.AllDirectories).Count());

        var broken = Paths.TempFolder();
        File.WriteAllText(Path.Combine(broken, "usync.config"), "<uSync version=\"17.0.0.0\" format=\"10.7.0\" />");
        Directory.CreateDirectory(Path.Combine(broken, "Content"));
        File.WriteAllText(Path.Combine(broken, "Content", "bad.config"), "<Content Key=\"");
        var refused = await RunAsync(data, media, "usync", "import", broken);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Content/bad.config", refused.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string data, string media, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Archive__DataPath"] = data;
        start.Environment["Archive__Media__RootPath"] = media;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }
}
