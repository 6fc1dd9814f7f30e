using ChainLink.Domain.Security;

namespace ChainLink.Application.Common;

/// <summary>
/// Writes the security log. The event is added to the request's unit of work and saved with it, in the same
/// SaveChanges: an approval or a role change and its event commit together or not at all. The client address and the
/// time are filled in by the implementation. Never pass a password or a token in <paramref name="detail"/>.
/// </summary>
public interface ISecurityEventLog
{
    Task RecordAsync(SecurityEventKind kind, Guid? userId, string? email, Guid? organisationId, string? detail, CancellationToken ct = default);
}
