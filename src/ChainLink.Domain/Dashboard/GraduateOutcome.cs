using ChainLink.Domain.Common;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Programmes;

namespace ChainLink.Domain.Dashboard;

/// <summary>
/// The employment of one programme's graduates of one year, as the college reports it (aggregates only, one row per
/// programme and year). Each edit moves <see cref="Version"/> on, so two editors cannot overwrite each other.
/// </summary>
public sealed class GraduateOutcome
{
    public const int MinPay = 500;
    public const int MaxPay = 200_000;

    private GraduateOutcome() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public int GraduationYear { get; private set; }
    public int Graduates { get; private set; }
    public int EmployedAtSixMonths { get; private set; }
    public int EmployedInMajor { get; private set; }
    public int? RetainedAfterYear { get; private set; }
    public int? MedianStartingPay { get; private set; }
    public DateTime ReportedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static GraduateOutcome Report(Guid id, Guid organisationId, Guid programmeId, int graduationYear, GraduateOutcomeFigures figures, DateTime now)
    {
        CooperationLimits.Year(graduationYear, "graduationYear");
        if (graduationYear > now.Year) throw new DomainRuleException("graduationYear", "毕业年份不能晚于今年。");
        var outcome = new GraduateOutcome
        {
            Id = id, OrganisationId = organisationId, ProgrammeId = programmeId, GraduationYear = graduationYear, ReportedAt = now, Version = 1,
        };
        outcome.Apply(figures, now);
        return outcome;
    }

    public void Edit(GraduateOutcomeFigures figures, DateTime now)
    {
        Apply(figures, now);
        Version++;
    }

    private void Apply(GraduateOutcomeFigures f, DateTime now)
    {
        if (f.Graduates is < 1 or > Programme.MaxYearlyCount)
            throw new DomainRuleException("graduates", $"毕业生人数须在 1 至 {Programme.MaxYearlyCount} 之间。");
        if (f.EmployedAtSixMonths < 0) throw new DomainRuleException("employedAtSixMonths", "就业人数不能为负数。");
        if (f.EmployedAtSixMonths > f.Graduates) throw new DomainRuleException("employedAtSixMonths", "毕业半年后就业人数不能多于毕业生人数。");
        if (f.EmployedInMajor < 0) throw new DomainRuleException("employedInMajor", "专业相关就业人数不能为负数。");
        if (f.EmployedInMajor > f.EmployedAtSixMonths) throw new DomainRuleException("employedInMajor", "专业相关就业人数不能多于就业人数。");
        if (f.RetainedAfterYear < 0) throw new DomainRuleException("retainedAfterYear", "一年后仍在首份工作单位的人数不能为负数。");
        if (f.RetainedAfterYear > f.EmployedAtSixMonths)
            throw new DomainRuleException("retainedAfterYear", "一年后仍在首份工作单位的人数不能多于就业人数。");
        if (f.MedianStartingPay is < MinPay or > MaxPay)
            throw new DomainRuleException("medianStartingPay", $"起薪中位数须在 {MinPay} 至 {MaxPay} 元/月之间，未统计时留空。");
        if (f.MedianStartingPay is not null && f.EmployedAtSixMonths == 0)
            throw new DomainRuleException("medianStartingPay", "没有就业人数时不能填写起薪中位数。");
        Graduates = f.Graduates;
        EmployedAtSixMonths = f.EmployedAtSixMonths;
        EmployedInMajor = f.EmployedInMajor;
        RetainedAfterYear = f.RetainedAfterYear;
        MedianStartingPay = f.MedianStartingPay;
        UpdatedAt = now;
    }
}
