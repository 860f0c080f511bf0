using System.Text.Json.Nodes;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Web;
using Archive.Kiosk.Bundles;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Kiosk;

/// A kiosk at the demo's Almaty stop on a day it is open: the organiser's objects and those lent for the stop, each
/// lent one until its loan's end; the day after the loans end, the lent objects are gone from the bundle, whether or
/// not anything was published meanwhile; a private record on the checklist is never in it.
public sealed class KioskLoanDayTests : IAsyncLifetime
{
    private const string AlmatyStop = "1a21842f-8222-e867-fff6-def846d349b0";
    private const string PendingLoanObject = "c9f6b3db-d780-5373-adc3-069019f0bc84";
    private readonly ArchiveHostOnADay _host = new(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.FromHours(5)));

    public async Task InitializeAsync() => await _host.ReadyClientAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Lent_objects_show_until_their_loan_ends_and_leave_the_day_after()
    {
        Guid kiosk;
        using (var scope = _host.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var created = await content.CreateAsync(Guid.Parse(AlmatyStop), "kiosk", new ContentEdit
            {
                Names = new Dictionary<string, string> { ["kk"] = "Экран", ["ru"] = "Экран", ["en"] = "Screen" },
                Values = [new ValueEdit("languages", null, JsonValue.Create("en, kk"))],
            }, "test");
            kiosk = created.Key!.Value;
            Assert.True((await content.PublishAsync(kiosk, ["kk", "ru", "en"], "test")).Succeeded);
        }
        var bundles = _host.Services.GetRequiredService<KioskBundles>();
        KioskBundle? summer = null;
        for (var i = 0; i < 50 && summer is null; i++, await Task.Delay(100))
            summer = bundles.Get(kiosk)?.Bundle;
        Assert.NotNull(summer);
        Assert.Equal(12, summer.Items.Count);
        Assert.All(summer.Items, i => Assert.Equal(new DateOnly(2026, 9, 30), i.Until));
        Assert.DoesNotContain(summer.Items, i => i.Key == Guid.Parse(PendingLoanObject));
        Assert.Contains(summer.Items, i => i.Text["en"].Label is not null); // the stop's own wall labels

        _host.Clock.Now = new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.FromHours(5));
        Assert.Equal(12, bundles.Get(kiosk)!.Bundle.Items.Count);
        _host.Clock.Now = new DateTimeOffset(2026, 10, 1, 0, 30, 0, TimeSpan.FromHours(5));
        var autumn = bundles.Get(kiosk)!.Bundle;
        Assert.Empty(autumn.Items);
        Assert.NotEqual(summer.Version, autumn.Version);
    }
}
