using ChainLink.Application.Common;
using ChainLink.Domain.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Matching;

/// <summary>Retrieve, then rank: asks the index for candidates, scores them on the profiles held in memory and explains them.</summary>
/// <remarks>
/// The index and the profile store hold every programme and demand; what the caller may see (<see cref="Visibility"/>) is
/// decided here, on the database (one narrow read of the candidates' organisations, which also gives the names shown),
/// so approving an organisation needs no reindex and a record never shows before its owner is approved.
/// </remarks>
internal sealed class Matcher(
    IAppDbContext db, ISearchIndex index, IMatchProfileStore store, ITaxonomyCache taxonomy, ICurrentUser user, IOptions<MatchingOptions> options)
{
    private readonly MatchingOptions _options = options.Value;

    public async Task<MatchList<ProgrammeMatch>> ProgrammesAsync(
        DemandProfile demand, string? text, MatchBasisDraft basis, CancellationToken ct)
    {
        var levels = demand.Level is { } level ? MatchScoring.AcceptableLevels(level) : null;
        var candidates = await index.SearchAsync(
            new CandidateQuery(SearchDocumentKind.Programme, demand.Skills.Select(s => s.Code).ToList(), text, levels, null, _options.CandidatePoolSize), ct);
        await store.CatchUpAsync(ct);
        var programmes = Resolve(candidates, store.Programme);
        var colleges = await VisibleOwnersAsync(programmes.Values.Select(p => p.OrganisationId), ct);

        var weights = _options.Weights;
        var ranked = MatchRanking.Rank(candidates, !string.IsNullOrWhiteSpace(text),
            c => programmes.GetValueOrDefault(c.Id) is { } p && colleges.TryGetValue(p.OrganisationId, out var college) ? new Row<StoredProgramme>(p, college) : null,
            (row, textRelevance) => MatchScoring.Score(demand, row.Item.Profile, textRelevance, weights, taxonomy),
            basis.Top);
        var results = ranked.Select((r, i) =>
        {
            var p = r.Item.Item;
            return new ProgrammeMatch(i + 1, p.Id, p.Name, p.MajorCode, taxonomy.MajorName(p.MajorCode), p.Level, p.OrganisationId, r.Item.Owner,
                p.CampusRegionCode, taxonomy.RegionName(p.CampusRegionCode), MatchExplanation.From(r.Score, r.Candidate.SharedSkills, taxonomy));
        }).ToList();
        return new MatchList<ProgrammeMatch>(basis.Build(candidates.Count), results);
    }

    /// <param name="document">The programme's index document: its skill codes and text are the query.</param>
    public async Task<MatchList<DemandMatch>> DemandsForAsync(SearchDocument document, int top, CancellationToken ct)
    {
        var candidates = await index.SearchAsync(new CandidateQuery(SearchDocumentKind.Demand, document.SkillCodes, document.Text,
            MatchScoring.AcceptableLevels(document.Level), null, _options.CandidatePoolSize), ct);
        await store.CatchUpAsync(ct);
        var programme = store.Programme(document.Id) ?? throw new NotFoundException("Programme", document.Id);
        // Open only (the store holds no other), even if the index has not caught up with a demand that closed a moment ago.
        var demands = Resolve(candidates, store.OpenDemand);
        var enterprises = await VisibleOwnersAsync(demands.Values.Select(d => d.OrganisationId), ct);

        var weights = _options.Weights;
        var ranked = MatchRanking.Rank(candidates, !string.IsNullOrWhiteSpace(document.Text),
            c => demands.GetValueOrDefault(c.Id) is { } d && enterprises.TryGetValue(d.OrganisationId, out var enterprise) ? new Row<StoredDemand>(d, enterprise) : null,
            (row, textRelevance) => MatchScoring.Score(row.Item.Profile, programme.Profile, textRelevance, weights, taxonomy),
            top);
        var results = ranked.Select((r, i) =>
        {
            var d = r.Item.Item;
            return new DemandMatch(i + 1, d.Id, d.Title, d.OccupationCode, taxonomy.OccupationName(d.OccupationCode), d.Level, d.Headcount,
                d.NeededBy.ToString(), d.OrganisationId, r.Item.Owner, d.RegionCode, taxonomy.RegionName(d.RegionCode),
                MatchExplanation.From(r.Score, r.Candidate.SharedSkills, taxonomy));
        }).ToList();
        var basis = new MatchBasisDraft(top, document.SkillCodes.Select(c => new BasisSkill(c, taxonomy.SkillName(c), true, "programme", null)).ToList(),
            TextUsed: true, NoSkillRecognised: false, Note: null);
        return new MatchList<DemandMatch>(basis.Build(candidates.Count), results);
    }

    /// <summary>Each candidate's profile as it is now, read once so a concurrent catch-up cannot change it mid-ranking.</summary>
    private static Dictionary<Guid, T> Resolve<T>(IReadOnlyList<SearchCandidate> candidates, Func<Guid, T?> find) where T : class
    {
        var found = new Dictionary<Guid, T>(candidates.Count);
        foreach (var candidate in candidates)
            if (find(candidate.Id) is { } item) found.TryAdd(candidate.Id, item);
        return found;
    }

    /// <summary>Names of the organisations among <paramref name="owners"/> whose records the caller may see.</summary>
    private async Task<Dictionary<Guid, string>> VisibleOwnersAsync(IEnumerable<Guid> owners, CancellationToken ct)
    {
        var ids = owners.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).VisibleTo(o => o.Id, db, user.OrganisationId)
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private sealed record Row<T>(T Item, string Owner);
}

/// <summary>The basis of a match before the candidate count is known.</summary>
internal sealed record MatchBasisDraft(int Top, IReadOnlyList<BasisSkill> Skills, bool TextUsed, bool NoSkillRecognised, string? Note)
{
    public MatchBasis Build(int candidates) => new(Skills, TextUsed, NoSkillRecognised, Note, candidates);
}

/// <summary>Shown when free text named no taxonomy skill.</summary>
internal static class MatchNotes
{
    public const string NoSkillRecognised =
        "文本中未识别出词表中的技能：结果仅按文本相关度（以及给出的地点和学历层次）排序。";
}
