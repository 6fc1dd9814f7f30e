using ChainLink.Application.Barometer;
using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Dashboard;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Dashboard;

/// <summary>
/// Reads the records a dashboard request covers (docs/integration-dashboard.md §3) into the calculator's input: the
/// filter the caller may use, then the agreements, reports, programmes, demands and resources in scope. Every status is
/// read; what counts is the calculator's decision.
/// </summary>
internal sealed class DashboardSource(IAppDbContext db, ICurrentUser user, TimeProvider clock)
{
    private sealed record Org(Guid Id, OrganisationKind Kind, string RegionCode, List<string> ClusterCodes);

    /// <summary>The filter as applied: the year filled in, and a college's or enterprise's own id in its place.</summary>
    public DashboardFilter Scope(DashboardFilter asked)
    {
        var filter = asked with { Year = asked.Year ?? clock.GetUtcNow().Year };
        if (user.ReadsEverything()) return filter;
        var own = user.RequireOrganisationId();
        if (user.IsCollege())
        {
            if (asked.College is { } college && college != own) throw new ForbiddenException("院校用户只能查看本院校的看板数据。");
            return filter with { College = own };
        }
        if (user.IsEnterprise())
        {
            if (asked.Enterprise is { } enterprise && enterprise != own) throw new ForbiddenException("企业用户只能查看本企业的看板数据。");
            return filter with { Enterprise = own };
        }
        throw new ForbiddenException("看板只对政府、管理员以及院校和企业本单位开放。");
    }

    public async Task<DashboardData> LoadAsync(DashboardFilter filter, CancellationToken ct)
    {
        var year = filter.Year!.Value;
        var orgs = (await db.Organisations.AsNoTracking().Select(o => new Org(o.Id, o.Kind, o.RegionCode, o.ClusterCodes)).ToListAsync(ct))
            .ToDictionary(o => o.Id);
        bool InRegion(string? code) => filter.Region is not { } region || (code is not null && RegionCovers(region, code));
        bool InCluster(Org? org) => filter.Cluster is not { } cluster || (org?.ClusterCodes.Contains(cluster) ?? false);
        bool OwnerInScope(Guid owner, string? region, IReadOnlyCollection<string>? clusters) =>
            InRegion(region ?? orgs.GetValueOrDefault(owner)?.RegionCode)
            && (filter.Cluster is not { } cluster || (clusters ?? orgs.GetValueOrDefault(owner)?.ClusterCodes ?? []).Contains(cluster))
            && (filter.College is null || filter.College == owner) && (filter.Enterprise is null || filter.Enterprise == owner);
        Org? OfKind(Guid a, Guid b, OrganisationKind kind) =>
            orgs.GetValueOrDefault(a) is { } x && x.Kind == kind ? x : orgs.GetValueOrDefault(b) is { } y && y.Kind == kind ? y : null;

        var agreementRows = await db.Agreements.AsNoTracking()
            .Select(a => new { a.Id, a.FirstPartyId, a.SecondPartyId, a.ProgrammeId, a.Modes, a.EntityKind, a.Status, a.StartDate, a.EndDate, a.EndedAt })
            .ToListAsync(ct);
        var agreements = agreementRows.Select(a =>
            {
                var enterprise = OfKind(a.FirstPartyId, a.SecondPartyId, OrganisationKind.Enterprise);
                var college = OfKind(a.FirstPartyId, a.SecondPartyId, OrganisationKind.College);
                var parties = new[] { orgs.GetValueOrDefault(a.FirstPartyId), orgs.GetValueOrDefault(a.SecondPartyId) };
                var inScope = (filter.Region is null || parties.Any(p => p is not null && InRegion(p.RegionCode)))
                    && (filter.Cluster is null || (enterprise is not null ? InCluster(enterprise) : parties.Any(InCluster)))
                    && (filter.College is null || a.FirstPartyId == filter.College || a.SecondPartyId == filter.College)
                    && (filter.Enterprise is null || a.FirstPartyId == filter.Enterprise || a.SecondPartyId == filter.Enterprise);
                return inScope
                    ? new AgreementFact(a.Id, enterprise?.Id, college?.Id, a.ProgrammeId, a.Modes, a.EntityKind is not null, a.Status, a.StartDate, a.EndDate, a.EndedAt)
                    : null;
            })
            .OfType<AgreementFact>().ToList();

        var (demands, proposals) = await FunnelAsync(filter, year, orgs.ToDictionary(o => o.Key, o => o.Value.ClusterCodes), InRegion, ct);
        var agreementIds = agreements.Select(a => a.Id).Concat(proposals.Where(p => p.AgreementId is not null).Select(p => p.AgreementId!.Value))
            .Distinct().ToList();
        var investments = (await db.Investments.AsNoTracking().Where(i => agreementIds.Contains(i.AgreementId))
                .Select(i => new { i.Id, i.AgreementId, i.PartyOrganisationId, i.Year, i.ActualFunds, i.EquipmentValue, i.StaffHours, i.Status, i.DisputeCount })
                .ToListAsync(ct))
            .Select(i => new InvestmentFact(i.Id, i.AgreementId, i.PartyOrganisationId, orgs.GetValueOrDefault(i.PartyOrganisationId)?.Kind == OrganisationKind.Enterprise,
                i.Year, i.ActualFunds, i.EquipmentValue, i.StaffHours, i.Status, i.DisputeCount))
            .ToList();
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => agreementIds.Contains(o.AgreementId))
            .Select(o => new OutcomeFact(o.Id, o.AgreementId, o.Kind, o.Year, o.Quantity, o.ContractValue, o.ProgrammeId, o.Status, o.DisputeCount, o.ReviewedAt))
            .ToListAsync(ct);

        var programmes = await ProgrammesAsync(filter, year, InRegion, ct);

        var bases = (await db.TrainingBases.AsNoTracking().VisibleTo(b => b.OrganisationId, db, user.OrganisationId)
                .Select(b => new { b.Id, b.OrganisationId, b.RegionCode, b.ClusterCodes, b.CapacityHoursPerYear, b.Usage }).ToListAsync(ct))
            .Where(b => OwnerInScope(b.OrganisationId, b.RegionCode, b.ClusterCodes))
            .Select(b => new TrainingBaseFact(b.Id, b.CapacityHoursPerYear, b.Usage)).ToList();
        var mentorHours = (await db.Mentors.AsNoTracking().VisibleTo(m => m.OrganisationId, db, user.OrganisationId)
                .Select(m => new { m.OrganisationId, m.HoursTaught }).ToListAsync(ct))
            .Where(m => OwnerInScope(m.OrganisationId, null, null)).Sum(m => m.HoursTaught);

        var (bands, edition) = await LatestBandsAsync(ct);
        return new DashboardData(year, filter.Quarter, agreements, investments, outcomes, programmes, demands, proposals, bases, mentorHours, bands, edition);
    }

    /// <summary>A province code (xx0000) covers its prefectures and counties, a prefecture code (xxxx00) its counties.</summary>
    public static bool RegionCovers(string region, string code) =>
        region.EndsWith("0000", StringComparison.Ordinal) ? code.StartsWith(region[..2], StringComparison.Ordinal)
        : region.EndsWith("00", StringComparison.Ordinal) ? code.StartsWith(region[..4], StringComparison.Ordinal)
        : code == region;

    private async Task<List<ProgrammeFact>> ProgrammesAsync(DashboardFilter filter, int year, Func<string?, bool> inRegion, CancellationToken ct)
    {
        var rows = (await db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, user.OrganisationId)
                .Where(p => filter.College == null || p.OrganisationId == filter.College)
                .Select(p => new { p.Id, p.OrganisationId, p.MajorCode, p.CampusRegionCode, p.EnrolmentPlans, p.Cohorts }).ToListAsync(ct))
            .Where(p => inRegion(p.CampusRegionCode)).ToList();
        var occupations = (await db.MajorOccupations.AsNoTracking().ToListAsync(ct)).ToLookup(m => m.MajorCode, m => m.OccupationCode);
        var clusterMajors = filter.Cluster is { } cluster
            ? (await db.ClusterMajors.AsNoTracking().Where(c => c.ClusterCode == cluster).Select(c => c.MajorCode).ToListAsync(ct)).ToHashSet()
            : null;
        return [.. rows.Where(p => clusterMajors is null || clusterMajors.Contains(p.MajorCode)).Select(p => new ProgrammeFact(p.Id, p.OrganisationId,
            [.. occupations[p.MajorCode].Distinct()], p.EnrolmentPlans.Where(e => e.Year == year).Sum(e => e.Planned),
            p.Cohorts.Where(c => c.Year == year).Sum(c => c.Actual ?? c.Expected)))];
    }

    /// <summary>
    /// Demands of the year in scope (by the enterprise's filters and the demand's workplace), whether a supply to match
    /// exists, and the proposals about them. With a college filter, the demands its proposals were about.
    /// </summary>
    private async Task<(List<OpenedDemand>, List<ProposalFact>)> FunnelAsync(DashboardFilter filter, int year,
        Dictionary<Guid, List<string>> clustersOf, Func<string?, bool> inRegion, CancellationToken ct)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        var rows = (await db.Demands.AsNoTracking().VisibleTo(db, user.OrganisationId)
                .Where(d => d.Status != DemandStatus.Draft && (d.OpenedAt ?? d.CreatedAt) >= from && (d.OpenedAt ?? d.CreatedAt) < to)
                .Where(d => filter.Enterprise == null || d.OrganisationId == filter.Enterprise)
                .Select(d => new { d.Id, d.OrganisationId, d.OccupationCode, d.RegionCode, OpenedAt = d.OpenedAt ?? d.CreatedAt }).ToListAsync(ct))
            .Where(d => inRegion(d.RegionCode) && (filter.Cluster is not { } c || (clustersOf.GetValueOrDefault(d.OrganisationId)?.Contains(c) ?? false)))
            .ToList();
        var ids = rows.Select(d => d.Id).ToList();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.DemandId != null && ids.Contains(p.DemandId.Value))
            .Where(p => filter.College == null || p.FromOrganisationId == filter.College || p.ToOrganisationId == filter.College)
            .Select(p => new ProposalFact(p.Id, p.DemandId!.Value, p.CreatedAt, p.AgreementId, p.AgreementId == null ? null : p.AnsweredAt))
            .ToListAsync(ct);
        if (filter.College is not null)
        {
            var named = proposals.Select(p => p.DemandId).ToHashSet();
            rows = [.. rows.Where(d => named.Contains(d.Id))];
        }
        var suppliedMajors = await db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, null).Select(p => p.MajorCode).Distinct().ToListAsync(ct);
        var matchable = (await db.MajorOccupations.AsNoTracking().Where(m => suppliedMajors.Contains(m.MajorCode)).Select(m => m.OccupationCode).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        return ([.. rows.Select(d => new OpenedDemand(d.Id, d.OpenedAt, matchable.Contains(d.OccupationCode)))], proposals);
    }

    /// <summary>The bands of the province-wide occupation cells of the latest published edition, and its name.</summary>
    private async Task<(IReadOnlyDictionary<string, Band>, string?)> LatestBandsAsync(CancellationToken ct)
    {
        var editions = await db.BarometerEditions.AsNoTracking().Select(e => new { e.Id, e.Quarter, e.Revision }).ToListAsync(ct);
        var latest = editions.OrderByDescending(e => e.Quarter).ThenByDescending(e => e.Revision).FirstOrDefault();
        if (latest is null) return (new Dictionary<string, Band>(), null);
        var json = await db.BarometerEditions.AsNoTracking().Where(e => e.Id == latest.Id).Select(e => e.CellsJson).SingleAsync(ct);
        var bands = BarometerPayload.ReadCells(json)
            .Where(c => c is { SegmentType: SegmentType.Occupation, RegionCode: null, Suppressed: false, Band: not null })
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Band!.Value, StringComparer.Ordinal);
        return (bands, $"{latest.Quarter} 第{latest.Revision}版");
    }
}
