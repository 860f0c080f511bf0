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
