namespace ChainLink.Application.Cooperation;

/// <summary>Which of the caller's proposals to list: those it sent, or those it received.</summary>
public enum ProposalBox
{
    Sent,
    Received,
}
