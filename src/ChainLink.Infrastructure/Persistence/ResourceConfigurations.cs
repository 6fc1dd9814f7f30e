using ChainLink.Domain.Common;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChainLink.Infrastructure.Persistence;

internal sealed class TrainingBaseConfiguration : IEntityTypeConfiguration<TrainingBase>
{
    public void Configure(EntityTypeBuilder<TrainingBase> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        // A complex property: the point's two columns sit in the resource's own row.
        b.ComplexProperty(x => x.Location);
        b.PrimitiveCollection(x => x.ClusterCodes);
        b.PrimitiveCollection(x => x.SharedWith);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.RegionCode);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Usage, u =>
        {
            u.ToTable("TrainingBaseUsage");
            u.WithOwner().HasForeignKey("TrainingBaseId");
            // Stored as the quarter's index, like a demand's needed-by quarter.
            u.Property(x => x.Quarter).HasConversion(q => q.Index, i => Quarter.FromIndex(i));
            u.HasKey("TrainingBaseId", nameof(QuarterUsage.Quarter));
        });
    }
}

internal sealed class MentorConfiguration : IEntityTypeConfiguration<Mentor>
{
    public void Configure(EntityTypeBuilder<Mentor> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(60);
        b.PrimitiveCollection(x => x.SkillCodes);
        b.PrimitiveCollection(x => x.ProgrammeIds);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RdPlatformConfiguration : IEntityTypeConfiguration<RdPlatform>
{
    public void Configure(EntityTypeBuilder<RdPlatform> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.ComplexProperty(x => x.Location);
        b.PrimitiveCollection(x => x.ClusterCodes);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
