using ChainLink.Domain.Cooperation;

namespace ChainLink.Domain.Dashboard;

/// <summary>One party's reported investment in a year; <see cref="ByEnterprise"/> when that party is an enterprise.</summary>
public sealed record InvestmentFact(
    Guid Id, Guid AgreementId, Guid PartyId, bool ByEnterprise, int Year, long Funds, long EquipmentValue, int StaffHours, ReportStatus Status, int DisputeCount);
