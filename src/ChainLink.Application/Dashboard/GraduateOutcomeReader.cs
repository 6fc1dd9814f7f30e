using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Dashboard;

/// <summary>Graduate-outcome rows with their college, programme and verified hires, as every read shows them.</summary>
internal static class GraduateOutcomeReader
{
    public static async Task<List<GraduateOutcomeDto>> ReadAsync(IAppDbContext db, IQueryable<GraduateOutcome> rows, CancellationToken ct)
    {
        var found = await rows.AsNoTracking()
            .Join(db.Programmes, g => g.ProgrammeId, p => p.Id, (g, p) => new { g, p.Name, p.MajorCode, p.CampusRegionCode })
            .Join(db.Organisations, x => x.g.OrganisationId, o => o.Id, (x, o) => new { x.g, x.Name, x.MajorCode, x.CampusRegionCode, College = o.Name })
            .ToListAsync(ct);
        var hires = await VerifiedHiresAsync(db, found.Select(x => x.g.ProgrammeId), ct);
        return [.. found.OrderBy(x => x.g.GraduationYear).ThenBy(x => x.College, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => GraduateOutcomeDto.From(x.g, x.College, x.Name, x.MajorCode, x.CampusRegionCode,
                hires.GetValueOrDefault((x.g.ProgrammeId, x.g.GraduationYear))))];
    }

    /// <summary>Confirmed graduates-hired outcomes by programme and graduation year: the part of the outcomes an enterprise verified.</summary>
    public static async Task<Dictionary<(Guid ProgrammeId, int Year), int>> VerifiedHiresAsync(IAppDbContext db, IEnumerable<Guid> programmeIds, CancellationToken ct)
    {
        var ids = programmeIds.Distinct().ToList();
        var rows = await db.Outcomes.AsNoTracking()
            .Where(o => o.Kind == OutcomeKind.GraduatesHired && o.Status == ReportStatus.Confirmed && o.ProgrammeId != null && ids.Contains(o.ProgrammeId.Value))
            .Select(o => new { ProgrammeId = o.ProgrammeId!.Value, o.Year, o.Quantity }).ToListAsync(ct);
        return rows.GroupBy(r => (r.ProgrammeId, r.Year)).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));
    }
}
