namespace ChainLink.Domain.Organisations;

/// <summary>
/// Whether an organisation's records are public. Numbered from 1 so that no status is the CLR default: rows stored
/// before approvals existed get <see cref="Approved"/> from the migration, never a status by accident.
/// </summary>
public enum OrganisationStatus
{
    /// <summary>Registered itself and awaits review: its users prepare data that nobody else sees yet.</summary>
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}
