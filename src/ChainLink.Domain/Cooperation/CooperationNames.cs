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

    public static string Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.GraduatesHired => "毕业生就业（人）",
        OutcomeKind.InternsHosted => "接收实习生（人）",
        OutcomeKind.TrainingHours => "培训课时",
        OutcomeKind.MentorHours => "产业导师授课课时",
        OutcomeKind.TechnologyTransferred => "技术转让（项）",
        OutcomeKind.PatentsShared => "专利共享（件）",
        OutcomeKind.CoursesBuilt => "共建课程（门）",
        _ => kind.ToString(),
    };

    public static string Of(CooperationMode mode) => mode switch
    {
        CooperationMode.OrderClass => "订单班",
        CooperationMode.Apprenticeship => "现代学徒制",
        CooperationMode.Internship => "实习",
        CooperationMode.Mentoring => "产业导师",
        CooperationMode.SharedTrainingBase => "共建实训基地",
        CooperationMode.TechnologyResearch => "技术攻关",
        CooperationMode.CourseDevelopment => "共建课程",
        _ => mode.ToString(),
    };

    public static string Of(TechnologyNeedStatus status) => status == TechnologyNeedStatus.Open ? "征集中" : "已关闭";
}
