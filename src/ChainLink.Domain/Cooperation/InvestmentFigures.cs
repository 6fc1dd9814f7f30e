namespace ChainLink.Domain.Cooperation;

/// <summary>One party's investment in one year: funds planned and spent, equipment value (whole yuan), staff hours.</summary>
public sealed record InvestmentFigures(Guid PartyOrganisationId, int Year, long PlannedFunds, long ActualFunds, long EquipmentValue, int StaffHours);
