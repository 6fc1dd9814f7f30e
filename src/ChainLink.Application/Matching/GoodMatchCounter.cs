using ChainLink.Domain.Demands;
using Mediator;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Matching;

/// <summary>
/// How many matches of a demand or programme score at least <see cref="MatchingOptions.GoodMatchScore"/>: counted on the
/// same matches <c>GET …/{id}/matches</c> answers (the top <see cref="MatchLimits.MaxTop"/>), so the count and the list agree.
/// </summary>
internal sealed class GoodMatchCounter(ISender sender, IMatchProfileStore store, GoodMatchCache cache, IOptions<MatchingOptions> options)
{
    private readonly double _threshold = options.Value.GoodMatchScore;

    /// <summary>Null for an expired demand: it is out of matching until renewed.</summary>
    public Task<int?> ForDemandAsync(Guid id, DemandStatus status, CancellationToken ct) =>
        status == DemandStatus.Expired
            ? Task.FromResult<int?>(null)
            : CountAsync(id, async () => (await sender.Send(new GetDemandMatches(id, MatchLimits.MaxTop), ct)).Results.Select(m => m.Explanation.Score.Total), ct);

    public Task<int?> ForProgrammeAsync(Guid id, CancellationToken ct) =>
        CountAsync(id, async () => (await sender.Send(new GetProgrammeMatches(id, MatchLimits.MaxTop), ct)).Results.Select(m => m.Explanation.Score.Total), ct);

    private async Task<int?> CountAsync(Guid id, Func<Task<IEnumerable<double>>> scores, CancellationToken ct)
    {
        // The version after a catch-up, read before matching: a count stored under it is never newer than it claims.
        await store.CatchUpAsync(ct);
        var version = store.Version;
        if (cache.Get(id, version) is { } cached) return cached;
        var count = (await scores()).Count(total => total >= _threshold);
        cache.Set(id, version, count);
        return count;
    }
}
