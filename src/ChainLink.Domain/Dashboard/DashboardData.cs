using ChainLink.Domain.Barometer;

namespace ChainLink.Domain.Dashboard;

/// <summary>
/// Everything in scope of one dashboard request: agreements of the filtered organisations (of any year), their
/// investments and outcomes (of every status: the calculator decides what counts), the programmes, demands and
/// proposals of the funnel, training bases, the mentors' declared hours and the bands of the latest barometer edition.
/// </summary>
public sealed record DashboardData(
    int Year,
    int? Quarter,
    IReadOnlyList<AgreementFact> Agreements,
    IReadOnlyList<InvestmentFact> Investments,
    IReadOnlyList<OutcomeFact> Outcomes,
    IReadOnlyList<ProgrammeFact> Programmes,
    IReadOnlyList<OpenedDemand> Demands,
    IReadOnlyList<ProposalFact> Proposals,
    IReadOnlyList<TrainingBaseFact> TrainingBases,
    int MentorDeclaredHours,
    IReadOnlyDictionary<string, Band> OccupationBands,
    string? BarometerEdition);
