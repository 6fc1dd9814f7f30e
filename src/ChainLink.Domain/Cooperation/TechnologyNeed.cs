using ChainLink.Domain.Common;

namespace ChainLink.Domain.Cooperation;

/// <summary>An enterprise's technology problem (技术攻关需求) that colleges and R&amp;D platforms answer with proposals.</summary>
public sealed class TechnologyNeed
{
    private TechnologyNeed() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Problem { get; private set; } = "";
    public string Field { get; private set; } = "";
    public long BudgetMin { get; private set; }
    public long BudgetMax { get; private set; }
    public DateOnly Deadline { get; private set; }
    public TechnologyNeedStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int Version { get; private set; }

    public static TechnologyNeed Post(Guid id, Guid organisationId, string title, string problem, string field, long budgetMin, long budgetMax,
        DateOnly deadline, DateTime now)
    {
        CooperationLimits.Yuan(budgetMin, "budgetMin");
        CooperationLimits.Yuan(budgetMax, "budgetMax");
        if (budgetMin > budgetMax) throw new DomainRuleException("budgetMax", "预算上限不能低于下限。");
        if (deadline <= DateOnly.FromDateTime(now)) throw new DomainRuleException("deadline", "截止日期须晚于今天。");
        if (deadline > DateOnly.FromDateTime(now).AddYears(5)) throw new DomainRuleException("deadline", "截止日期最远在 5 年之后。");
        return new TechnologyNeed
        {
            Id = id, OrganisationId = organisationId, Title = title.Trim(), Problem = problem.Trim(), Field = field.Trim(),
            BudgetMin = budgetMin, BudgetMax = budgetMax, Deadline = deadline, Status = TechnologyNeedStatus.Open, CreatedAt = now, Version = 1,
        };
    }

    public void Close(DateTime now)
    {
        if (Status != TechnologyNeedStatus.Open)
            throw new TransitionNotAllowedException($"该技术需求当前状态为“{CooperationNames.Of(Status)}”，不能再关闭。");
        Status = TechnologyNeedStatus.Closed;
        ClosedAt = now;
        Version++;
    }
}
