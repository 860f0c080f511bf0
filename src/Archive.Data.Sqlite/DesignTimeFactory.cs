using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Archive.Data.Sqlite;

/// Lets `dotnet ef migrations add` build the context for SQLite.
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ArchiveDbContext>()
        .UseSqlite("Data Source=design.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
        .UseArchiveDefaults()
        .Options);
}

/// The same for the accounts context.
public sealed class IdentityDesignTimeFactory : IDesignTimeDbContextFactory<Archive.Identity.IdentityDb>
{
    public Archive.Identity.IdentityDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<Archive.Identity.IdentityDb>()
        .UseSqlite("Data Source=design.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name).MigrationsHistoryTable(Archive.Identity.IdentityDb.MigrationsHistoryTable))
        .Options);
}
