namespace ChainLink.Domain.Cooperation;

/// <summary>A figure one party reports: Reported → Confirmed | Disputed; a disputed one corrected is Reported again.</summary>
public enum ReportStatus
{
    Reported = 0,
    Confirmed = 1,
    Disputed = 2,
}
