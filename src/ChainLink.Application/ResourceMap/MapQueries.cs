using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Programmes;
using ChainLink.Domain.Resources;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.ResourceMap;

/// <summary>RFC 7946 point geometry: coordinates are [longitude, latitude].</summary>
public sealed record PointGeometry(IReadOnlyList<double> Coordinates)
{
    [JsonPropertyOrder(-1)] public string Type => "Point";
}

/// <summary>What a map popup shows; <see cref="Counts"/> and <see cref="Details"/> hold the layer's own figures.</summary>
public sealed record MapFeatureProperties(
    string Layer,
    string Name,
    Guid OrganisationId,
    string OrganisationName,
    string RegionCode,
    string RegionName,
    IReadOnlyList<string> ClusterCodes,
    IReadOnlyList<string> ClusterNames,
    bool Mine,
    double? Utilisation,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyDictionary<string, string> Details);

public sealed record MapFeature(Guid Id, PointGeometry Geometry, MapFeatureProperties Properties)
{
    [JsonPropertyOrder(-1)] public string Type => "Feature";
}

public sealed record MapFeatureCollection(IReadOnlyList<MapFeature> Features)
{
    [JsonPropertyOrder(-1)] public string Type => "FeatureCollection";
}

public static class MapLayers
{
    public const string Colleges = "colleges";
    public const string Programmes = "programmes";
    public const string TrainingBases = "trainingBases";
    public const string Mentors = "mentors";
    public const string Platforms = "platforms";

    public static readonly IReadOnlyList<string> All = [Colleges, Programmes, TrainingBases, Mentors, Platforms];
}

public sealed record GetMapFeatures(string? Layer, string? Cluster, string? Major, string? Region) : IQuery<MapFeatureCollection>;

internal sealed class GetMapFeaturesValidator : AbstractValidator<GetMapFeatures>
{
    public GetMapFeaturesValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Layer).NotEmpty().Must(l => MapLayers.All.Contains(l, StringComparer.Ordinal))
            .WithMessage($"'{{PropertyValue}}' 不是图层；可用的图层：{string.Join("、", MapLayers.All)}。");
        RuleFor(x => x.Cluster).KnownClusterOrEmpty(taxonomy);
        RuleFor(x => x.Major!).KnownMajor(taxonomy).When(x => !string.IsNullOrEmpty(x.Major));
        RuleFor(x => x.Region!).KnownRegion(taxonomy).When(x => !string.IsNullOrEmpty(x.Region));
    }
}

public sealed record RegionSummary(string RegionCode, string RegionName, int Colleges, int Programmes, int TrainingBases, int Mentors,
    int Platforms, long CapacityHoursPerYear, long HoursUsed, double Utilisation);

public sealed record ClusterSummary(string ClusterCode, string ClusterName, int Colleges, int Programmes, int TrainingBases, int Mentors,
    int Platforms, long CapacityHoursPerYear, long HoursUsed, double Utilisation);

public sealed record MapSummary(IReadOnlyList<RegionSummary> Regions, IReadOnlyList<ClusterSummary> Clusters);

public sealed record GetMapSummary(string? Region) : IQuery<MapSummary>;

internal sealed class GetMapSummaryValidator : AbstractValidator<GetMapSummary>
{
    public GetMapSummaryValidator(ITaxonomyCache taxonomy) =>
        RuleFor(x => x.Region!).KnownRegion(taxonomy).When(x => !string.IsNullOrEmpty(x.Region));
}

/// <summary>
/// One map resource reduced to what filtering and drawing need. Resources are few (hundreds per region), so a layer is
/// loaded whole and filtered in memory: the cluster and major rules differ per layer and are simpler to read as code.
/// Figures are 64-bit: they are sums over what any organisation typed, and one region's total must never overflow.
/// </summary>
internal sealed record Placed(
    Guid Id, string Layer, string Name, Guid OrganisationId, string RegionCode, GeoPoint Point,
    IReadOnlyList<string> ClusterCodes, IReadOnlyCollection<string> MajorCodes, long Capacity, long HoursUsed, bool HasUsage,
    Dictionary<string, long> Counts, Dictionary<string, string> Details)
{
    /// <summary>The name its own organisation reads (a mentor's is masked for everyone else in <see cref="Name"/>).</summary>
    public string OwnName { get; init; } = Name;
}

internal sealed class MapQueryHandlers(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, MapCache cache)
    : IQueryHandler<GetMapFeatures, MapFeatureCollection>, IQueryHandler<GetMapSummary, MapSummary>
{
    public async ValueTask<MapFeatureCollection> Handle(GetMapFeatures query, CancellationToken ct) =>
        Features(await DataAsync(ct), query, user.OrganisationId, taxonomy);

    public async ValueTask<MapSummary> Handle(GetMapSummary query, CancellationToken ct) => Summary(await DataAsync(ct), query, taxonomy);

    /// <summary>
    /// A viewer of an approved organisation (or none) sees exactly the approved organisations' records, which one cached
    /// copy serves; a pending or rejected organisation also sees its own, so its map is loaded for it alone.
    /// </summary>
    private async Task<MapData> DataAsync(CancellationToken ct)
    {
        if (user.OrganisationId is { } viewer
            && !await db.Organisations.AnyAsync(o => o.Id == viewer && o.Status == OrganisationStatus.Approved, ct))
            return await MapData.LoadAsync(db, taxonomy, viewer, ct);
        var stamp = await MapStamp.ReadAsync(db, ct);
        // The load outlives no request: the first caller awaits it too. It is not cancelled with that caller, as others may wait on it.
        return await cache.GetAsync(stamp, () => MapData.LoadAsync(db, taxonomy, null, CancellationToken.None));
    }

    internal static MapFeatureCollection Features(MapData data, GetMapFeatures query, Guid? viewer, ITaxonomyCache taxonomy) =>
        new(data.Layer(query.Layer!)
            .Where(p => string.IsNullOrEmpty(query.Region) || InRegion(p.RegionCode, query.Region))
            .Where(p => string.IsNullOrEmpty(query.Cluster) || p.ClusterCodes.Contains(query.Cluster, StringComparer.Ordinal))
            .Where(p => string.IsNullOrEmpty(query.Major) || p.MajorCodes.Contains(query.Major, StringComparer.Ordinal))
            .Select(p => (Item: p, Name: p.OrganisationId == viewer ? p.OwnName : p.Name))
            .OrderBy(x => x.Item.RegionCode, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => Feature(x.Item, x.Name, data, viewer, taxonomy))
            .ToList());

    private static MapFeature Feature(Placed p, string name, MapData data, Guid? viewer, ITaxonomyCache taxonomy) =>
        new(p.Id, new PointGeometry([p.Point.Longitude, p.Point.Latitude]), new MapFeatureProperties(
            p.Layer, name, p.OrganisationId, data.OrganisationName(p.OrganisationId), p.RegionCode,
            taxonomy.RegionName(p.RegionCode) ?? p.RegionCode, p.ClusterCodes, p.ClusterCodes.Select(c => taxonomy.ClusterName(c) ?? c).ToList(),
            p.OrganisationId == viewer, p.HasUsage ? Ratio(p.HoursUsed, p.Capacity) : null, p.Counts, p.Details));

    internal static MapSummary Summary(MapData data, GetMapSummary query, ITaxonomyCache taxonomy)
    {
        var all = MapLayers.All.SelectMany(data.Layer)
            .Where(p => string.IsNullOrEmpty(query.Region) || InRegion(p.RegionCode, query.Region)).ToList();
        var regions = all.GroupBy(p => p.RegionCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegionSummary(g.Key, taxonomy.RegionName(g.Key) ?? g.Key,
                Count(g, MapLayers.Colleges), Count(g, MapLayers.Programmes), Count(g, MapLayers.TrainingBases), Count(g, MapLayers.Mentors),
                Count(g, MapLayers.Platforms), g.Sum(p => p.Capacity), g.Sum(p => p.HoursUsed), Ratio(g.Sum(p => p.HoursUsed), g.Sum(p => p.Capacity))))
            .ToList();
        var clusters = all.SelectMany(p => p.ClusterCodes.Select(c => (Cluster: c, Item: p)))
            .GroupBy(x => x.Cluster, x => x.Item, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ClusterSummary(g.Key, taxonomy.ClusterName(g.Key) ?? g.Key,
                Count(g, MapLayers.Colleges), Count(g, MapLayers.Programmes), Count(g, MapLayers.TrainingBases), Count(g, MapLayers.Mentors),
                Count(g, MapLayers.Platforms), g.Sum(p => p.Capacity), g.Sum(p => p.HoursUsed), Ratio(g.Sum(p => p.HoursUsed), g.Sum(p => p.Capacity))))
            .ToList();
        return new MapSummary(regions, clusters);
    }

    private static int Count(IEnumerable<Placed> items, string layer) => items.Count(p => p.Layer == layer);

    private static double Ratio(long used, long capacity) => capacity == 0 ? 0 : Math.Round((double)used / capacity, 4);

    /// <summary>A province code (xx0000) covers its prefectures, like the other region filters.</summary>
    private static bool InRegion(string code, string region) =>
        region.EndsWith("0000", StringComparison.Ordinal) ? code.StartsWith(region[..2], StringComparison.Ordinal) : code == region;
}

/// <summary>
/// Every map resource with its point, clusters and majors that <c>viewer</c> may see. Read-only once loaded, so one copy
/// serves concurrent requests.
/// </summary>
internal sealed class MapData
{
    private readonly Dictionary<Guid, string> _organisationNames;
    private readonly Dictionary<string, List<Placed>> _layers;

    private MapData(Dictionary<Guid, string> organisationNames, Dictionary<string, List<Placed>> layers)
    {
        _organisationNames = organisationNames;
        _layers = layers;
    }

    public IEnumerable<Placed> Layer(string layer) => _layers[layer];

    public string OrganisationName(Guid id) => _organisationNames.GetValueOrDefault(id, "");

    public static async Task<MapData> LoadAsync(IAppDbContext db, ITaxonomyCache taxonomy, Guid? viewer, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().VisibleTo(o => o.Id, db, viewer)
            .Where(o => o.Kind == OrganisationKind.College || o.Kind == OrganisationKind.Enterprise).ToListAsync(ct);
        var seats = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => new GeoPoint(r.Longitude, r.Latitude), ct);
        var clusterMajors = await db.ClusterMajors.AsNoTracking().Select(c => new { c.ClusterCode, c.MajorCode }).ToListAsync(ct);
        var clustersOfMajor = clusterMajors.ToLookup(c => c.MajorCode, c => c.ClusterCode, StringComparer.Ordinal);
        var majorsOfCluster = clusterMajors.ToLookup(c => c.ClusterCode, c => c.MajorCode, StringComparer.Ordinal);
        var programmes = (await db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, viewer).ToListAsync(ct))
            .Select(p => new ProgrammeRow(p.Id, p.OrganisationId, p.Name, p.MajorCode, p.CampusRegionCode, p.Cohorts, p.EnrolmentPlans)).ToList();
        var trainingBases = await db.TrainingBases.AsNoTracking().VisibleTo(t => t.OrganisationId, db, viewer).ToListAsync(ct);
        var mentors = await db.Mentors.AsNoTracking().VisibleTo(m => m.OrganisationId, db, viewer).ToListAsync(ct);
        var platforms = await db.RdPlatforms.AsNoTracking().VisibleTo(p => p.OrganisationId, db, viewer).ToListAsync(ct);

        var byOrganisation = organisations.ToDictionary(o => o.Id);
        var programmesById = programmes.ToDictionary(p => p.Id);
        var programmesOf = programmes.ToLookup(p => p.OrganisationId);
        var mentorsOfProgramme = mentors.SelectMany(m => m.ProgrammeIds.Select(p => (Programme: p, Mentor: m))).ToLookup(x => x.Programme, x => x.Mentor);
        var basesOf = trainingBases.ToLookup(t => t.OrganisationId);
        GeoPoint Seat(string region, Guid id) => MapPlacement.NearSeat(region, seats.GetValueOrDefault(region, new GeoPoint(0, 0)), id);
        List<string> MajorClusters(IEnumerable<string> majors) => majors.SelectMany(m => clustersOfMajor[m]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        List<string> ClusterMajors(IEnumerable<string> clusters) => clusters.SelectMany(c => majorsOfCluster[c]).Distinct(StringComparer.Ordinal).ToList();

        var colleges = organisations.Where(o => o.Kind == OrganisationKind.College).Select(o =>
        {
            var own = programmesOf[o.Id].ToList();
            var bases = basesOf[o.Id].ToList();
            return new Placed(o.Id, MapLayers.Colleges, o.Name, o.Id, o.RegionCode, Seat(o.RegionCode, o.Id), o.ClusterCodes,
                own.Select(p => p.MajorCode).ToHashSet(StringComparer.Ordinal), 0, 0, false,
                new() { ["programmes"] = own.Count, ["trainingBases"] = bases.Count, ["mentors"] = own.SelectMany(p => mentorsOfProgramme[p.Id]).Distinct().Count(),
                    ["graduatesExpected"] = own.Sum(p => (long)p.LatestExpectedGraduates) }, []);
        });
        var programmeItems = programmes.Select(p => new Placed(p.Id, MapLayers.Programmes, p.Name, p.OrganisationId, p.CampusRegionCode,
            Seat(p.CampusRegionCode, p.Id), MajorClusters([p.MajorCode]), [p.MajorCode], 0, 0, false,
            new() { ["graduatesExpected"] = p.LatestExpectedGraduates, ["enrolmentPlanned"] = p.LatestPlannedEnrolment, ["mentors"] = mentorsOfProgramme[p.Id].Count() },
            new() { ["majorCode"] = p.MajorCode, ["majorName"] = taxonomy.MajorName(p.MajorCode) ?? p.MajorCode }));
        var baseItems = trainingBases.Select(t =>
        {
            var used = t.Usage.OrderByDescending(u => u.Quarter).Take(4).Sum(u => (long)u.Hours);
            return new Placed(t.Id, MapLayers.TrainingBases, t.Name, t.OrganisationId, t.RegionCode, t.Location, t.ClusterCodes,
                ClusterMajors(t.ClusterCodes), t.CapacityHoursPerYear, used, true,
                new() { ["capacityHoursPerYear"] = t.CapacityHoursPerYear, ["hoursUsed"] = used, ["sharedWith"] = t.SharedWith.Count }, []);
        });
        var mentorItems = mentors.Where(m => byOrganisation.ContainsKey(m.OrganisationId)).Select(m =>
        {
            var enterprise = byOrganisation[m.OrganisationId];
            var taught = m.ProgrammeIds.Where(programmesById.ContainsKey).Select(id => programmesById[id]).ToList();
            return new Placed(m.Id, MapLayers.Mentors, m.NameFor(null), m.OrganisationId, enterprise.RegionCode, Seat(enterprise.RegionCode, m.Id),
                enterprise.ClusterCodes, taught.Select(p => p.MajorCode).ToHashSet(StringComparer.Ordinal), 0, 0, false,
                new() { ["programmes"] = taught.Count, ["hoursTaught"] = m.HoursTaught },
                new() { ["skills"] = string.Join("、", m.SkillCodes.Select(c => taxonomy.SkillName(c) ?? c)) }) { OwnName = m.Name };
        });
        var platformItems = platforms.Select(p => new Placed(p.Id, MapLayers.Platforms, p.Name, p.OrganisationId, p.RegionCode, p.Location,
            p.ClusterCodes, ClusterMajors(p.ClusterCodes), 0, 0, false, [], new() { ["kind"] = p.Kind.ToString() }));

        return new MapData(organisations.ToDictionary(o => o.Id, o => o.Name), new(StringComparer.Ordinal)
        {
            [MapLayers.Colleges] = colleges.ToList(),
            [MapLayers.Programmes] = programmeItems.ToList(),
            [MapLayers.TrainingBases] = baseItems.ToList(),
            [MapLayers.Mentors] = mentorItems.ToList(),
            [MapLayers.Platforms] = platformItems.ToList(),
        });
    }

    private sealed record ProgrammeRow(Guid Id, Guid OrganisationId, string Name, string MajorCode, string CampusRegionCode,
        List<GraduateCohort> Cohorts, List<EnrolmentPlan> Plans)
    {
        public int LatestExpectedGraduates => Cohorts.OrderByDescending(c => c.Year).Select(c => c.Expected).FirstOrDefault();
        public int LatestPlannedEnrolment => Plans.OrderByDescending(p => p.Year).Select(p => p.Planned).FirstOrDefault();
    }
}

/// <summary>Where a resource without its own location is drawn.</summary>
public static class MapPlacement
{
    /// <summary>
    /// How far (degrees, either axis) a point may lie from the seat of each 盟市 and stay inside it: 80 % of the largest
    /// square around the seat that fits inside the boundary the map draws (echarts-map's neimenggu.json), measured once,
    /// capped at 0.25°. 乌海's seat lies 0.02° from its border, 巴彦淖尔's 0.05°. The API tests check every point against
    /// the boundary itself.
    /// </summary>
    private static readonly Dictionary<string, double> Spreads = new(StringComparer.Ordinal)
    {
        ["150100"] = 0.21, ["150200"] = 0.07, ["150300"] = 0.015, ["150400"] = 0.22, ["150500"] = 0.25, ["150600"] = 0.25,
        ["150700"] = 0.25, ["150800"] = 0.04, ["150900"] = 0.25, ["152200"] = 0.07, ["152500"] = 0.25, ["152900"] = 0.13,
    };

    /// <summary>Regions not measured keep their points this close to the seat.</summary>
    public const double DefaultSpread = 0.01;

    public static double SpreadAround(string regionCode) => Spreads.GetValueOrDefault(regionCode, DefaultSpread);

    /// <summary>
    /// Near its region's seat, moved by an offset taken from its id, so markers of one city do not hide each other and a
    /// resource stays on the same spot from one request to the next.
    /// </summary>
    public static GeoPoint NearSeat(string regionCode, GeoPoint seat, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return Offset(regionCode, seat, BitConverter.ToUInt16(bytes[..2]) / (double)ushort.MaxValue, BitConverter.ToUInt16(bytes[2..4]) / (double)ushort.MaxValue);
    }

    /// <summary>The point at fractions <paramref name="x"/> and <paramref name="y"/> (0–1) across the square around the seat.</summary>
    public static GeoPoint Offset(string regionCode, GeoPoint seat, double x, double y)
    {
        var spread = SpreadAround(regionCode);
        return new GeoPoint(Math.Round(seat.Longitude + (x * 2 - 1) * spread, 6), Math.Round(seat.Latitude + (y * 2 - 1) * spread, 6));
    }
}
