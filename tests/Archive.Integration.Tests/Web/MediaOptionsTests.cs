using Archive.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Archive.Integration.Tests.Web;

public sealed class MediaOptionsTests
{
    private static string[] Presets(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ArchiveOptions.Section).Get<ArchiveOptions>()!.Media.EffectivePresets.ToArray();

    [Fact]
    public void Configured_presets_replace_the_defaults_rather_than_adding_to_them()
    {
        Assert.Equal(MediaOptions.DefaultPresets, Presets(new() { ["Archive:DataPath"] = "data" }));
        Assert.Equal(["width=800&format=webp"], Presets(new() { ["Archive:Media:Presets:0"] = "width=800&format=webp" }));
        Assert.Empty(Presets(new() { ["Archive:Media:Presets:0"] = "" }));
    }
}
