namespace ChainLink.Domain.Cooperation;

/// <summary>Pending → Accepted | Declined | Withdrawn; a pending proposal past its valid-until date reads as Expired.</summary>
public enum ProposalStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,
    Expired = 4,
}
