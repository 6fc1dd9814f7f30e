using System.Globalization;
using ChainLink.Domain.Common;

namespace ChainLink.Domain.Barometer;

/// <summary>
/// Computes every cell of one edition from demand flows and programme supply, with no database: the arithmetic the
/// methodology (docs/barometer-methodology.md) describes, and nothing else.
/// </summary>
public static class BarometerCalculator
{
    public const string MethodologyVersion = "2.0";

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
        var cells = new Cells();
        var clusterRegions = ClusterRegionPairs(reference);
        var demands = input.Demands;
        var rows = demands.Rows;

        // Each demand's window positions and the cells it feeds: its occupation's and region's cells (looked up once
        // per occupation and region pair) and its skills' cells. Cells exist only for demand inside the window.
        var positions = new (byte From, byte To)[rows.Length];
        var targetsOfRow = new int[]?[rows.Length];
        var targets = new Targets(cells, reference, clusterRegions, demands);
        var skillCells = new int[demands.SkillCodes.Count];
        Array.Fill(skillCells, -1);
        var demandCount = 0;
        var enterprises = new HashSet<int>();
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[i];
            var from = Math.Max(row.First, first) - first;
            var to = Math.Min(row.Last, quarter.Index) - first;
            if (from > to) continue;
            positions[i] = ((byte)from, (byte)to);
            if (to == HistoryQuarters - 1)
            {
                demandCount++;
                enterprises.Add(row.Organisation);
            }
            targetsOfRow[i] = targets.Of(row.Occupation, row.Region);
            foreach (var skill in demands.SkillsOf(row))
                if (skillCells[skill] < 0) skillCells[skill] = cells.Of(SegmentType.Skill, demands.SkillCodes[skill]);
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
            foreach (var region in chain) cells.AddSupply(cells.Of(SegmentType.Region, region), spread, 1);
            foreach (var skill in programme.SkillCodes) cells.AddSupply(cells.Of(SegmentType.Skill, skill), spread, 1);
            var occupations = reference.OccupationsOfMajor[programme.MajorCode].ToList();
            foreach (var occupation in occupations)
            {
                var share = 1.0 / occupations.Count;
                cells.AddSupply(cells.Of(SegmentType.Occupation, occupation), spread, share);
                foreach (var region in chain) cells.AddSupply(cells.Of(SegmentType.OccupationRegion, occupation, region), spread, share);
            }
            foreach (var cluster in reference.ClustersOfMajor[programme.MajorCode])
            {
                cells.AddSupply(cells.Of(SegmentType.Cluster, cluster), spread, 1);
                foreach (var region in chain)
                    if (clusterRegions.Contains((cluster, region)))
                        cells.AddSupply(cells.Of(SegmentType.ClusterRegion, cluster, region), spread, 1);
            }
        }

        var figures = DemandFigures.Of(demands, positions, targetsOfRow, skillCells, cells.Count);
        var withheld = Enumerable.Range(first, HistoryQuarters).Select(i => new HistoryPoint(Quarter.FromIndex(i).ToString(), null, null, null)).ToArray();
        var ordered = cells.InOrder();
        var reasons = new SuppressionReasons(settings);
        // Cells are finished independently of one another (each reads only its own data), so on every core.
        var result = new BarometerCell[ordered.Length];
        Parallel.For(0, ordered.Length, i => result[i] = Finish(cells.Keys[ordered[i]], figures, ordered[i], cells.SupplyOf(ordered[i]), quarter, withheld, reference, settings, reasons));
        return new BarometerResult(quarter, new SourceCounts(demandCount, enterprises.Count, programmes, colleges.Count), result);
    }

    /// <summary>
    /// The cells a demand of an occupation in a region feeds. What depends on the occupation alone (its cell, its
    /// clusters' cells) or on the region alone (the region and the regions above it, their cells) is worked out once;
    /// per occupation and region pair only the crossed cells are looked up.
    /// </summary>
    private sealed class Targets(Cells cells, BarometerReference reference, HashSet<(string, string)> clusterRegions, DemandRows demands)
    {
        private readonly (int Cell, string[] Clusters, int[] ClusterCells)?[] _occupations = new (int, string[], int[])?[demands.OccupationCodes.Count];
        private readonly (List<string> Chain, int[] Cells)?[] _regions = new (List<string>, int[])?[demands.RegionCodes.Count];
        private readonly int[]?[][] _pairs = new int[]?[demands.OccupationCodes.Count][];

        public int[] Of(int occupationNumber, int regionNumber)
        {
            var byRegion = _pairs[occupationNumber] ??= new int[]?[demands.RegionCodes.Count];
            return byRegion[regionNumber] ??= Find(occupationNumber, regionNumber);
        }

        private int[] Find(int occupationNumber, int regionNumber)
        {
            var occupation = demands.OccupationCodes[occupationNumber];
            var (occupationCell, clusters, clusterCells) = _occupations[occupationNumber] ??= OccupationCells(occupation);
            var (chain, regionCells) = _regions[regionNumber] ??= RegionCells(demands.RegionCodes[regionNumber]);
            var list = new List<int>(1 + 2 * chain.Count + clusters.Length * (1 + chain.Count)) { occupationCell };
            for (var i = 0; i < chain.Count; i++)
            {
                list.Add(regionCells[i]);
                list.Add(cells.Of(SegmentType.OccupationRegion, occupation, chain[i]));
            }
            for (var c = 0; c < clusters.Length; c++)
            {
                list.Add(clusterCells[c]);
                foreach (var region in chain)
                    if (clusterRegions.Contains((clusters[c], region))) list.Add(cells.Of(SegmentType.ClusterRegion, clusters[c], region));
            }
            return [.. list];
        }

        private (int, string[], int[]) OccupationCells(string occupation)
        {
            var clusters = reference.ClustersOfOccupation[occupation].ToArray();
            return (cells.Of(SegmentType.Occupation, occupation), clusters, Array.ConvertAll(clusters, c => cells.Of(SegmentType.Cluster, c)));
        }

        private (List<string>, int[]) RegionCells(string region)
        {
            var chain = RegionChain(reference, region);
            return (chain, chain.ConvertAll(r => cells.Of(SegmentType.Region, r)).ToArray());
        }
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

    private static BarometerCell Finish(CellKey key, DemandFigures figures, int cell, double[] supply, Quarter quarter, HistoryPoint[] withheld, BarometerReference reference, BarometerSettings settings, SuppressionReasons suppression)
    {
        var last = HistoryQuarters - 1;
        var history = new HistoryPoint[HistoryQuarters];
        string? reason = null;
        for (var p = 0; p < HistoryQuarters; p++)
        {
            var at = cell * HistoryQuarters + p;
            double demand = figures.Total[at];
            reason = suppression.Of(demand, figures.Contributors[at], figures.First[at] + figures.Second[at]);
            // A withheld figure is the same point in every cell, so it is shared. Supply is published in whole persons
            // (half away from zero; since 2.0) and the ratio comes from the unrounded supply.
            history[p] = reason is null
                ? new HistoryPoint(withheld[p].Quarter, demand, Round(supply[p], 0), supply[p] > 0 ? Round(demand / supply[p], 4) : null)
                : withheld[p];
        }

        var regionName = key.Region is { } region ? NameOf(reference.Regions, region) : null;
        var name = key.Type switch
        {
            SegmentType.Occupation or SegmentType.OccupationRegion => reference.OccupationNames.GetValueOrDefault(key.Code, key.Code),
            SegmentType.Skill => reference.SkillNames.GetValueOrDefault(key.Code, key.Code),
            SegmentType.Cluster or SegmentType.ClusterRegion => reference.ClusterNames.GetValueOrDefault(key.Code, key.Code),
            _ => NameOf(reference.Regions, key.Code),
        };
        if (reason is not null)
            return new BarometerCell(key.Type, key.Code, name, key.Region, regionName, null, null, null, null, null, null, history, [], null, true, reason, null, null);

        var now = history[last];
        var band = now.Ratio is { } r ? settings.BandOf(r) : (Band?)null;
        var yearBefore = history[last - YearOnYear];
        var warning = WarningOf(band, yearBefore.Ratio is { } yr ? settings.BandOf(yr) : null);
        var (method, forecast) = Forecast(history, quarter, settings);
        return new BarometerCell(key.Type, key.Code, name, key.Region, regionName, now.Demand, now.Supply, now.Ratio, band,
            Change(now.Ratio, history[last - 1].Ratio), Change(now.Ratio, yearBefore.Ratio), history,
            forecast, warning, false, null, method, warning is null ? null : yearBefore.Quarter);
    }

    private const int YearOnYear = 4;

    /// <summary>
    /// The warning of a cell whose band is <paramref name="band"/> and was <paramref name="sameQuarterLastYear"/> in
    /// the same quarter a year before (methodology §4, version 2.0). Against the previous quarter alone, the graduation
    /// wave that enters the market every third quarter would raise a surplus alarm every year; a year apart both
    /// quarters have that wave. No warning when the quarter a year before has no band.
    /// </summary>
    public static BarometerWarning? WarningOf(Band? band, Band? sameQuarterLastYear) => band switch
    {
        Band.Shortage when sameQuarterLastYear is not null and not Band.Shortage => BarometerWarning.EnteredShortage,
        Band.Surplus when sameQuarterLastYear is not null and not Band.Surplus => BarometerWarning.EnteredSurplus,
        _ => null,
    };

    /// <summary>Why a cell's figure for a quarter is withheld (docs/barometer-methodology.md §5); null when it is not.</summary>
    private sealed class SuppressionReasons(BarometerSettings settings)
    {
        private readonly string[] _fewContributors = [.. Enumerable.Range(0, Math.Max(0, settings.MinimumContributors)).Select(n => string.Create(
            CultureInfo.InvariantCulture, $"需求仅来自 {n} 家单位，少于 {settings.MinimumContributors} 家，不予公布。"))];

        private readonly string _dominance = string.Create(CultureInfo.InvariantCulture,
            $"最大的 2 家单位占需求的 {settings.DominanceShare * 100:0.##}% 以上，不予公布。");

        private readonly DisclosureRule _rule = new(settings.MinimumContributors, settings.DominanceShare);

        public string? Of(double demand, int contributors, double topTwo)
        {
            if (demand <= 0) return null;
            return _rule.Judge(contributors, demand, topTwo) switch
            {
                DisclosureVerdict.FewContributors => _fewContributors[contributors],
                DisclosureVerdict.Dominated => _dominance,
                _ => null,
            };
        }
    }

    // The trailing run of published ratios, when long enough for two full seasons, is the series the forecast sees.
    private static (ForecastMethod?, List<ForecastPoint>) Forecast(HistoryPoint[] history, Quarter quarter, BarometerSettings settings)
    {
        var start = history.Length;
        while (start > 0 && history[start - 1].Ratio is not null) start--;
        var length = history.Length - start;
        if (length < settings.ForecastMinimumQuarters) return (null, []);
        var series = new double[length];
        for (var i = 0; i < length; i++) series[i] = history[start + i].Ratio!.Value;
        var forecast = Forecaster.Forecast(series, ForecastQuarters);
        return (forecast.Method, forecast.Predictions.Select((p, h) => new ForecastPoint(quarter.AddQuarters(h + 1).ToString(),
            Round(Math.Max(0, p.Point), 4), Round(Math.Max(0, p.Lower), 4), Round(Math.Max(0, p.Upper), 4))).ToList());
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

    /// <summary>The cells of an edition numbered 0, 1, 2, … as first met, with their supply per window position.</summary>
    private sealed class Cells
    {
        private readonly Dictionary<CellKey, int> _ids = [];
        private readonly List<double[]?> _supply = [];

        public List<CellKey> Keys { get; } = [];

        public int Count => Keys.Count;

        public int Of(SegmentType type, string code, string? region = null)
        {
            var key = new CellKey(type, code, region);
            if (_ids.TryGetValue(key, out var id)) return id;
            _ids[key] = id = Keys.Count;
            Keys.Add(key);
            _supply.Add(null);
            return id;
        }

        // Supply is not disclosure-controlled (programmes are published by the colleges), so no per-college split.
        public void AddSupply(int cell, double[] spread, double share)
        {
            var supply = _supply[cell] ??= new double[HistoryQuarters];
            for (var p = 0; p < HistoryQuarters; p++) supply[p] += spread[p] * share;
        }

        public double[] SupplyOf(int cell) => _supply[cell] ?? new double[HistoryQuarters];

        /// <summary>
        /// The cells ordered by segment type, code and region (ordinal; no region first): codes and regions are ranked
        /// once, so the sort compares integers.
        /// </summary>
        public int[] InOrder()
        {
            var codes = Rank(Keys.Select(k => k.Code));
            var regions = Rank(Keys.Where(k => k.Region is not null).Select(k => k.Region!));
            var order = new long[Keys.Count];
            var cells = new int[Keys.Count];
            for (var i = 0; i < Keys.Count; i++)
            {
                var key = Keys[i];
                var region = key.Region is null ? 0 : regions[key.Region] + 1L;
                order[i] = ((long)key.Type << 56) | ((long)codes[key.Code] << 28) | region;
                cells[i] = i;
            }
            Array.Sort(order, cells);
            return cells;
        }

        private static Dictionary<string, int> Rank(IEnumerable<string> values)
        {
            var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return distinct.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Per cell and window position (index cell × 12 + position): total headcount, organisations with demand, and the
    /// headcounts of the largest and second largest of them.
    /// </summary>
    private sealed class DemandFigures(int cells)
    {
        public long[] Total { get; } = new long[cells * HistoryQuarters];
        public int[] Contributors { get; } = new int[cells * HistoryQuarters];
        public long[] First { get; } = new long[cells * HistoryQuarters];
        public long[] Second { get; } = new long[cells * HistoryQuarters];

        /// <summary>
        /// Walks the demands one organisation at a time: an organisation's headcount per cell and position is summed
        /// first, then counts once towards the cell's total, contributors and two largest. Organisations are split into
        /// one range per core; the ranges' figures are merged (every organisation is in one range only, so the two
        /// largest of a cell are the two largest of the ranges' two largest).
        /// </summary>
        public static DemandFigures Of(DemandRows demands, (byte From, byte To)[] positions, int[]?[] targetsOfRow, int[] skillCells, int cells)
        {
            var rows = demands.Rows;
            // The rows of each organisation together (a counting sort by organisation number).
            var start = new int[demands.Organisations + 1];
            for (var i = 0; i < rows.Length; i++)
                if (targetsOfRow[i] is not null) start[rows[i].Organisation + 1]++;
            for (var o = 0; o < demands.Organisations; o++) start[o + 1] += start[o];
            var order = new int[start[^1]];
            var next = start[..^1];
            for (var i = 0; i < rows.Length; i++)
                if (targetsOfRow[i] is not null) order[next[rows[i].Organisation]++] = i;

            var parts = Math.Max(1, Math.Min(Environment.ProcessorCount, order.Length / 50_000));
            var bounds = new int[parts + 1];
            for (int k = 1, o = 0; k < parts; k++)
            {
                while (o < demands.Organisations && start[o] < (long)order.Length * k / parts) o++;
                bounds[k] = o;
            }
            bounds[parts] = demands.Organisations;
            var figures = new DemandFigures[parts];
            Parallel.For(0, parts, k =>
            {
                var part = new DemandFigures(cells);
                part.Add(demands, order, start, bounds[k], bounds[k + 1], positions, targetsOfRow, skillCells);
                figures[k] = part;
            });
            for (var k = 1; k < parts; k++) figures[0].Merge(figures[k]);
            return figures[0];
        }

        private void Add(DemandRows demands, int[] order, int[] start, int fromOrganisation, int toOrganisation,
            (byte From, byte To)[] positions, int[]?[] targetsOfRow, int[] skillCells)
        {
            var rows = demands.Rows;
            var own = new long[Total.Length];
            var stamp = new int[Total.Length / HistoryQuarters];
            Array.Fill(stamp, -1);
            // The positions an organisation's demand covers in a cell, so only those are counted.
            var low = new byte[stamp.Length];
            var high = new byte[stamp.Length];
            var touched = new List<int>();
            for (var organisation = fromOrganisation; organisation < toOrganisation; organisation++)
            {
                touched.Clear();
                void AddTo(int cell, byte from, byte to, long headcount)
                {
                    var at = cell * HistoryQuarters;
                    if (stamp[cell] != organisation)
                    {
                        stamp[cell] = organisation;
                        touched.Add(cell);
                        Array.Clear(own, at, HistoryQuarters);
                        (low[cell], high[cell]) = (from, to);
                    }
                    else
                    {
                        if (from < low[cell]) low[cell] = from;
                        if (to > high[cell]) high[cell] = to;
                    }
                    for (var p = from; p <= to; p++) own[at + p] += headcount;
                }
                for (var j = start[organisation]; j < start[organisation + 1]; j++)
                {
                    var i = order[j];
                    var (from, to) = positions[i];
                    var headcount = rows[i].Headcount;
                    foreach (var cell in targetsOfRow[i]!) AddTo(cell, from, to, headcount);
                    foreach (var skill in demands.SkillsOf(rows[i])) AddTo(skillCells[skill], from, to, headcount);
                }
                foreach (var cell in touched)
                    for (int p = low[cell], at = cell * HistoryQuarters + p; p <= high[cell]; p++, at++)
                    {
                        var value = own[at];
                        if (value <= 0) continue;
                        Total[at] += value;
                        Contributors[at]++;
                        if (value > First[at]) { Second[at] = First[at]; First[at] = value; }
                        else if (value > Second[at]) Second[at] = value;
                    }
            }
        }

        private void Merge(DemandFigures other)
        {
            for (var at = 0; at < Total.Length; at++)
            {
                Total[at] += other.Total[at];
                Contributors[at] += other.Contributors[at];
                var (a, b) = (First[at], other.First[at]);
                First[at] = Math.Max(a, b);
                Second[at] = Math.Max(Math.Min(a, b), Math.Max(Second[at], other.Second[at]));
            }
        }
    }
}
