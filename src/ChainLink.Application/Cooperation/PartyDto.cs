using ChainLink.Domain.Organisations;

namespace ChainLink.Application.Cooperation;

/// <summary>One side of a cooperation; the contact details are null unless the reader may see them.</summary>
public sealed record PartyDto(Guid Id, string Name, OrganisationKind Kind, string RegionCode, string? ContactEmail, string? ContactPhone);
