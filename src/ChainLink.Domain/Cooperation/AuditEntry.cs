namespace ChainLink.Domain.Cooperation;

/// <summary>
/// One change to a proposal, agreement, investment or outcome: who (user and organisation), when, and the record's
/// values before and after as JSON. Written for every save by the cooperation audit interceptor, never edited.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public string RecordType { get; set; } = "";
    public Guid RecordId { get; set; }

    /// <summary>The agreement the record belongs to (the agreement itself, or the one of an investment or outcome).</summary>
    public Guid? AgreementId { get; set; }

    /// <summary>Created, Updated or Deleted.</summary>
    public string Action { get; set; } = "";

    public Guid? UserId { get; set; }
    public Guid? OrganisationId { get; set; }
    public DateTime At { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
