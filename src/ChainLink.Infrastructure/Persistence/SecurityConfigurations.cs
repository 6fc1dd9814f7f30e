using ChainLink.Domain.Security;
using ChainLink.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChainLink.Infrastructure.Persistence;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.CurrentRefreshTokenId).IsConcurrencyToken();
        b.Property(x => x.RevokedBecause).HasMaxLength(100);
        b.Ignore(x => x.IsActive);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(SecurityEvent.EmailLength);
        b.Property(x => x.ClientAddress).HasMaxLength(SecurityEvent.AddressLength);
        b.Property(x => x.Detail).HasMaxLength(SecurityEvent.DetailLength);
        b.HasIndex(x => x.OccurredAt);
        b.HasIndex(x => new { x.Kind, x.OccurredAt });
        b.HasIndex(x => new { x.Email, x.OccurredAt });
    }
}
