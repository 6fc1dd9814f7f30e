namespace ChainLink.Domain.Cooperation;

/// <summary>Active ⇄ Suspended; Active or Suspended → Ended, which is final.</summary>
public enum AgreementStatus
{
    Active = 0,
    Suspended = 1,
    Ended = 2,
}
