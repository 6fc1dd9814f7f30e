namespace ChainLink.Application.Cooperation;

public enum AgreementAction
{
    Suspend,
    Resume,
    End,
}
