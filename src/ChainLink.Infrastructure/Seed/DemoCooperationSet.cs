using ChainLink.Domain.Cooperation;

namespace ChainLink.Infrastructure.Seed;

public sealed record DemoCooperationSet(
    IReadOnlyList<TechnologyNeed> TechnologyNeeds,
    IReadOnlyList<Proposal> Proposals,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<Investment> Investments,
    IReadOnlyList<Outcome> Outcomes,
    IReadOnlyList<InboxItem> InboxItems);
