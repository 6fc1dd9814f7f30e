using ChainLink.Domain.Matching;

namespace ChainLink.Application.Matching;

/// <summary>A candidate with its score, ready to explain.</summary>
public sealed record RankedCandidate<T>(SearchCandidate Candidate, T Item, MatchScore Score);

/// <summary>
/// The rank step after retrieval, identical for every back-end: scores each candidate the caller can resolve, with
/// text relevance normalised by the best text score in the candidate set, and orders by score, then id.
/// </summary>
public static class MatchRanking
{
    public static List<RankedCandidate<T>> Rank<T>(
        IReadOnlyList<SearchCandidate> candidates,
        bool queryHasText,
        Func<SearchCandidate, T?> resolve,
        Func<T, double?, MatchScore> score,
        int top) where T : class
    {
        var bestText = candidates.Count == 0 ? 0 : candidates.Max(c => c.TextScore);
        var ranked = new List<RankedCandidate<T>>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (resolve(candidate) is not { } item) continue;
            double? text = queryHasText ? (bestText > 0 ? candidate.TextScore / bestText : 0) : null;
            ranked.Add(new RankedCandidate<T>(candidate, item, score(item, text)));
        }
        ranked.Sort(static (a, b) => b.Score.Total != a.Score.Total
            ? b.Score.Total.CompareTo(a.Score.Total)
            : string.CompareOrdinal(a.Candidate.Id.ToString("D"), b.Candidate.Id.ToString("D")));
        if (ranked.Count > top) ranked.RemoveRange(top, ranked.Count - top);
        return ranked;
    }
}
