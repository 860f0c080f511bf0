using Archive.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Web;

/// The archive living on a day the test chooses (and moves on): its clock is the test's.
public sealed class ArchiveHostOnADay(DateTimeOffset day) : ArchiveHostFactory
{
    public ManualClock Clock { get; } = new(day);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
