using ChainLink.Domain.Common;

namespace ChainLink.Domain.Cooperation;

/// <summary>What one party of an agreement put in during one year, reported by either party and confirmed by the other.</summary>
public sealed class Investment : PartyReport
{
    private Investment() { }

    public Guid PartyOrganisationId { get; private set; }
    public int Year { get; private set; }
    public long PlannedFunds { get; private set; }
    public long ActualFunds { get; private set; }
    public long EquipmentValue { get; private set; }
    public int StaffHours { get; private set; }

    protected override string What => "投入记录";

    public static Investment Report(Guid id, Agreement agreement, InvestmentFigures figures, Guid byOrganisationId, Guid byUserId, DateTime now)
    {
        agreement.EnsureAcceptsReports();
        if (!agreement.IsParty(figures.PartyOrganisationId))
            throw new DomainRuleException("partyOrganisationId", "投入方须是该协议的一方。");
        var investment = new Investment
        {
            Id = id, AgreementId = agreement.Id, ReportedByOrganisationId = byOrganisationId, ReportedByUserId = byUserId,
            ReportedAt = now, Status = ReportStatus.Reported, Version = 1, PartyOrganisationId = figures.PartyOrganisationId,
        };
        investment.Apply(figures);
        return investment;
    }

    public void Correct(InvestmentFigures figures, DateTime now)
    {
        if (figures.PartyOrganisationId != PartyOrganisationId) throw new DomainRuleException("partyOrganisationId", "更正时不能更换投入方。");
        BeginCorrection(now);
        Apply(figures);
    }

    private void Apply(InvestmentFigures f)
    {
        CooperationLimits.Year(f.Year, "year");
        CooperationLimits.Yuan(f.PlannedFunds, "plannedFunds");
        CooperationLimits.Yuan(f.ActualFunds, "actualFunds");
        CooperationLimits.Yuan(f.EquipmentValue, "equipmentValue");
        CooperationLimits.Hours(f.StaffHours, "staffHours");
        Year = f.Year;
        PlannedFunds = f.PlannedFunds;
        ActualFunds = f.ActualFunds;
        EquipmentValue = f.EquipmentValue;
        StaffHours = f.StaffHours;
    }
}
