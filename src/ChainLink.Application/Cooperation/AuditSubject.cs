namespace ChainLink.Application.Cooperation;

/// <summary>What an audit trail is read for: a proposal, or an agreement with its investments and outcomes.</summary>
public enum AuditSubject
{
    Proposal,
    Agreement,
}
