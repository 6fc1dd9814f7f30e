using System.Text.Json;

namespace ChainLink.Application.Cooperation;

/// <summary>One change; <see cref="Before"/> and <see cref="After"/> are the record's values as JSON objects (null when created or deleted).</summary>
public sealed record AuditEntryDto(
    long Id,
    string RecordType,
    Guid RecordId,
    string Action,
    Guid? UserId,
    Guid? OrganisationId,
    DateTime At,
    JsonElement? Before,
    JsonElement? After);
