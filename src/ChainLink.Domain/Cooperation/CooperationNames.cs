namespace ChainLink.Domain.Cooperation;

/// <summary>How states read in messages to people.</summary>
public static class CooperationNames
{
    public static string Of(ProposalStatus status) => status switch
    {
        ProposalStatus.Pending => "待答复",
        ProposalStatus.Accepted => "已接受",
        ProposalStatus.Declined => "已拒绝",
        ProposalStatus.Withdrawn => "已撤回",
        ProposalStatus.Expired => "已过期",
        _ => status.ToString(),
    };

    public static string Of(AgreementStatus status) => status switch
    {
        AgreementStatus.Active => "执行中",
        AgreementStatus.Suspended => "已暂停",
        AgreementStatus.Ended => "已终止",
        _ => status.ToString(),
    };

    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.Reported => "待确认",
        ReportStatus.Confirmed => "已确认",
        ReportStatus.Disputed => "有异议",
        _ => status.ToString(),
    };

    public static string Of(TechnologyNeedStatus status) => status == TechnologyNeedStatus.Open ? "征集中" : "已关闭";
}
