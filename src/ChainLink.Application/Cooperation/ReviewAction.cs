namespace ChainLink.Application.Cooperation;

public enum ReviewAction
{
    Confirm,
    Dispute,
}
