namespace ChainLink.Domain.Organisations;

public enum OrganisationKind
{
    Enterprise = 1,
    College = 2,
    Government = 3,
    Platform = 4,
}

/// <summary>An enterprise, college or government body; users belong to exactly one.</summary>
public sealed class Organisation
{
    private Organisation() { }

    public Organisation(Guid id, string name, OrganisationKind kind, string regionCode, IEnumerable<string> clusterCodes, string? contactEmail, string? contactPhone)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new Common.DomainRuleException(nameof(name), "An organisation needs a name.");
        Id = id;
        Name = name.Trim();
        Kind = kind;
        RegionCode = regionCode;
        ClusterCodes = clusterCodes.Distinct(StringComparer.Ordinal).ToList();
        ContactEmail = contactEmail;
        ContactPhone = contactPhone;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public string RegionCode { get; private set; } = "";
    public List<string> ClusterCodes { get; private set; } = [];

    /// <summary>Contact details are personal data: shown only to the organisation itself.</summary>
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }
}
