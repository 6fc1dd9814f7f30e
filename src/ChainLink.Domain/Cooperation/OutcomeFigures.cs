namespace ChainLink.Domain.Cooperation;

/// <summary>
/// One outcome as reported: <see cref="Quantity"/> is graduates, interns, hours, contracts, patents or courses by
/// <see cref="Kind"/>; <see cref="ContractValue"/> (whole yuan) belongs to technology transfer, <see cref="ProgrammeId"/>
/// to graduates hired, <see cref="PatentNumbers"/> to patents shared.
/// </summary>
public sealed record OutcomeFigures(
    OutcomeKind Kind,
    int Year,
    int Quantity,
    long? ContractValue,
    Guid? ProgrammeId,
    IReadOnlyList<string> PatentNumbers,
    string? Note);
