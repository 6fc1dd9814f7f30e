namespace ChainLink.Domain.Security;

/// <summary>
/// One entry of the security log: who (as far as known), from where, when, and what. Never holds a password or a token;
/// <see cref="Email"/> is what the caller typed, so failed sign-ins for unknown accounts are visible too.
/// </summary>
public sealed class SecurityEvent
{
    public const int EmailLength = 256;
    public const int AddressLength = 45;
    public const int DetailLength = 500;

    private SecurityEvent() { }

    public SecurityEvent(SecurityEventKind kind, DateTime occurredAt, Guid? userId, string? email, Guid? organisationId, string? clientAddress, string? detail)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        OccurredAt = occurredAt;
        UserId = userId;
        Email = Clip(email?.Trim().ToLowerInvariant(), EmailLength);
        OrganisationId = organisationId;
        ClientAddress = Clip(clientAddress, AddressLength);
        Detail = Clip(detail, DetailLength);
    }

    public Guid Id { get; private set; }
    public SecurityEventKind Kind { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public Guid? UserId { get; private set; }
    public string? Email { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public string? ClientAddress { get; private set; }
    public string? Detail { get; private set; }

    private static string? Clip(string? text, int length) => text is { Length: > 0 } ? text[..Math.Min(text.Length, length)] : null;
}
