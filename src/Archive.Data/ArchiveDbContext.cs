using Archive.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data;

public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<LanguageEntity> Languages => Set<LanguageEntity>();
    public DbSet<SchemaItemEntity> SchemaItems => Set<SchemaItemEntity>();
    public DbSet<DictionaryItemEntity> DictionaryItems => Set<DictionaryItemEntity>();
    public DbSet<DomainEntity> Domains => Set<DomainEntity>();
    public DbSet<NodeEntity> Nodes => Set<NodeEntity>();
    public DbSet<NodeCultureEntity> NodeCultures => Set<NodeCultureEntity>();
    public DbSet<NodeVersionEntity> NodeVersions => Set<NodeVersionEntity>();

    /// Versions whose stored data contains the text anywhere (a key, a UDI, a URL): how references
    /// are found without a relation table. PostgreSQL keeps the data as jsonb, searched as its text.
    public IQueryable<NodeVersionEntity> VersionsMentioning(string text) =>
        Database.IsPostgres()
            ? NodeVersions.FromSqlInterpolated($"SELECT * FROM \"NodeVersions\" WHERE strpos(\"Data\"::text, {text}) > 0")
            : NodeVersions.FromSqlInterpolated($"SELECT * FROM \"NodeVersions\" WHERE instr(\"Data\", {text}) > 0");
    public DbSet<ScheduleEntity> Schedules => Set<ScheduleEntity>();
    public DbSet<AuditEntity> Audit => Set<AuditEntity>();
    public DbSet<ChangeLogEntity> ChangeLog => Set<ChangeLogEntity>();
    public DbSet<UniqueValueEntity> UniqueValues => Set<UniqueValueEntity>();
    public DbSet<RedirectUrlEntity> RedirectUrls => Set<RedirectUrlEntity>();
    public DbSet<MovementEntity> Movements => Set<MovementEntity>();
    public DbSet<ConditionCheckEntity> ConditionChecks => Set<ConditionCheckEntity>();
    public DbSet<HomeLocationEntity> HomeLocations => Set<HomeLocationEntity>();
    public DbSet<CrateEntity> Crates => Set<CrateEntity>();
    public DbSet<KioskDeviceEntity> KioskDevices => Set<KioskDeviceEntity>();
    public DbSet<KioskPairingEntity> KioskPairings => Set<KioskPairingEntity>();
    public DbSet<KioskUsageEntity> KioskUsage => Set<KioskUsageEntity>();
    public DbSet<HarvestRecordEntity> HarvestRecords => Set<HarvestRecordEntity>();
    public DbSet<HarvestActivityEntity> HarvestActivities => Set<HarvestActivityEntity>();
    public DbSet<HarvestStateEntity> HarvestState => Set<HarvestStateEntity>();
    public DbSet<ImportBatchEntity> ImportBatches => Set<ImportBatchEntity>();
    public DbSet<ImportBatchItemEntity> ImportBatchItems => Set<ImportBatchItemEntity>();
    public DbSet<SpreadsheetMappingEntity> SpreadsheetMappings => Set<SpreadsheetMappingEntity>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        var json = Database.IsPostgres() ? "jsonb" : null;

        b.Entity<LanguageEntity>(e =>
        {
            e.HasKey(x => x.IsoCode);
            e.Property(x => x.IsoCode).HasMaxLength(20);
        });
        b.Entity<SchemaItemEntity>(e =>
        {
            e.HasKey(x => x.Key);
            e.HasIndex(x => new { x.Kind, x.Alias });
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Alias).HasMaxLength(255);
        });
        b.Entity<DictionaryItemEntity>(e =>
        {
            e.HasKey(x => x.Key);
            e.HasIndex(x => x.ItemKey).IsUnique();
        });
        b.Entity<DomainEntity>(e => e.HasKey(x => x.Key));
        b.Entity<NodeEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.ParentId, x.SortOrder });
            e.HasIndex(x => x.Path);
            e.Property(x => x.ContentTypeAlias).HasMaxLength(255);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasOne<NodeEntity>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<NodeCultureEntity>(e =>
        {
            e.HasKey(x => new { x.NodeId, x.Culture });
            e.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.HasIndex(x => new { x.Culture, x.UrlSegment });
        });
        b.Entity<NodeVersionEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.NodeId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.NodeId, x.IsDraft });
            e.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
            if (json is not null)
                e.Property(x => x.Data).HasColumnType(json);
        });
        b.Entity<ScheduleEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Date);
            e.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AuditEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EntityKey, x.Timestamp });
        });
        b.Entity<ChangeLogEntity>(e =>
        {
            e.HasKey(x => x.Id);
            // Readers ask "what is the newest schema change?" on every write.
            e.HasIndex(x => new { x.EntityType, x.Id });
        });
        b.Entity<UniqueValueEntity>(e =>
        {
            e.HasKey(x => new { x.ScopeKey, x.Alias, x.Value });
            e.HasIndex(x => x.NodeId);
            e.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RedirectUrlEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.Property(x => x.Path).HasMaxLength(2000);
            e.HasIndex(x => new { x.RootKey, x.Culture, x.Path }).IsUnique();
            e.HasIndex(x => x.ContentKey);
        });
        b.Entity<MovementEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Key).IsUnique();
            // "Where was it then": a subject's entries by departure; "what is here": entries by destination.
            e.HasIndex(x => new { x.Subject, x.Departed });
            e.HasIndex(x => x.To);
            e.HasIndex(x => x.Crate);
            e.HasIndex(x => x.Stop);
            e.HasIndex(x => x.Supersedes);
            e.Property(x => x.Reason).HasMaxLength(40);
        });
        b.Entity<ConditionCheckEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.Object, x.Checked });
            e.HasIndex(x => x.Stop);
            e.Property(x => x.Grade).HasMaxLength(40);
        });
        b.Entity<HomeLocationEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Object, x.Since });
            e.HasIndex(x => x.Location);
        });
        b.Entity<CrateEntity>(e =>
        {
            e.HasKey(x => x.Key);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Number).HasMaxLength(100);
        });
        b.Entity<KioskDeviceEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.KioskKey);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.PairedBy).HasMaxLength(256);
            e.Property(x => x.RevokedBy).HasMaxLength(256);
            e.Property(x => x.AppVersion).HasMaxLength(100);
            e.Property(x => x.BundleVersion).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.Property(x => x.Screen).HasMaxLength(40);
        });
        b.Entity<KioskPairingEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.SecretHash).IsUnique();
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.SecretHash).HasMaxLength(64);
        });
        b.Entity<KioskUsageEntity>(e =>
        {
            e.HasKey(x => new { x.KioskKey, x.Day, x.Kind, x.Subject });
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Subject).HasMaxLength(64);
        });
        b.Entity<HarvestRecordEntity>(e =>
        {
            e.HasKey(x => x.Key);
            // OAI lists walk records in datestamp order, then change-log position, then key: the resumption token's keyset.
            e.HasIndex(x => new { x.Datestamp, x.Sequence, x.Key });
            e.Property(x => x.ContentType).HasMaxLength(40);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Sets).HasMaxLength(4000);
        });
        b.Entity<HarvestActivityEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.ObjectType).HasMaxLength(20);
            e.Property(x => x.Type).HasMaxLength(10);
        });
        b.Entity<HarvestStateEntity>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.Position).IsConcurrencyToken();
        });
        b.Entity<ImportBatchEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(400);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.State).HasMaxLength(20);
            e.Property(x => x.Error).HasMaxLength(4000);
        });
        b.Entity<ImportBatchItemEntity>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.BatchId);
            e.Property(x => x.Action).HasMaxLength(20);
        });
        b.Entity<SpreadsheetMappingEntity>(e =>
        {
            e.HasKey(x => x.CollectionKey);
            e.Property(x => x.SavedBy).HasMaxLength(256);
        });
    }
}
