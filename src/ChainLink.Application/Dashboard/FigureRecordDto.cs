namespace ChainLink.Application.Dashboard;

/// <summary>
/// One record behind a figure, in a shape common to every kind so that a table lists them all: what it is, whose, which
/// agreement and year, kind, quantity, amount (yuan), status and how often it was disputed.
/// </summary>
public sealed record FigureRecordDto(
    string Type,
    Guid Id,
    string Name,
    string Organisations,
    Guid? AgreementId,
    int? Year,
    string? Kind,
    double? Quantity,
    long? Amount,
    string? Status,
    int? DisputeCount,
    DateTime? Date);
