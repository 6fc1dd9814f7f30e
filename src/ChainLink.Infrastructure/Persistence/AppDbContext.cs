using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Dashboard;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Programmes;
using ChainLink.Domain.Reference;
using ChainLink.Domain.Resources;
using ChainLink.Domain.Security;
using ChainLink.Infrastructure.Identity;
using ChainLink.Infrastructure.Outbox;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider clock)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    /// <summary>For design-time tools and model tests, which never save.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options) : this(options, TimeProvider.System) { }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<MajorCategory> MajorCategories => Set<MajorCategory>();
    public DbSet<Major> Majors => Set<Major>();
    public DbSet<Occupation> Occupations => Set<Occupation>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<SkillAlias> SkillAliases => Set<SkillAlias>();
    public DbSet<IndustryCluster> Clusters => Set<IndustryCluster>();
    public DbSet<MajorSkill> MajorSkills => Set<MajorSkill>();
    public DbSet<OccupationSkill> OccupationSkills => Set<OccupationSkill>();
    public DbSet<MajorOccupation> MajorOccupations => Set<MajorOccupation>();
    public DbSet<ClusterRegion> ClusterRegions => Set<ClusterRegion>();
    public DbSet<ClusterOccupation> ClusterOccupations => Set<ClusterOccupation>();
    public DbSet<ClusterMajor> ClusterMajors => Set<ClusterMajor>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<BarometerEdition> BarometerEditions => Set<BarometerEdition>();
    public DbSet<DemandFact> DemandFacts => Set<DemandFact>();
    public DbSet<TrainingBase> TrainingBases => Set<TrainingBase>();
    public DbSet<Mentor> Mentors => Set<Mentor>();
    public DbSet<RdPlatform> RdPlatforms => Set<RdPlatform>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    /// <summary>The Data Protection key ring on SQL Server, shared by every instance (cookies and tokens survive redeploys).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<TechnologyNeed> TechnologyNeeds => Set<TechnologyNeed>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Investment> Investments => Set<Investment>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<GraduateOutcome> GraduateOutcomes => Set<GraduateOutcome>();
    public DbSet<WhitePaperEdition> WhitePaperEditions => Set<WhitePaperEdition>();

    public void DiscardChanges() => ChangeTracker.Clear();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changed = OutboxChanges.Find(ChangeTracker);
        AddOutboxMessages(changed);
        var (demands, stored) = ChangedDemands(changed);
        UpdateDemandFacts(demands, stored.Count == 0 ? [] : DemandFacts.Where(f => stored.Contains(f.DemandId)).ToList());
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = OutboxChanges.Find(ChangeTracker);
        AddOutboxMessages(changed);
        var (demands, stored) = ChangedDemands(changed);
        UpdateDemandFacts(demands, stored.Count == 0 ? [] : await DemandFacts.Where(f => stored.Contains(f.DemandId)).ToListAsync(cancellationToken));
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every added, modified or deleted demand or programme — also one whose only change is in an owned collection
    /// (skills, modules) — gets an outbox row in the same SaveChanges, hence the same transaction: no command can
    /// change what the search index holds without telling it.
    /// </summary>
    private void AddOutboxMessages(IReadOnlyCollection<OutboxChanges.Change> changed)
    {
        if (changed.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        OutboxMessages.AddRange(changed.Select(c => new OutboxMessage { Kind = c.Kind, EntityId = c.Id, EntityVersion = c.Version, CreatedAt = now }));
    }

    /// <summary>The changed demands with their state, and the ids of those already stored (only those can have a fact).</summary>
    private static (List<(Demand Demand, EntityState State)> Demands, List<Guid> StoredIds) ChangedDemands(IReadOnlyCollection<OutboxChanges.Change> changed)
    {
        List<(Demand Demand, EntityState State)> demands = [.. changed.Where(c => c.Root.Entity is Demand).Select(c => ((Demand)c.Root.Entity, c.Root.State))];
        return (demands, [.. demands.Where(d => d.State != EntityState.Added).Select(d => d.Demand.Id)]);
    }

    /// <summary>
    /// The barometer's fact of every changed demand is added, updated or removed in the same SaveChanges as the demand
    /// (the same way as the outbox rows), so an edition never reads a fact out of step with its demand.
    /// </summary>
    private void UpdateDemandFacts(List<(Demand Demand, EntityState State)> changes, List<DemandFact> existing)
    {
        var byDemand = existing.ToDictionary(f => f.DemandId);
        foreach (var (demand, state) in changes)
        {
            var current = state == EntityState.Deleted ? null : DemandFact.Of(demand);
            var stored = byDemand.GetValueOrDefault(demand.Id);
            if (stored is null && current is not null) DemandFacts.Add(current);
            else if (stored is not null && current is null) DemandFacts.Remove(stored);
            else if (stored is not null && current is not null) stored.Update(current);
        }
    }

    public void ExpectVersion<TEntity>(TEntity entity, int version, string what) where TEntity : class
    {
        var property = Entry(entity).Property<int>("Version");
        if (property.CurrentValue != version)
            throw new ConflictException($"{what}在您读取后已被修改（您提交的版本号是 {version}，现在是 {property.CurrentValue}），请刷新后重试。");
        property.OriginalValue = version;
    }

    /// <summary>Every timestamp is UTC; SQLite forgets the kind, so it is restored on read.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
