using ChainLink.Application.Common;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Matching;
using ChainLink.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Matching;

/// <summary>Retrieve, then rank: asks the index for candidates, loads them from the database, scores and explains them.</summary>
/// <remarks>
/// The index holds every programme and demand; what the caller may see (<see cref="Visibility"/>) is decided here, on
/// the database, so approving an organisation needs no reindex and a record never shows before its owner is approved.
/// </remarks>
internal sealed class Matcher(IAppDbContext db, ISearchIndex index, ITaxonomyCache taxonomy, ICurrentUser user, IOptions<MatchingOptions> options)
{
    private readonly MatchingOptions _options = options.Value;

    public async Task<MatchList<ProgrammeMatch>> ProgrammesAsync(
        DemandProfile demand, string? text, MatchBasisDraft basis, CancellationToken ct)
    {
        var levels = demand.Level is { } level ? MatchScoring.AcceptableLevels(level) : null;
        var candidates = await index.SearchAsync(
            new CandidateQuery(SearchDocumentKind.Programme, demand.Skills.Select(s => s.Code).ToList(), text, levels, null, _options.CandidatePoolSize), ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var rows = await db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, user.OrganisationId).Where(p => ids.Contains(p.Id))
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { Programme = p, College = o.Name })
            .ToDictionaryAsync(r => r.Programme.Id, ct);

        var weights = _options.Weights;
        var ranked = MatchRanking.Rank(candidates, !string.IsNullOrWhiteSpace(text),
            c => rows.GetValueOrDefault(c.Id),
            (row, textRelevance) => MatchScoring.Score(demand, ProfileOf(row.Programme), textRelevance, weights, taxonomy),
            basis.Top);
        var results = ranked.Select((r, i) =>
        {
            var p = r.Item.Programme;
            return new ProgrammeMatch(i + 1, p.Id, p.Name, p.MajorCode, taxonomy.MajorName(p.MajorCode), p.Level, p.OrganisationId, r.Item.College,
                p.CampusRegionCode, taxonomy.RegionName(p.CampusRegionCode), MatchExplanation.From(r.Score, r.Candidate.SharedSkills, taxonomy));
        }).ToList();
        return new MatchList<ProgrammeMatch>(basis.Build(candidates.Count), results);
    }

    public async Task<MatchList<DemandMatch>> DemandsForAsync(Programme programme, SearchDocument document, int top, CancellationToken ct)
    {
        var candidates = await index.SearchAsync(new CandidateQuery(SearchDocumentKind.Demand, document.SkillCodes, document.Text,
            MatchScoring.AcceptableLevels(programme.Level), null, _options.CandidatePoolSize), ct);
        var ids = candidates.Select(c => c.Id).ToList();
        // Open only, even if the index has not caught up with a demand that closed a moment ago.
        var rows = await db.Demands.AsNoTracking().VisibleTo(db, user.OrganisationId).Where(d => ids.Contains(d.Id) && d.Status == DemandStatus.Open)
            .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { Demand = d, Enterprise = o.Name })
            .ToDictionaryAsync(r => r.Demand.Id, ct);

        var weights = _options.Weights;
        var profile = ProfileOf(programme);
        var ranked = MatchRanking.Rank(candidates, !string.IsNullOrWhiteSpace(document.Text),
            c => rows.GetValueOrDefault(c.Id),
            (row, textRelevance) => MatchScoring.Score(ProfileOf(row.Demand), profile, textRelevance, weights, taxonomy),
            top);
        var results = ranked.Select((r, i) =>
        {
            var d = r.Item.Demand;
            return new DemandMatch(i + 1, d.Id, d.Title, d.OccupationCode, taxonomy.OccupationName(d.OccupationCode), d.EducationLevel, d.Headcount,
                d.NeededBy.ToString(), d.OrganisationId, r.Item.Enterprise, d.RegionCode, taxonomy.RegionName(d.RegionCode),
                MatchExplanation.From(r.Score, r.Candidate.SharedSkills, taxonomy));
        }).ToList();
        var basis = new MatchBasisDraft(top, document.SkillCodes.Select(c => new BasisSkill(c, taxonomy.SkillName(c), true, "programme", null)).ToList(),
            TextUsed: true, NoSkillRecognised: false, Note: null);
        return new MatchList<DemandMatch>(basis.Build(candidates.Count), results);
    }

    private ProgrammeProfile ProfileOf(Programme p) => MatchProfiles.Of(p, taxonomy.RegionSeat);

    private DemandProfile ProfileOf(Demand d) => MatchProfiles.Of(d, taxonomy.RegionSeat);
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
        "No taxonomy skill was recognised in the text; results are ranked on text relevance (and place and level when given) only.";
}
