namespace ChainLink.Domain.Cooperation;

public enum InboxItemKind
{
    /// <summary>A proposal awaits this organisation's answer.</summary>
    ProposalReceived = 1,
    /// <summary>A proposal this organisation sent was accepted, declined or withdrawn.</summary>
    ProposalAnswered = 2,
    /// <summary>The other party reported an investment this organisation is to confirm or dispute.</summary>
    InvestmentToConfirm = 3,
    /// <summary>The other party reported an outcome this organisation is to confirm or dispute.</summary>
    OutcomeToConfirm = 4,
    /// <summary>The other party confirmed or disputed what this organisation reported.</summary>
    ReportReviewed = 5,
    /// <summary>The other party suspended, resumed or ended an agreement.</summary>
    AgreementChanged = 6,
    /// <summary>An active agreement ends within 30 days.</summary>
    AgreementEnding = 7,
}
