using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChainLink.Infrastructure.Cooperation;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Message).HasMaxLength(CooperationLimits.MaxMessageLength);
        b.Property(x => x.DeclineReason).HasMaxLength(CooperationLimits.MaxReasonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.FromOrganisationId, x.CreatedAt });
        b.HasIndex(x => new { x.ToOrganisationId, x.CreatedAt });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Demand>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TechnologyNeed>().WithMany().HasForeignKey(x => x.TechnologyNeedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TechnologyNeedConfiguration : IEntityTypeConfiguration<TechnologyNeed>
{
    public void Configure(EntityTypeBuilder<TechnologyNeed> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(CooperationLimits.MaxTitleLength);
        b.Property(x => x.Problem).HasMaxLength(4000);
        b.Property(x => x.Field).HasMaxLength(60);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.StatusReason).HasMaxLength(CooperationLimits.MaxReasonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One agreement per accepted proposal, even if two acceptances raced.
        b.HasIndex(x => x.ProposalId).IsUnique();
        b.HasIndex(x => x.FirstPartyId);
        b.HasIndex(x => x.SecondPartyId);
        b.HasIndex(x => new { x.Status, x.EndDate });
        b.HasOne<Proposal>().WithOne().HasForeignKey<Agreement>(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FirstPartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.SecondPartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvestmentConfiguration : IEntityTypeConfiguration<Investment>
{
    public void Configure(EntityTypeBuilder<Investment> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.DisputeReason).HasMaxLength(CooperationLimits.MaxReasonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AgreementId, x.Year });
        b.HasIndex(x => new { x.Status, x.Year });
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.PartyOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.DisputeReason).HasMaxLength(CooperationLimits.MaxReasonLength);
        b.Property(x => x.Note).HasMaxLength(CooperationLimits.MaxMessageLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.PrimitiveCollection(x => x.PatentNumbers);
        b.HasIndex(x => new { x.AgreementId, x.Year });
        b.HasIndex(x => new { x.Status, x.Kind, x.Year });
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("CooperationAudit");
        b.HasKey(x => x.Id);
        b.Property(x => x.RecordType).HasMaxLength(20);
        b.Property(x => x.Action).HasMaxLength(10);
        b.HasIndex(x => new { x.RecordType, x.RecordId });
        b.HasIndex(x => x.AgreementId);
    }
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.RecordType).HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasIndex(x => new { x.OrganisationId, x.ReadAt, x.CreatedAt });
        b.HasIndex(x => new { x.OrganisationId, x.Kind, x.RecordId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
