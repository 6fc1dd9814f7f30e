namespace ChainLink.Domain.Common;

/// <summary>Why a published cell is withheld, or <see cref="Disclosed"/> when it is not.</summary>
public enum DisclosureVerdict
{
    Disclosed,
    FewContributors,
    Dominated,
}

/// <summary>
/// The one rule for publishing an aggregate outside the organisations it comes from (barometer cells, graduate-outcome
/// aggregates): at least <paramref name="MinimumContributors"/> organisations, and the 2 largest holding no more than
/// <paramref name="DominanceShare"/> of the total (1 turns that part off).
/// </summary>
public sealed record DisclosureRule(int MinimumContributors, double DominanceShare)
{
    public DisclosureVerdict Judge(int contributors, double total, double topTwo)
    {
        if (contributors < MinimumContributors) return DisclosureVerdict.FewContributors;
        if (DominanceShare < 1 && total > 0 && topTwo / total > DominanceShare) return DisclosureVerdict.Dominated;
        return DisclosureVerdict.Disclosed;
    }

    /// <summary>Judges an aggregate from each contributing organisation's share of it.</summary>
    public DisclosureVerdict Judge(IEnumerable<double> contributions)
    {
        var sorted = contributions.OrderByDescending(c => c).ToList();
        return Judge(sorted.Count, sorted.Sum(), sorted.Take(2).Sum());
    }
}
