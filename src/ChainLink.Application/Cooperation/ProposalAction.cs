namespace ChainLink.Application.Cooperation;

public enum ProposalAction
{
    Accept,
    Decline,
    Withdraw,
}
