using ChainLink.Domain.Dashboard;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChainLink.Infrastructure.Dashboard;

internal sealed class GraduateOutcomeConfiguration : IEntityTypeConfiguration<GraduateOutcome>
{
    public void Configure(EntityTypeBuilder<GraduateOutcome> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One row per programme and graduation year, even if two reports raced.
        b.HasIndex(x => new { x.ProgrammeId, x.GraduationYear }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.GraduationYear });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}
