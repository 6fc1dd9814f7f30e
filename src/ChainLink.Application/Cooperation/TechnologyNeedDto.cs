using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

public sealed record TechnologyNeedDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    string Title,
    string Problem,
    string Field,
    long BudgetMin,
    long BudgetMax,
    DateOnly Deadline,
    TechnologyNeedStatus Status,
    DateTime CreatedAt,
    int Version)
{
    public static TechnologyNeedDto From(TechnologyNeed n, string organisationName) => new(n.Id, n.OrganisationId, organisationName, n.Title,
        n.Problem, n.Field, n.BudgetMin, n.BudgetMax, n.Deadline, n.Status, n.CreatedAt, n.Version);
}
