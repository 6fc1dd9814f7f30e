using ChainLink.Application.Common;
using ChainLink.Domain.Demands;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Matching;

/// <summary>Builds index documents from the current database state (used by the outbox dispatcher and by reindex).</summary>
public static class SearchDocuments
{
    public static async Task<IReadOnlyList<SearchDocument>> ProgrammesAsync(IAppDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var query = db.Programmes.AsNoTracking();
        if (ids is not null) query = query.Where(p => ids.Contains(p.Id));
        // A projection, so that enrolment plans and cohorts (also owned) are not loaded with the modules.
        var programmes = await query.Select(p => new
        {
            p.Id, p.Version, p.OrganisationId, p.CampusRegionCode, p.Level, p.MajorCode, p.Name, p.Description,
            Modules = p.Modules.OrderBy(m => m.Position).Select(m => new { m.Name, m.LearningOutcomes, Skills = m.Skills.Select(s => s.SkillCode).ToList() }).ToList(),
        }).ToListAsync(cancellationToken);
        return programmes.Select(p => new SearchDocument(
            SearchDocumentKind.Programme, p.Id, p.Version, p.OrganisationId, p.CampusRegionCode, p.Level, p.MajorCode, null,
            p.Modules.SelectMany(m => m.Skills).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            string.Join('\n', new[] { p.Name, p.Description }.Concat(p.Modules.SelectMany(m => new[] { m.Name, m.LearningOutcomes }))
                .Where(t => !string.IsNullOrWhiteSpace(t))),
            Active: true)).ToList();
    }

    public static async Task<IReadOnlyList<SearchDocument>> DemandsAsync(IAppDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var query = db.Demands.AsNoTracking();
        if (ids is not null) query = query.Where(d => ids.Contains(d.Id));
        var demands = await query.ToListAsync(cancellationToken);
        return demands.Select(d => new SearchDocument(
            SearchDocumentKind.Demand, d.Id, d.Version, d.OrganisationId, d.RegionCode, d.EducationLevel, null, d.OccupationCode,
            d.Skills.Select(s => s.SkillCode).Order(StringComparer.Ordinal).ToList(),
            string.Join('\n', new[] { d.Title, d.Description }.Where(t => !string.IsNullOrWhiteSpace(t))),
            Active: d.Status == DemandStatus.Open)).ToList();
    }
}
