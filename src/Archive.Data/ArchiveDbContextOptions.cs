using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Archive.Data;

public static class ArchiveDbContextOptions
{
    /// Settings every provider shares; the provider itself is chosen by the host.
    public static DbContextOptionsBuilder<ArchiveDbContext> UseArchiveDefaults(this DbContextOptionsBuilder<ArchiveDbContext> builder)
    {
        builder.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
        builder.AddInterceptors(Cluster.ChangeLogOrder.Instance);
        return builder;
    }
}
