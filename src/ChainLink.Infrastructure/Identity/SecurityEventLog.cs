using ChainLink.Application.Common;
using ChainLink.Domain.Security;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;

namespace ChainLink.Infrastructure.Identity;

/// <summary>Adds the event to the request's unit of work and saves it (with whatever the caller has pending).</summary>
internal sealed class SecurityEventLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : ISecurityEventLog
{
    public async Task RecordAsync(SecurityEventKind kind, Guid? userId, string? email, Guid? organisationId, string? detail, CancellationToken ct = default)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        db.SecurityEvents.Add(new SecurityEvent(kind, clock.GetUtcNow().UtcDateTime, userId, email, organisationId, address, detail));
        await db.SaveChangesAsync(ct);
    }
}
