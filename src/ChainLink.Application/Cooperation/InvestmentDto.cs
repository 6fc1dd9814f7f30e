using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

public sealed record InvestmentDto(
    Guid Id,
    Guid AgreementId,
    Guid PartyOrganisationId,
    int Year,
    long PlannedFunds,
    long ActualFunds,
    long EquipmentValue,
    int StaffHours,
    Guid ReportedByOrganisationId,
    DateTime ReportedAt,
    ReportStatus Status,
    string? DisputeReason,
    int DisputeCount,
    DateTime? ReviewedAt,
    int Version)
{
    public static InvestmentDto From(Investment i) => new(i.Id, i.AgreementId, i.PartyOrganisationId, i.Year, i.PlannedFunds, i.ActualFunds,
        i.EquipmentValue, i.StaffHours, i.ReportedByOrganisationId, i.ReportedAt, i.Status, i.DisputeReason, i.DisputeCount, i.ReviewedAt, i.Version);
}
