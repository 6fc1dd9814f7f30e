using ChainLink.Domain.Common;

namespace ChainLink.Domain.Cooperation;

/// <summary>What an agreement produced in one year, reported by one party and confirmed or disputed by the other.</summary>
public sealed class Outcome : PartyReport
{
    private Outcome() { }

    public OutcomeKind Kind { get; private set; }
    public int Year { get; private set; }
    public int Quantity { get; private set; }
    public long? ContractValue { get; private set; }
    public Guid? ProgrammeId { get; private set; }
    public List<string> PatentNumbers { get; private set; } = [];
    public string? Note { get; private set; }

    protected override string What => "成果记录";

    public static Outcome Report(Guid id, Agreement agreement, OutcomeFigures figures, Guid byOrganisationId, Guid byUserId, DateTime now)
    {
        agreement.EnsureAcceptsReports();
        var outcome = new Outcome
        {
            Id = id, AgreementId = agreement.Id, ReportedByOrganisationId = byOrganisationId, ReportedByUserId = byUserId,
            ReportedAt = now, Status = ReportStatus.Reported, Version = 1, Kind = figures.Kind,
        };
        outcome.Apply(figures);
        return outcome;
    }

    public void Correct(OutcomeFigures figures, DateTime now)
    {
        if (figures.Kind != Kind) throw new DomainRuleException("kind", "更正时不能更换成果类型。");
        BeginCorrection(now);
        Apply(figures);
    }

    private void Apply(OutcomeFigures f)
    {
        CooperationLimits.Year(f.Year, "year");
        var max = f.Kind is OutcomeKind.TrainingHours or OutcomeKind.MentorHours ? CooperationLimits.MaxHours : CooperationLimits.MaxCount;
        if (f.Quantity < 1 || f.Quantity > max) throw new DomainRuleException("quantity", $"数量须在 1 至 {max} 之间。");
        if (f.Kind == OutcomeKind.TechnologyTransferred)
        {
            if (f.ContractValue is null) throw new DomainRuleException("contractValue", "技术转让须填写合同金额。");
            CooperationLimits.Yuan(f.ContractValue, "contractValue");
        }
        else if (f.ContractValue is not null) throw new DomainRuleException("contractValue", "只有技术转让填写合同金额。");
        if (f.Kind == OutcomeKind.GraduatesHired && f.ProgrammeId is null) throw new DomainRuleException("programmeId", "毕业生就业须注明专业。");
        if (f.Kind == OutcomeKind.PatentsShared && f.PatentNumbers.Count != f.Quantity)
            throw new DomainRuleException("patentNumbers", "专利号的个数须等于专利数量。");
        if (f.Kind != OutcomeKind.PatentsShared && f.PatentNumbers.Count > 0)
            throw new DomainRuleException("patentNumbers", "只有专利共享填写专利号。");
        if (f.Note is { Length: > CooperationLimits.MaxMessageLength })
            throw new DomainRuleException("note", $"说明最多 {CooperationLimits.MaxMessageLength} 个字符。");
        Year = f.Year;
        Quantity = f.Quantity;
        ContractValue = f.ContractValue;
        ProgrammeId = f.Kind == OutcomeKind.GraduatesHired ? f.ProgrammeId : null;
        PatentNumbers = [.. f.PatentNumbers.Select(n => n.Trim())];
        Note = string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim();
    }
}
