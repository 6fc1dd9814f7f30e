namespace ChainLink.Application.Matching;

/// <summary>
/// Every programme and every open demand as the ranking sees them, held in memory instead of loaded per request.
/// Visibility is not decided here: the store holds the records of every organisation, the matcher filters them.
/// </summary>
public interface IMatchProfileStore
{
    /// <summary>Applies every change committed to the database before the call (through whichever instance made it).</summary>
    Task CatchUpAsync(CancellationToken cancellationToken);

    /// <summary>Changes whenever a catch-up applies a change (or loads everything): a result computed at one version holds until it changes.</summary>
    long Version { get; }

    StoredProgramme? Programme(Guid id);

    /// <summary>The demand if it is open (as of the last catch-up), else null.</summary>
    StoredDemand? OpenDemand(Guid id);
}
