using ChainLink.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChainLink.Infrastructure.Persistence;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(40);
        b.Property(x => x.Level).HasMaxLength(12);
        b.Property(x => x.DivisionType).HasMaxLength(12);
        b.Property(x => x.ParentCode).HasMaxLength(6);
        b.HasIndex(x => x.ParentCode);
    }
}

internal sealed class MajorCategoryConfiguration : IEntityTypeConfiguration<MajorCategory>
{
    public void Configure(EntityTypeBuilder<MajorCategory> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(4);
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.Kind).HasMaxLength(8);
        b.Property(x => x.ParentCode).HasMaxLength(4);
    }
}

internal sealed class MajorConfiguration : IEntityTypeConfiguration<Major>
{
    public void Configure(EntityTypeBuilder<Major> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(7);
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.Level).HasMaxLength(12);
        b.Property(x => x.CategoryCode).HasMaxLength(4);
        b.Property(x => x.DivisionCode).HasMaxLength(2);
        b.HasIndex(x => x.CategoryCode);
    }
}

internal sealed class OccupationConfiguration : IEntityTypeConfiguration<Occupation>
{
    public void Configure(EntityTypeBuilder<Occupation> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(80);
        b.Property(x => x.Level).HasMaxLength(4);
        b.Property(x => x.ParentCode).HasMaxLength(10);
        b.HasIndex(x => x.ParentCode);
    }
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(12);
        b.Property(x => x.NameZh).HasMaxLength(60);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.Property(x => x.ParentCode).HasMaxLength(12);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Sources).HasMaxLength(Skill.SourcesMaxLength);
        b.HasMany(x => x.Aliases).WithOne().HasForeignKey(a => a.SkillCode);
    }
}

internal sealed class SkillAliasConfiguration : IEntityTypeConfiguration<SkillAlias>
{
    public void Configure(EntityTypeBuilder<SkillAlias> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(100);
        b.HasIndex(x => new { x.SkillCode, x.Text }).IsUnique();
    }
}

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<IndustryCluster>
{
    public void Configure(EntityTypeBuilder<IndustryCluster> b)
    {
        b.ToTable("Clusters");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.NameZh).HasMaxLength(60);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(1000);
    }
}

internal sealed class LinkConfigurations :
    IEntityTypeConfiguration<MajorSkill>, IEntityTypeConfiguration<OccupationSkill>, IEntityTypeConfiguration<MajorOccupation>,
    IEntityTypeConfiguration<ClusterRegion>, IEntityTypeConfiguration<ClusterOccupation>, IEntityTypeConfiguration<ClusterMajor>
{
    public void Configure(EntityTypeBuilder<MajorSkill> b)
    {
        b.HasKey(x => new { x.MajorCode, x.SkillCode });
        b.HasIndex(x => x.SkillCode);
    }

    public void Configure(EntityTypeBuilder<OccupationSkill> b)
    {
        b.HasKey(x => new { x.OccupationCode, x.SkillCode });
        b.HasIndex(x => x.SkillCode);
    }

    public void Configure(EntityTypeBuilder<MajorOccupation> b)
    {
        b.HasKey(x => new { x.MajorCode, x.OccupationCode });
        b.HasIndex(x => x.OccupationCode);
    }

    public void Configure(EntityTypeBuilder<ClusterRegion> b) => b.HasKey(x => new { x.ClusterCode, x.RegionCode });

    public void Configure(EntityTypeBuilder<ClusterOccupation> b) => b.HasKey(x => new { x.ClusterCode, x.OccupationCode });

    public void Configure(EntityTypeBuilder<ClusterMajor> b) => b.HasKey(x => new { x.ClusterCode, x.MajorCode });
}
