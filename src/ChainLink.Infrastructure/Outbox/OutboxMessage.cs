using ChainLink.Application.Matching;

namespace ChainLink.Infrastructure.Outbox;

/// <summary>
/// "Demand or programme <see cref="EntityId"/> changed": written in the same transaction as the change, so the search
/// index can be told later even if the process dies right after the commit. The dispatcher loads the current state
/// when it applies the row; the row itself carries no document.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public SearchDocumentKind Kind { get; set; }

    public Guid EntityId { get; set; }

    /// <summary>The entity's version as committed (for a removal, one past the last version).</summary>
    public long EntityVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Null means due now; set after a failure to back off.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The claim of the dispatcher working on the row; another may take it over once <see cref="LeaseUntil"/> passed.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public string? LastError { get; set; }
}
