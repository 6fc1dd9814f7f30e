namespace ChainLink.Domain.Cooperation;

public enum TechnologyNeedStatus
{
    Open = 0,
    Closed = 1,
}
