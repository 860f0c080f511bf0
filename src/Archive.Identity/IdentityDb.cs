using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Archive.Identity;

/// Accounts, roles, grants and OAuth clients and tokens (OpenIddict), and the key ring that protects cookies and tokens
/// (ASP.NET Core Data Protection), in the archive's database with a migration history of their own: every node of a
/// cluster reads the same keys, so what one node signed or encrypted every other accepts.
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<ArchiveUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__IdentityMigrationsHistory";

    public DbSet<UserGrant> Grants => Set<UserGrant>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<ArchiveUser>(e =>
        {
            e.Property(u => u.Name).HasMaxLength(256);
            e.Property(u => u.LanguageIsoCode).HasMaxLength(32);
            e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasMany(u => u.Grants).WithOne().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserGrant>(e =>
        {
            e.ToTable("UserGrants");
            e.HasKey(g => new { g.UserId, g.NodeKey });
        });
    }
}
