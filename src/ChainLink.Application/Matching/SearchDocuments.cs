using ChainLink.Application.Common;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Matching;

/// <summary>Builds index documents from the current database state (used by the outbox dispatcher and by reindex).</summary>
public static class SearchDocuments
{
    public static async Task<IReadOnlyList<SearchDocument>> ProgrammesAsync(IAppDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var query = db.Programmes.AsNoTracking();
        if (ids is not null) query = query.Where(p => ids.Contains(p.Id));
        return await ProgrammesAsync(query, cancellationToken);
    }

    /// <summary>The documents of the programmes <paramref name="query"/> selects.</summary>
    public static async Task<IReadOnlyList<SearchDocument>> ProgrammesAsync(IQueryable<Programme> query, CancellationToken cancellationToken)
    {
        // A projection, so that enrolment plans and cohorts (also owned) are not loaded with the modules.
        var programmes = await query.Select(p => new
        {
            p.Id, p.Version, p.OrganisationId, p.CampusRegionCode, p.Level, p.MajorCode, p.Name, p.Description,
            Modules = p.Modules.OrderBy(m => m.Position).Select(m => new { m.Name, m.LearningOutcomes, Skills = m.Skills.Select(s => s.SkillCode).ToList() }).ToList(),
        }).ToListAsync(cancellationToken);
        return programmes.Select(p => new SearchDocument(
            SearchDocumentKind.Programme, p.Id, p.Version, p.OrganisationId, p.CampusRegionCode, p.Level, p.MajorCode, null,
            ProgrammeSkills(p.Modules.SelectMany(m => m.Skills)),
            ProgrammeText(p.Name, p.Description, p.Modules.Select(m => (m.Name, m.LearningOutcomes))),
            Active: true)).ToList();
    }

    public static async Task<IReadOnlyList<SearchDocument>> DemandsAsync(IAppDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var query = db.Demands.AsNoTracking();
        if (ids is not null) query = query.Where(d => ids.Contains(d.Id));
        var demands = await query.ToListAsync(cancellationToken);
        return demands.Select(Of).ToList();
    }

    /// <summary>The document of a programme already loaded (a match query, the benchmark); the same fields as <see cref="ProgrammesAsync"/>.</summary>
    public static SearchDocument Of(Programme p) => new(
        SearchDocumentKind.Programme, p.Id, p.Version, p.OrganisationId, p.CampusRegionCode, p.Level, p.MajorCode, null,
        ProgrammeSkills(p.Modules.OrderBy(m => m.Position).SelectMany(m => m.Skills.Select(s => s.SkillCode))),
        ProgrammeText(p.Name, p.Description, p.Modules.OrderBy(m => m.Position).Select(m => (m.Name, m.LearningOutcomes))),
        Active: true);

    public static SearchDocument Of(Demand d) => new(
        SearchDocumentKind.Demand, d.Id, d.Version, d.OrganisationId, d.RegionCode, d.EducationLevel, null, d.OccupationCode,
        d.Skills.Select(s => s.SkillCode).Order(StringComparer.Ordinal).ToList(),
        DemandText(d),
        Active: d.Status == DemandStatus.Open);

    /// <summary>What a demand says in words: the text its matches are retrieved with.</summary>
    public static string DemandText(Demand d) => DemandText(d.Title, d.Description);

    public static string DemandText(string title, string description) =>
        string.Join('\n', new[] { title, description }.Where(t => !string.IsNullOrWhiteSpace(t)));

    private static List<string> ProgrammeSkills(IEnumerable<string> codes) => codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string ProgrammeText(string name, string description, IEnumerable<(string Name, string LearningOutcomes)> modules) =>
        string.Join('\n', new[] { name, description }.Concat(modules.SelectMany(m => new[] { m.Name, m.LearningOutcomes }))
            .Where(t => !string.IsNullOrWhiteSpace(t)));
}
