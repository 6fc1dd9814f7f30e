using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

public sealed record OutcomeDto(
    Guid Id,
    Guid AgreementId,
    OutcomeKind Kind,
    int Year,
    int Quantity,
    long? ContractValue,
    Guid? ProgrammeId,
    IReadOnlyList<string> PatentNumbers,
    string? Note,
    Guid ReportedByOrganisationId,
    DateTime ReportedAt,
    ReportStatus Status,
    string? DisputeReason,
    int DisputeCount,
    DateTime? ReviewedAt,
    int Version)
{
    public static OutcomeDto From(Outcome o) => new(o.Id, o.AgreementId, o.Kind, o.Year, o.Quantity, o.ContractValue, o.ProgrammeId, o.PatentNumbers,
        o.Note, o.ReportedByOrganisationId, o.ReportedAt, o.Status, o.DisputeReason, o.DisputeCount, o.ReviewedAt, o.Version);
}
