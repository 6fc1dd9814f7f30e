using ChainLink.Domain.Barometer;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Dashboard;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Programmes;
using ChainLink.Domain.Reference;
using ChainLink.Domain.Resources;
using ChainLink.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Common;

/// <summary>The write model and its unit of work; handlers use it directly (no repositories over EF Core).</summary>
public interface IAppDbContext
{
    DbSet<Region> Regions { get; }
    DbSet<MajorCategory> MajorCategories { get; }
    DbSet<Major> Majors { get; }
    DbSet<Occupation> Occupations { get; }
    DbSet<Skill> Skills { get; }
    DbSet<SkillAlias> SkillAliases { get; }
    DbSet<IndustryCluster> Clusters { get; }
    DbSet<MajorSkill> MajorSkills { get; }
    DbSet<OccupationSkill> OccupationSkills { get; }
    DbSet<MajorOccupation> MajorOccupations { get; }
    DbSet<ClusterRegion> ClusterRegions { get; }
    DbSet<ClusterOccupation> ClusterOccupations { get; }
    DbSet<ClusterMajor> ClusterMajors { get; }
    DbSet<Organisation> Organisations { get; }
    DbSet<Demand> Demands { get; }
    DbSet<Programme> Programmes { get; }
    DbSet<BarometerEdition> BarometerEditions { get; }
    DbSet<DemandFact> DemandFacts { get; }

    DbSet<TrainingBase> TrainingBases { get; }
    DbSet<Mentor> Mentors { get; }
    DbSet<RdPlatform> RdPlatforms { get; }
    DbSet<SecurityEvent> SecurityEvents { get; }

    DbSet<Proposal> Proposals { get; }
    DbSet<TechnologyNeed> TechnologyNeeds { get; }
    DbSet<Agreement> Agreements { get; }
    DbSet<Investment> Investments { get; }
    DbSet<Outcome> Outcomes { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<InboxItem> InboxItems { get; }
    DbSet<GraduateOutcome> GraduateOutcomes { get; }
    DbSet<WhitePaperEdition> WhitePaperEditions { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets every tracked change (after a save that failed), so the next save starts clean.</summary>
    void DiscardChanges();

    /// <summary>
    /// Checks the version the client last read against the loaded record (409 if it moved on), and tells EF Core to
    /// expect it, so that a write racing past this check still fails with a concurrency error instead of being lost.
    /// </summary>
    void ExpectVersion<TEntity>(TEntity entity, int version, string what) where TEntity : class;
}
