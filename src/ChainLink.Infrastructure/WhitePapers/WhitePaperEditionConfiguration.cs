using ChainLink.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChainLink.Infrastructure.WhitePapers;

internal sealed class WhitePaperEditionConfiguration : IEntityTypeConfiguration<WhitePaperEdition>
{
    public void Configure(EntityTypeBuilder<WhitePaperEdition> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Scope).HasMaxLength(WhitePaperEdition.ScopeMaxLength);
        b.Property(x => x.ScopeName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(WhitePaperEdition.MaxNoteLength);
        b.Property(x => x.MethodologyVersion).HasMaxLength(20);
        b.Property(x => x.DocxSha256).HasMaxLength(64);
        b.Property(x => x.HtmlSha256).HasMaxLength(64);
        // Two publications racing for the same revision: one wins, the other is a 409.
        b.HasIndex(x => new { x.Scope, x.Year, x.Revision }).IsUnique();
    }
}
