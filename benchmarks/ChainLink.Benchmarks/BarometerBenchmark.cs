using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ChainLink.Application.Barometer;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure;
using ChainLink.Infrastructure.Persistence;
using ChainLink.Infrastructure.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Benchmarks;

/// <summary>
/// Builds (once) a SQLite file with 1,000,000 demands and 20,000 programmes over 16 quarters, times a full edition over
/// it beside the sqlite3 command-line tool's plain GROUP BY of demand per occupation × region, and back-tests the
/// forecast: an edition 4 quarters earlier forecasts the 4 quarters the later edition has as history.
/// </summary>
internal static class BarometerBenchmark
{
    /// <summary>Editions timed, and runs of the plain aggregate: the best and the median of each are reported.</summary>
    private const int Runs = 5;
    private const int DemandCount = 1_000_000;
    private const int ProgrammeCount = 20_000;
    private const int EnterpriseCount = 20_000;
    private const int CollegeCount = 1_500;
    private static readonly Quarter Edition = new(2026, 3);
    private static readonly Quarter FirstQuarter = Edition.AddQuarters(-15);
    private const string PlainAggregate = "SELECT OccupationCode, RegionCode, SUM(Headcount) FROM Demands GROUP BY OccupationCode, RegionCode;";

    public static async Task<int> RunAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "barometer.db");
        var seed = new SeedFiles(Path.Combine(AppContext.BaseDirectory, "seed"));
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, new DatabaseOptions { ConnectionString = $"Data Source={file};Pooling=False" }, directory);

        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            if (await db.Demands.CountAsync() != DemandCount)
            {
                var build = Stopwatch.StartNew();
                await TaxonomySeeder.SeedAsync(db, seed, default);
                await FillAsync(file, seed);
                Console.WriteLine(FormattableString.Invariant($"Built {file}: {DemandCount:N0} demands, {ProgrammeCount:N0} programmes in {build.Elapsed.TotalSeconds:F1} s"));
            }
            else Console.WriteLine($"Reusing {file} ({DemandCount:N0} demands, {ProgrammeCount:N0} programmes)");
            // The rows were written around AppDbContext, so their barometer facts are written as at the product's start.
            var backfill = Stopwatch.StartNew();
            var facts = await DemandFactBackfill.RunAsync(db, default);
            if (facts > 0) Console.WriteLine(FormattableString.Invariant($"Wrote the barometer facts of {facts:N0} demands in {backfill.Elapsed.TotalSeconds:F1} s"));
        }
        Console.WriteLine(FormattableString.Invariant($"Database file: {new FileInfo(file).Length / 1e6:F0} MB"));

        var settings = new BarometerOptions().ToSettings();
        BarometerResult? result = null;
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var runs = new List<(double Load, double Compute, double Serialise, double Cpu)>();
        var self = Process.GetCurrentProcess();
        for (var run = 0; run < Runs; run++)
        {
            // Each run starts on a collected heap holding nothing of the run before, as a publication in the API does.
            result = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await using var db = new AppDbContext(options.Options);
            var cpu = self.TotalProcessorTime;
            var pauses = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            var input = await BarometerSource.LoadAsync(db, new DemandFactReader(db), Edition, default);
            var load = clock.Elapsed.TotalSeconds;
            result = BarometerCalculator.Compute(Edition, input, settings);
            var compute = clock.Elapsed.TotalSeconds - load;
            var (json, csv) = await BarometerPayload.CellsJsonAndCsvAsync(result.Cells);
            var serialise = clock.Elapsed.TotalSeconds - load - compute;
            self.Refresh();
            var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
            // The hashes show that a faster path publishes the same bytes as the one before it, and every run the same.
            hashes.Add($"JSON {Convert.ToHexStringLower(SHA256.HashData(json))}, CSV {Convert.ToHexStringLower(SHA256.HashData(csv))}");
            runs.Add((load, compute, serialise, cpuSeconds));
            Console.WriteLine(FormattableString.Invariant(
                $"Edition {Edition} run {run + 1}: SQL + load {load:F2} s, compute {compute:F2} s, JSON+CSV {serialise:F2} s ({json.Length / 1e6:F1} MB, {csv.Length / 1e6:F1} MB), total {load + compute + serialise:F2} s wall, {cpuSeconds:F2} s CPU, garbage collector pauses {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:F2} s"));
        }
        var edition = runs.Min(r => r.Load + r.Compute + r.Serialise);
        var editionCpu = runs.Min(r => r.Cpu);
        var editionMedian = runs.Select(r => r.Load + r.Compute + r.Serialise).Order().ElementAt(Runs / 2);
        var cells = result!.Cells;
        Console.WriteLine(FormattableString.Invariant(
            $"Cells: {cells.Count:N0} ({cells.Count(c => c.Suppressed):N0} suppressed, {cells.Count(c => c.Forecast.Count > 0):N0} forecast); source counts {result.SourceCounts}"));
        Console.WriteLine($"SHA-256 {string.Join(" | ", hashes)}");

        var sqlite = PlainAggregateSeconds(file);
        if (sqlite is null)
        {
            Console.WriteLine("sqlite3 command-line tool NOT FOUND: install it (apt-get update && apt-get install -y sqlite3) to compare with the plain GROUP BY.");
        }
        else
        {
            var (wall, cpu) = sqlite.Value;
            Console.WriteLine(FormattableString.Invariant($"sqlite3 plain aggregate (best of {Runs}): {wall:F2} s wall, {cpu:F2} s CPU   [{PlainAggregate}]"));
            Console.WriteLine(FormattableString.Invariant($"Full edition (best of {Runs}): {edition:F2} s wall, {editionCpu:F2} s CPU; median {editionMedian:F2} s wall"));
            Console.WriteLine(FormattableString.Invariant(
                $"Ratio edition / plain aggregate: {edition / wall:F2}× wall, {editionCpu / cpu:F2}× CPU, median {editionMedian / wall:F2}× wall (target ≤ 3×)"));
        }

        await BackTestAsync(options.Options, settings, result);
        return 0;
    }

    /// <summary>Forecasts made by the edition of <c>Edition − 4</c> against the ratios the later edition publishes.</summary>
    private static async Task BackTestAsync(DbContextOptions<AppDbContext> options, BarometerSettings settings, BarometerResult later)
    {
        await using var db = new AppDbContext(options);
        var earlierQuarter = Edition.AddQuarters(-4);
        var earlier = BarometerCalculator.Compute(earlierQuarter, await BarometerSource.LoadAsync(db, new DemandFactReader(db), earlierQuarter, default), settings);
        var actualByCell = later.Cells.ToDictionary(c => (c.SegmentType, c.Code, c.RegionCode));
        double maseModel = 0, maseNaive = 0, covered = 0, points = 0;
        var series = 0;
        foreach (var cell in earlier.Cells)
        {
            if (cell.History.Any(h => h.Ratio is null) || cell.Forecast.Count != 4) continue;
            if (!actualByCell.TryGetValue((cell.SegmentType, cell.Code, cell.RegionCode), out var next)) continue;
            var actual = next.History.TakeLast(4).Select(h => h.Ratio).ToArray();
            if (actual.Any(a => a is null)) continue;
            var training = cell.History.Select(h => h.Ratio!.Value).ToArray();
            var truth = actual.Select(a => a!.Value).ToArray();
            if (training.Skip(4).Select((y, i) => Math.Abs(y - training[i])).Sum() == 0) continue;
            maseModel += HoltWinters.Mase(training, truth, cell.Forecast.Select(f => f.Ratio).ToArray());
            maseNaive += HoltWinters.Mase(training, truth, HoltWinters.SeasonalNaive(training, 4));
            for (var h = 0; h < 4; h++)
            {
                points++;
                if (truth[h] >= cell.Forecast[h].Lower && truth[h] <= cell.Forecast[h].Upper) covered++;
            }
            series++;
        }
        Console.WriteLine(FormattableString.Invariant(
            $"Back-test ({earlierQuarter} edition forecasting {earlierQuarter.AddQuarters(1)}–{Edition}, {series:N0} cells with 12 published quarters): MASE Holt-Winters {maseModel / series:F3}, seasonal naive {maseNaive / series:F3}; 80 % interval coverage {covered / points:F3}"));
    }

    /// <summary>Best of <see cref="Runs"/> runs of the sqlite3 CLI: wall time, and the CPU time the process used (the machine may be shared).</summary>
    private static (double Wall, double Cpu)? PlainAggregateSeconds(string file)
    {
        (double Wall, double Cpu)? best = null;
        for (var run = 0; run < Runs; run++)
        {
            var start = new ProcessStartInfo("sqlite3", [file]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            var clock = Stopwatch.StartNew();
            Process? process;
            try { process = Process.Start(start); }
            catch (System.ComponentModel.Win32Exception) { return null; }
            if (process is null) return null;
            using (process)
            {
                process.StandardInput.Write($".timer on\n{PlainAggregate}\n");
                process.StandardInput.Close();
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                var seconds = clock.Elapsed.TotalSeconds;
                // ".timer on" ends the output with "Run Time: real R user U sys S".
                var timer = output[output.LastIndexOf("Run Time:", StringComparison.Ordinal)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var cpu = double.Parse(timer[5], CultureInfo.InvariantCulture) + double.Parse(timer[7], CultureInfo.InvariantCulture);
                best = best is null ? (seconds, cpu) : (Math.Min(best.Value.Wall, seconds), Math.Min(best.Value.Cpu, cpu));
            }
        }
        return best;
    }

    /// <summary>Bulk insert with prepared statements in one transaction; deterministic (fixed seed).</summary>
    private static async Task FillAsync(string file, SeedFiles seed)
    {
        var random = new Random(20261125);
        var prefectures = seed.Regions().Where(r => r.Level == "prefecture").Select(r => r.Code).ToArray();
        var majorOccupations = seed.MajorOccupations();
        var occupations = majorOccupations.Select(m => m.OccupationCode).Distinct().Order(StringComparer.Ordinal).ToArray();
        var majors = majorOccupations.Select(m => m.MajorCode).Distinct().Order(StringComparer.Ordinal).ToArray();
        var occupationSkills = seed.OccupationSkills().ToLookup(s => s.OccupationCode, s => s.SkillCode);
        var majorSkills = seed.MajorSkills().ToLookup(s => s.MajorCode, s => s.SkillCode);
        var allSkills = seed.Skills().Select(s => s.Code).ToArray();
        string Text(Guid g) => g.ToString().ToUpperInvariant();
        string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();

        SqliteCommand Prepare(string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter($"@p{i}", null));
            command.Prepare();
            return command;
        }
        static void Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        var organisation = Prepare("INSERT INTO Organisations (Id, Name, Kind, RegionCode, ClusterCodes) VALUES (@p0, @p1, @p2, @p3, '[]')", 4);
        var enterprises = new (string Id, string Region, string[] Occupations)[EnterpriseCount];
        for (var i = 0; i < EnterpriseCount; i++)
        {
            var id = Text(Guid.CreateVersion7());
            var region = prefectures[random.Next(prefectures.Length)];
            enterprises[i] = (id, region, Enumerable.Range(0, 4).Select(_ => occupations[random.Next(occupations.Length)]).ToArray());
            Run(organisation, id, $"基准企业{i}", 1, region);
        }
        var colleges = new (string Id, string Region)[CollegeCount];
        for (var i = 0; i < CollegeCount; i++)
        {
            colleges[i] = (Text(Guid.CreateVersion7()), prefectures[random.Next(prefectures.Length)]);
            Run(organisation, colleges[i].Id, $"基准学院{i}", 2, colleges[i].Region);
        }

        var demand = Prepare("""
            INSERT INTO Demands (Id, OrganisationId, Title, Description, OccupationCode, RegionCode, Headcount, EducationLevel, NeededByQuarter,
                CooperationModes, Status, CreatedAt, UpdatedAt, OpenedAt, ClosedAt, Version)
            VALUES (@p0, @p1, '基准需求', '', @p2, @p3, @p4, 1, @p5, 0, @p6, @p7, @p7, @p7, @p8, 1)
            """, 9);
        var demandSkill = Prepare("INSERT INTO DemandSkills (SkillCode, Essential, Level, DemandId) VALUES (@p0, 1, 2, @p1)", 2);
        var span = (Edition.AddQuarters(1).Start - FirstQuarter.Start).TotalSeconds;
        for (var i = 0; i < DemandCount; i++)
        {
            var (orgId, orgRegion, orgOccupations) = enterprises[random.Next(EnterpriseCount)];
            var occupation = orgOccupations[random.Next(orgOccupations.Length)];
            var region = random.NextDouble() < 0.8 ? orgRegion : prefectures[random.Next(prefectures.Length)];
            // Spring hiring and graduation season open more demands; the volume grows over the years.
            DateTime opened;
            do opened = FirstQuarter.Start.UtcDateTime.AddSeconds(random.NextDouble() * span);
            while (random.NextDouble() > Seasonality(opened));
            var closed = opened.AddDays(20 + random.Next(200));
            var stillOpen = closed > Edition.End.UtcDateTime;
            var id = Text(Guid.CreateVersion7());
            Run(demand, id, orgId, occupation, region, 1 + random.Next(15), Quarter.Of(opened).AddQuarters(random.Next(4)).Index,
                stillOpen ? 1 : 2 + random.Next(2), Time(opened), stillOpen ? null : Time(closed));
            var skills = occupationSkills[occupation].Take(3).ToList();
            if (skills.Count == 0) skills.Add(allSkills[random.Next(allSkills.Length)]);
            foreach (var skill in skills) Run(demandSkill, skill, id);
        }

        var programme = Prepare("""
            INSERT INTO Programmes (Id, OrganisationId, MajorCode, Name, Level, CampusRegionCode, Description, CreatedAt, UpdatedAt, Version)
            VALUES (@p0, @p1, @p2, '基准专业', 2, @p3, '', '2022-01-01 00:00:00', '2022-01-01 00:00:00', 1)
            """, 4);
        var cohort = Prepare("INSERT INTO GraduateCohorts (Year, ProgrammeId, Expected, Actual) VALUES (@p0, @p1, @p2, @p3)", 4);
        var module = Prepare("INSERT INTO ProgrammeModules (Position, Name, Hours, LearningOutcomes, ProgrammeId) VALUES (@p0, '模块', 64, '', @p1) RETURNING Id", 2);
        var moduleSkill = Prepare("INSERT INTO ProgrammeModuleSkills (SkillCode, Level, ModuleId) VALUES (@p0, 2, @p1)", 2);
        var offered = new HashSet<(int, string)>();
        for (var i = 0; i < ProgrammeCount; i++)
        {
            int college;
            string major;
            do { college = random.Next(CollegeCount); major = majors[random.Next(majors.Length)]; } while (!offered.Add((college, major)));
            var id = Text(Guid.CreateVersion7());
            Run(programme, id, colleges[college].Id, major, colleges[college].Region);
            var size = 30 + random.Next(120);
            for (var year = FirstQuarter.Year - 1; year <= Edition.Year + 1; year++)
                Run(cohort, year, id, (int)(size * (1 + 0.04 * (year - FirstQuarter.Year))), year < Edition.Year ? size - random.Next(5) : null);
            var skills = majorSkills[major].ToList();
            for (var m = 0; m < 4; m++)
            {
                module.Parameters[0].Value = m + 1;
                module.Parameters[1].Value = id;
                var moduleId = (long)(await module.ExecuteScalarAsync())!;
                foreach (var skill in skills.Skip(m * 2).Take(2)) Run(moduleSkill, skill, moduleId);
            }
        }
        await tx.CommitAsync();
        await using var analyse = connection.CreateCommand();
        analyse.CommandText = "ANALYZE;";
        await analyse.ExecuteNonQueryAsync();
    }

    private static double Seasonality(DateTime t) => (t.Month switch { 3 or 4 or 5 => 1.0, 6 or 7 => 0.9, 12 or 1 or 2 => 0.5, _ => 0.7 }) * (0.7 + 0.3 * (t.Year - 2022) / 4.0);
}
