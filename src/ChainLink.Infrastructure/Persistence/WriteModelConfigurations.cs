using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Programmes;
using ChainLink.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChainLink.Infrastructure.Persistence;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.NameKey).HasMaxLength(Organisation.NameKeyMaxLength);
        b.HasIndex(x => x.NameKey).IsUnique();
        // Two reviewers deciding at once: the second save finds the status moved on and fails (409) instead of overwriting.
        b.Property(x => x.Status).IsConcurrencyToken();
        b.HasIndex(x => x.Status);
        b.Property(x => x.RejectionReason).HasMaxLength(Organisation.RejectionReasonMaxLength);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.ContactEmail).HasMaxLength(256);
        b.Property(x => x.ContactPhone).HasMaxLength(40);
        b.PrimitiveCollection(x => x.ClusterCodes);
    }
}

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(120);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.OccupationCode).HasMaxLength(10);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        // A quarter is stored as its index (year * 4 + quarter - 1) so that SQL compares it as one number.
        b.Property(x => x.NeededBy).HasConversion(q => q.Index, i => Quarter.FromIndex(i)).HasColumnName("NeededByQuarter");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => new { x.Status, x.OccupationCode });
        b.HasIndex(x => x.RegionCode);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Skills, s =>
        {
            s.ToTable("DemandSkills");
            s.WithOwner().HasForeignKey("DemandId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.Property(x => x.SkillCode).HasMaxLength(12);
            s.HasIndex(x => x.SkillCode);
        });
        b.OwnsMany(x => x.History, h =>
        {
            h.ToTable("DemandStatusChanges");
            h.WithOwner().HasForeignKey("DemandId");
            h.Property<int>("Id");
            h.HasKey("Id");
        });
    }
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.MajorCode).HasMaxLength(7);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.CampusRegionCode).HasMaxLength(6);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrganisationId, x.MajorCode, x.Level, x.CampusRegionCode }).IsUnique();
        b.HasIndex(x => x.MajorCode);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Modules, m =>
        {
            m.ToTable("ProgrammeModules");
            m.WithOwner().HasForeignKey("ProgrammeId");
            m.Property<int>("Id");
            m.HasKey("Id");
            m.Property(x => x.Name).HasMaxLength(120);
            m.Property(x => x.LearningOutcomes).HasMaxLength(2000);
            m.OwnsMany(x => x.Skills, s =>
            {
                s.ToTable("ProgrammeModuleSkills");
                s.WithOwner().HasForeignKey("ModuleId");
                s.Property<int>("Id");
                s.HasKey("Id");
                s.Property(x => x.SkillCode).HasMaxLength(12);
                s.HasIndex(x => x.SkillCode);
            });
        });
        b.OwnsMany(x => x.EnrolmentPlans, p =>
        {
            p.ToTable("EnrolmentPlans");
            p.WithOwner().HasForeignKey("ProgrammeId");
            p.HasKey("ProgrammeId", nameof(EnrolmentPlan.Year));
        });
        b.OwnsMany(x => x.Cohorts, c =>
        {
            c.ToTable("GraduateCohorts");
            c.WithOwner().HasForeignKey("ProgrammeId");
            c.HasKey("ProgrammeId", nameof(GraduateCohort.Year));
        });
    }
}

internal sealed class BarometerEditionConfiguration : IEntityTypeConfiguration<BarometerEdition>
{
    public void Configure(EntityTypeBuilder<BarometerEdition> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Quarter).HasConversion(q => q.Index, i => Quarter.FromIndex(i)).HasColumnName("QuarterIndex");
        // Two publications of the same quarter racing each other cannot both become the same revision.
        b.HasIndex(x => new { x.Quarter, x.Revision }).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(BarometerEdition.MaxNoteLength);
        b.Property(x => x.MethodologyVersion).HasMaxLength(10);
        b.Property(x => x.JsonSha256).HasMaxLength(64);
        b.Property(x => x.CsvSha256).HasMaxLength(64);
        b.Ignore(x => x.SourceCounts);
    }
}

internal sealed class DemandFactConfiguration : IEntityTypeConfiguration<DemandFact>
{
    public void Configure(EntityTypeBuilder<DemandFact> b)
    {
        b.ToTable("BarometerDemandFacts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.DemandId).IsUnique();
        b.HasOne<Demand>().WithOne().HasForeignKey<DemandFact>(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.OccupationCode).HasMaxLength(10);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.SkillCodes).HasMaxLength(DemandFact.SkillCodesMaxLength);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(x => x.Id);
        b.Property(x => x.LeaseOwner).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(2000);
        // The dispatcher's claim scans unprocessed rows; the purge scans processed ones by age.
        b.HasIndex(x => new { x.ProcessedAt, x.NextAttemptAt });
        b.HasIndex(x => x.LeaseOwner);
    }
}
