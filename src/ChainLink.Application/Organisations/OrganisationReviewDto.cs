using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;

namespace ChainLink.Application.Organisations;

/// <summary>What a reviewer sees of an organisation awaiting (or after) review.</summary>
public sealed record OrganisationReviewDto(
    Guid Id, string Name, OrganisationKind Kind, string RegionCode, string RegionName, OrganisationStatus Status,
    DateTime? ReviewedAt, string? RejectionReason)
{
    public static OrganisationReviewDto From(Organisation o, ITaxonomyCache taxonomy) => new(
        o.Id, o.Name, o.Kind, o.RegionCode, taxonomy.RegionName(o.RegionCode) ?? o.RegionCode, o.Status, o.ReviewedAt, o.RejectionReason);
}
