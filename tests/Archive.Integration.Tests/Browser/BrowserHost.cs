using Archive.Integration.Tests.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// The archive on a real loopback port with Debian's Chromium driven by Playwright (one browser per class).
public class BrowserHost : ArchiveHostFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// Map tiles from a tile server the browser is given by Playwright (no network here): a plain square each.
    public const string TileServer = "https://tiles.example.test";

    public static readonly byte[] Tile = PlainTile();

    public BrowserHost()
    {
        Settings["Archive:Maps:TileUrl"] = TileServer + "/{z}/{x}/{y}.png";
        Settings["Archive:Maps:Attribution"] = "© OpenStreetMap contributors";
    }

    private static byte[] PlainTile()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(256, 256, new SixLabors.ImageSharp.PixelFormats.Rgb24(200, 220, 200));
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        return stream.ToArray();
    }

    public virtual async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await ReadyClientAsync(new Uri(BaseUrl));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Infrastructure.TestServices.File("/usr/bin/chromium", "Chromium"),
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }
}
