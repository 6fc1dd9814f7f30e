namespace ChainLink.Application.Cooperation;

/// <summary>The two kinds of figures a party reports and the other confirms.</summary>
public enum ReportKind
{
    Investment,
    Outcome,
}
