using System.Globalization;
using System.Runtime.InteropServices;
using ChainLink.Domain.Common;

namespace ChainLink.Domain.Barometer;

/// <summary>
/// Computes every cell of one edition from demand flows and programme supply, with no database: the arithmetic the
/// methodology (docs/barometer-methodology.md) describes, and nothing else.
/// </summary>
public static class BarometerCalculator
{
    public const string MethodologyVersion = "1.0";

    /// <summary>Quarters of history a cell carries, the edition quarter included.</summary>
    public const int HistoryQuarters = 12;

    public const int ForecastQuarters = 4;

    /// <summary>
    /// Share of a year's graduates entering the labour market in the third quarter of their graduation year (they
    /// leave in June/July) and in each of the three quarters after it.
    /// </summary>
    public static readonly IReadOnlyList<double> GraduateSpread = [0.50, 0.25, 0.15, 0.10];

    public static BarometerResult Compute(Quarter quarter, BarometerInput input, BarometerSettings settings)
    {
        var first = quarter.Index - HistoryQuarters + 1;
        var reference = input.Reference;
        var cells = new Dictionary<CellKey, CellData>();
        var clusterRegions = ClusterRegionPairs(reference);

        CellData Cell(SegmentType type, string code, string? region = null)
        {
            var key = new CellKey(type, code, region);
            if (!cells.TryGetValue(key, out var data)) cells[key] = data = new CellData();
            return data;
        }

        var demands = 0;
        var enterprises = new HashSet<Guid>();
        var organisations = new Dictionary<Guid, int>();
        int OrganisationIndex(Guid id)
        {
            if (!organisations.TryGetValue(id, out var index)) organisations[id] = index = organisations.Count;
            return index;
        }
        // Many flows share an occupation and a region; the cells they feed are looked up once per pair.
        var targets = new Dictionary<(string, string), CellData[]>();
        CellData[] TargetsOf(string occupation, string regionCode)
        {
            if (targets.TryGetValue((occupation, regionCode), out var found)) return found;
            var chain = RegionChain(reference, regionCode);
            var list = new List<CellData> { Cell(SegmentType.Occupation, occupation) };
            foreach (var region in chain)
            {
                list.Add(Cell(SegmentType.Region, region));
                list.Add(Cell(SegmentType.OccupationRegion, occupation, region));
            }
            foreach (var cluster in reference.ClustersOfOccupation[occupation])
            {
                list.Add(Cell(SegmentType.Cluster, cluster));
                foreach (var region in chain)
                    if (clusterRegions.Contains((cluster, region))) list.Add(Cell(SegmentType.ClusterRegion, cluster, region));
            }
            return targets[(occupation, regionCode)] = [.. list];
        }

        foreach (var flow in input.Demands)
        {
            var from = Math.Max(flow.FirstQuarter, first) - first;
            var to = Math.Min(flow.LastQuarter ?? int.MaxValue, quarter.Index) - first;
            if (from > to) continue;
            if (to == HistoryQuarters - 1)
            {
                demands += flow.Demands;
                enterprises.Add(flow.OrganisationId);
            }
            var entry = new DemandEntry(OrganisationIndex(flow.OrganisationId), (byte)from, (byte)to, flow.Headcount);
            foreach (var cell in TargetsOf(flow.OccupationCode, flow.RegionCode)) cell.AddDemand(entry);
        }
        foreach (var flow in input.SkillDemands)
        {
            var from = Math.Max(flow.FirstQuarter, first) - first;
            var to = Math.Min(flow.LastQuarter ?? int.MaxValue, quarter.Index) - first;
            if (from <= to) Cell(SegmentType.Skill, flow.SkillCode).AddDemand(new DemandEntry(OrganisationIndex(flow.OrganisationId), (byte)from, (byte)to, flow.Headcount));
        }

        var programmes = 0;
        var colleges = new HashSet<Guid>();
        var spread = new double[HistoryQuarters];
        foreach (var programme in input.Programmes)
        {
            if (!SpreadGraduates(programme.Cohorts, first, spread)) continue;
            if (spread[HistoryQuarters - 1] > 0)
            {
                programmes++;
                colleges.Add(programme.OrganisationId);
            }
            var chain = RegionChain(reference, programme.CampusRegionCode);
            foreach (var region in chain) Cell(SegmentType.Region, region).AddSupply(spread, 1);
            foreach (var skill in programme.SkillCodes) Cell(SegmentType.Skill, skill).AddSupply(spread, 1);
            var occupations = reference.OccupationsOfMajor[programme.MajorCode].ToList();
            foreach (var occupation in occupations)
            {
                var share = 1.0 / occupations.Count;
                Cell(SegmentType.Occupation, occupation).AddSupply(spread, share);
                foreach (var region in chain) Cell(SegmentType.OccupationRegion, occupation, region).AddSupply(spread, share);
            }
            foreach (var cluster in reference.ClustersOfMajor[programme.MajorCode])
            {
                Cell(SegmentType.Cluster, cluster).AddSupply(spread, 1);
                foreach (var region in chain)
                    if (clusterRegions.Contains((cluster, region)))
                        Cell(SegmentType.ClusterRegion, cluster, region).AddSupply(spread, 1);
            }
        }

        var labels = Enumerable.Range(first, HistoryQuarters).Select(i => Quarter.FromIndex(i).ToString()).ToArray();
        var ordered = cells
            .OrderBy(c => c.Key.Type).ThenBy(c => c.Key.Code, StringComparer.Ordinal).ThenBy(c => c.Key.Region, StringComparer.Ordinal)
            .ToArray();
        // Cells are finished independently of one another (each reads only its own data), so on every core.
        var result = new BarometerCell[ordered.Length];
        Parallel.For(0, ordered.Length, i => result[i] = Finish(ordered[i].Key, ordered[i].Value, quarter, labels, reference, settings));
        return new BarometerResult(quarter, new SourceCounts(demands, enterprises.Count, programmes, colleges.Count), result);
    }

    /// <summary>Adds a programme's graduates per quarter of the window into <paramref name="spread"/>; false if none fall in it.</summary>
    public static bool SpreadGraduates(IReadOnlyList<CohortGraduates> cohorts, int firstQuarter, double[] spread)
    {
        Array.Clear(spread);
        var any = false;
        foreach (var cohort in cohorts)
        {
            if (cohort.Graduates <= 0) continue;
            var start = new Quarter(cohort.Year, 3).Index - firstQuarter;
            for (var i = 0; i < GraduateSpread.Count; i++)
            {
                var p = start + i;
                if (p < 0 || p >= spread.Length) continue;
                spread[p] += cohort.Graduates * GraduateSpread[i];
                any = true;
            }
        }
        return any;
    }

    private static BarometerCell Finish(CellKey key, CellData data, Quarter quarter, string[] labels, BarometerReference reference, BarometerSettings settings)
    {
        var last = HistoryQuarters - 1;
        var history = new HistoryPoint[HistoryQuarters];
        var reasons = new string?[HistoryQuarters];
        var demand = data.DemandPerQuarter(out var contributors, out var topTwo);
        var supply = data.SupplyPerQuarter();
        for (var p = 0; p < HistoryQuarters; p++)
        {
            var label = labels[p];
            reasons[p] = SuppressionReason(demand[p], contributors[p], topTwo[p], settings);
            history[p] = reasons[p] is null
                ? new HistoryPoint(label, demand[p], Round(supply[p], 2), supply[p] > 0 ? Round(demand[p] / supply[p], 4) : null)
                : new HistoryPoint(label, null, null, null);
        }

        var regionName = key.Region is { } region ? NameOf(reference.Regions, region) : null;
        var name = key.Type switch
        {
            SegmentType.Occupation or SegmentType.OccupationRegion => reference.OccupationNames.GetValueOrDefault(key.Code, key.Code),
            SegmentType.Skill => reference.SkillNames.GetValueOrDefault(key.Code, key.Code),
            SegmentType.Cluster or SegmentType.ClusterRegion => reference.ClusterNames.GetValueOrDefault(key.Code, key.Code),
            _ => NameOf(reference.Regions, key.Code),
        };
        if (reasons[last] is { } reason)
            return new BarometerCell(key.Type, key.Code, name, key.Region, regionName, null, null, null, null, null, null, history, [], null, true, reason);

        var now = history[last];
        var band = now.Ratio is { } r ? settings.BandOf(r) : (Band?)null;
        var previousBand = history[last - 1].Ratio is { } pr ? settings.BandOf(pr) : (Band?)null;
        BarometerWarning? warning = band switch
        {
            Band.Shortage when previousBand is not null and not Band.Shortage => BarometerWarning.EnteredShortage,
            Band.Surplus when previousBand is not null and not Band.Surplus => BarometerWarning.EnteredSurplus,
            _ => null,
        };
        return new BarometerCell(key.Type, key.Code, name, key.Region, regionName, now.Demand, now.Supply, now.Ratio, band,
            Change(now.Ratio, history[last - 1].Ratio), Change(now.Ratio, history[last - 4].Ratio), history,
            Forecast(history, quarter, settings), warning, false, null);
    }

    private static string? SuppressionReason(double demand, int contributors, double topTwo, BarometerSettings settings)
    {
        if (demand <= 0) return null;
        if (contributors < settings.MinimumContributors)
            return string.Create(CultureInfo.InvariantCulture,
                $"Demand comes from {contributors} organisation(s), fewer than {settings.MinimumContributors}.");
        if (settings.DominanceShare < 1 && topTwo / demand > settings.DominanceShare)
            return string.Create(CultureInfo.InvariantCulture,
                $"The 2 largest organisations hold more than {settings.DominanceShare:P0} of the demand.");
        return null;
    }

    // The trailing run of published ratios, when long enough for two full seasons, is the series the forecast sees.
    private static List<ForecastPoint> Forecast(HistoryPoint[] history, Quarter quarter, BarometerSettings settings)
    {
        var start = history.Length;
        while (start > 0 && history[start - 1].Ratio is not null) start--;
        var length = history.Length - start;
        if (length < settings.ForecastMinimumQuarters) return [];
        var series = new double[length];
        for (var i = 0; i < length; i++) series[i] = history[start + i].Ratio!.Value;
        var predictions = HoltWinters.Forecast(series, ForecastQuarters);
        return predictions.Select((p, h) => new ForecastPoint(quarter.AddQuarters(h + 1).ToString(),
            Round(Math.Max(0, p.Point), 4), Round(Math.Max(0, p.Lower), 4), Round(Math.Max(0, p.Upper), 4))).ToList();
    }

    private static double? Change(double? now, double? then) => now is { } a && then is { } b ? Round(a - b, 4) : null;

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    private static string NameOf(IReadOnlyDictionary<string, (string Name, string? ParentCode)> regions, string code) =>
        regions.TryGetValue(code, out var r) ? r.Name : code;

    /// <summary>The region and every region above it (prefecture, then province).</summary>
    private static List<string> RegionChain(BarometerReference reference, string region)
    {
        var chain = new List<string>(2) { region };
        var current = region;
        while (reference.Regions.TryGetValue(current, out var r) && r.ParentCode is { } parent && chain.Count < 4)
        {
            chain.Add(parent);
            current = parent;
        }
        return chain;
    }

    /// <summary>A cluster has a cell in each region it is listed in and in the regions above those.</summary>
    private static HashSet<(string Cluster, string Region)> ClusterRegionPairs(BarometerReference reference)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var group in reference.RegionsOfCluster)
            foreach (var region in group)
                foreach (var r in RegionChain(reference, region))
                    pairs.Add((group.Key, r));
        return pairs;
    }

    private readonly record struct CellKey(SegmentType Type, string Code, string? Region);

    /// <summary>Demand of one organisation open over window positions From..To (inclusive).</summary>
    private readonly record struct DemandEntry(int Organisation, byte From, byte To, long Headcount);

    private sealed class CellData
    {
        private readonly List<DemandEntry> _demand = [];
        private double[]? _supply;

        public void AddDemand(DemandEntry entry) => _demand.Add(entry);

        // Supply is not disclosure-controlled (programmes are published by the colleges), so no per-college split.
        public void AddSupply(double[] spread, double share)
        {
            _supply ??= new double[HistoryQuarters];
            for (var p = 0; p < HistoryQuarters; p++) _supply[p] += spread[p] * share;
        }

        public double[] SupplyPerQuarter() => _supply ?? new double[HistoryQuarters];

        /// <summary>Per quarter: total headcount, organisations with demand, and the headcount of the 2 largest.</summary>
        public double[] DemandPerQuarter(out int[] contributors, out double[] topTwo)
        {
            var total = new double[HistoryQuarters];
            contributors = new int[HistoryQuarters];
            topTwo = new double[HistoryQuarters];
            Span<long> first = stackalloc long[HistoryQuarters];
            Span<long> second = stackalloc long[HistoryQuarters];
            Span<long> own = stackalloc long[HistoryQuarters];
            first.Clear();
            second.Clear();
            var entries = CollectionsMarshal.AsSpan(_demand);
            // Flows ordered by organisation (as BarometerSource reads them) number organisations in that order, so the
            // entries usually arrive sorted already; only then is the sort skipped.
            if (!SortedByOrganisation(entries)) entries.Sort(static (a, b) => a.Organisation.CompareTo(b.Organisation));
            for (var i = 0; i < entries.Length;)
            {
                own.Clear();
                var organisation = entries[i].Organisation;
                for (; i < entries.Length && entries[i].Organisation == organisation; i++)
                    for (var p = entries[i].From; p <= entries[i].To; p++) own[p] += entries[i].Headcount;
                for (var p = 0; p < HistoryQuarters; p++)
                {
                    var value = own[p];
                    if (value <= 0) continue;
                    total[p] += value;
                    contributors[p]++;
                    if (value > first[p]) { second[p] = first[p]; first[p] = value; }
                    else if (value > second[p]) second[p] = value;
                }
            }
            for (var p = 0; p < HistoryQuarters; p++) topTwo[p] = first[p] + second[p];
            return total;
        }

        private static bool SortedByOrganisation(ReadOnlySpan<DemandEntry> entries)
        {
            for (var i = 1; i < entries.Length; i++)
                if (entries[i].Organisation < entries[i - 1].Organisation) return false;
            return true;
        }
    }
}
