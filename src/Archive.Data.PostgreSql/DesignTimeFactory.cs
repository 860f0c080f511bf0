using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Archive.Data.PostgreSql;

/// Lets `dotnet ef migrations add` build the context for PostgreSQL (no server is contacted).
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ArchiveDbContext>()
        .UseNpgsql("Host=localhost;Database=archive_design", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
        .UseArchiveDefaults()
        .Options);
}

/// The same for the accounts context.
public sealed class IdentityDesignTimeFactory : IDesignTimeDbContextFactory<Archive.Identity.IdentityDb>
{
    public Archive.Identity.IdentityDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<Archive.Identity.IdentityDb>()
        .UseNpgsql("Host=localhost;Database=archive_design", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name).MigrationsHistoryTable(Archive.Identity.IdentityDb.MigrationsHistoryTable))
        .Options);
}
