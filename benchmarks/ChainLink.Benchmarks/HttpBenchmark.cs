using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChainLink.Domain.Common;

namespace ChainLink.Benchmarks;

/// <summary>
/// Drives the real API (Release build, its own process, loopback) with wrk, endpoint after endpoint, as people use it.
/// The seeded data folder is kept and reused; every run works on a fresh copy of it, so the writes of one run do not
/// change what the next one measures.
/// </summary>
public static partial class HttpBenchmark
{
    private const int Connections = 16;
    private const int WritePoolSize = 64;
    private const string DemoPassword = "Demo#2026";
    private const string Enterprise = "enterprise@demo.chainlink.cn";
    private const string College = "college@demo.chainlink.cn";

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = int.Parse(Option(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var folder = Path.GetFullPath(Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), $"chainlink-http-bench-x{scale}"));
        var duration = Option(args, "--duration") ?? "5s";
        // A shared machine: measure only the endpoints a change touches (names containing one of the words), beside /health.
        var only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var repository = RepositoryRoot();
        var dll = Path.Combine(repository, "src/ChainLink.Api/bin/Release/net10.0/ChainLink.Api.dll");

        if (!CommandExists("wrk"))
        {
            Console.Error.WriteLine("wrk is missing: run scripts/install-bench-deps.sh");
            return 1;
        }
        Run("dotnet", $"build -c Release \"{Path.Combine(repository, "src/ChainLink.Api")}\" -v q -nologo", repository);

        var seeded = Path.Combine(folder, "seed");
        if (!File.Exists(Path.Combine(folder, "seeded")))
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(seeded);
            var seeding = Stopwatch.StartNew();
            // --seed-only last: the command-line configuration would take the option after it as its value.
            Run("dotnet", $"\"{dll}\" {ApiOptions(seeded, scale)} --Logging:LogLevel:Default=Warning --seed-only", repository);
            Console.WriteLine($"seeded ×{scale} in {seeding.Elapsed.TotalSeconds:F0} s");
            await File.WriteAllTextAsync(Path.Combine(folder, "seeded"), scale.ToString(CultureInfo.InvariantCulture));
        }
        var data = Path.Combine(folder, "run");
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        CopyFolder(seeded, data);

        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var api = Start("dotnet", $"\"{dll}\" --urls {baseUrl} {ApiOptions(data, scale)} --Logging:LogLevel:Default=Warning", repository);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
            var started = Stopwatch.StartNew();
            await WaitHealthyAsync(http, api);
            Console.WriteLine($"API ready in {started.Elapsed.TotalSeconds:F1} s on {baseUrl}; load average {LoadAverage()}");

            var enterprise = await SignInAsync(http, Enterprise);
            var college = await SignInAsync(http, College);
            var scratch = Directory.CreateTempSubdirectory("chainlink-http-bench-").FullName;
            var targets = (await TargetsAsync(http, enterprise, college, scratch))
                .Where(t => only is null || t.Name.StartsWith("/health", StringComparison.Ordinal) || only.Any(o => t.Name.Contains(o, StringComparison.Ordinal)))
                .ToList();

            Console.WriteLine($"×{scale}, wrk {Connections} connections, {duration} per endpoint, {Environment.ProcessorCount} cores, load average at start {LoadAverage()}");
            Console.WriteLine($"| {"endpoint",-40} | {"req/s",8} | {"p50 ms",8} | {"p99 ms",8} | {"non-2xx",7} | {"errors",6} | load 1 min |");
            Console.WriteLine($"|{new string('-', 42)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 9)}|{new string('-', 8)}|------------|");
            foreach (var target in targets)
            {
                await target.Warm(http);
                var result = Wrk(baseUrl, target, duration, repository);
                // Nothing answered within the run: wrk's zero latencies would read as instant answers.
                var (rate, p50, p99) = result.Completed == 0
                    ? ("< 1", "—", "—")
                    : (result.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture), result.P50.ToString("F1", CultureInfo.InvariantCulture), result.P99.ToString("F1", CultureInfo.InvariantCulture));
                Console.WriteLine($"| {target.Name,-40} | {rate,8} | {p50,8} | {p99,8} | {result.Non2xx,7} | {result.Errors,6} | {LoadAverage()} |");
            }
            Directory.Delete(scratch, recursive: true);
            return 0;
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
    }

    private static string ApiOptions(string data, int scale) =>
        $"--ChainLink:DataDirectory=\"{data}\" --ChainLink:Demo:Scale={scale} --ChainLink:Demo:PrivilegedPassword=\"{DemoPassword}\" " +
        "--RateLimiting:SignInPerAddress:PermitLimit=1000000 --RateLimiting:SignInPerAccount:PermitLimit=1000000 " +
        "--RateLimiting:Expensive:PermitLimit=1000000 --RateLimiting:SignInBackoff:FreeFailures=100000";

    private static async Task<List<Target>> TargetsAsync(HttpClient http, string enterprise, string college, string scratch)
    {
        var demand = await FirstIdAsync(http, enterprise, "/api/demands?pageSize=1&status=Open");
        var programme = await FirstIdAsync(http, college, "/api/programmes?pageSize=1");
        using var editions = await GetJsonAsync(http, null, "/api/barometer/editions/");
        var quarter = editions.RootElement.EnumerateArray().Select(e => e.GetProperty("quarter").GetString()!).Max(StringComparer.Ordinal)!;
        using var ranking = await GetJsonAsync(http, null, $"/api/barometer/editions/{quarter}/ranking");
        var occupation = FindString(ranking.RootElement, "occupationCode")
            ?? throw new InvalidOperationException($"the ranking of {quarter} names no occupation");

        var matchText = Write(scratch, "match.json", new { text = "招聘光伏电站运维员，熟悉逆变器检修和PLC编程", top = 20 });
        var majorText = Write(scratch, "majors.json", new { text = "招聘光伏电站运维员，熟悉逆变器检修和PLC编程", top = 20 });
        var demandBody = DemandBody("压测新建需求");
        var newDemand = Write(scratch, "demand.json", demandBody);
        var programmeBodies = await ProgrammeBodiesAsync(http, college, scratch);
        demandBody.Remove("open");
        demandBody["title"] = "压测编辑需求";
        demandBody["version"] = "VERSION";
        var editBody = Path.Combine(scratch, "edit.json");
        await File.WriteAllTextAsync(editBody, JsonSerializer.Serialize(demandBody).Replace("\"VERSION\"", "VERSION", StringComparison.Ordinal));
        var pool = Path.Combine(scratch, "pool.txt");

        var targets = new List<Target> { Target.Get("/health", null, "/health") };
        Target Read(string name, string token, string path) => Target.Get(name, token, path);
        targets.Add(Read("demand → programme matches", enterprise, $"/api/demands/{demand}/matches?top=20"));
        targets.Add(Read("programme → demand matches", college, $"/api/programmes/{programme}/matches?top=20"));
        targets.Add(Target.Post("free-text match", enterprise, "/api/match", matchText));
        targets.Add(Target.Post("major match", enterprise, "/api/match/majors", majorText));
        targets.Add(Read("demand list", enterprise, "/api/demands?pageSize=20"));
        targets.Add(Read("programme list", enterprise, "/api/programmes?pageSize=20"));
        foreach (var layer in new[] { "colleges", "programmes", "trainingBases", "mentors", "platforms" })
            targets.Add(Read($"map layer {layer}", enterprise, $"/api/map/features?layer={layer}"));
        targets.Add(Read("map summary", enterprise, "/api/map/summary"));
        targets.Add(Read($"barometer edition {quarter} JSON", enterprise, $"/api/barometer/editions/{quarter}"));
        targets.Add(Read($"barometer edition {quarter} CSV", enterprise, $"/api/barometer/editions/{quarter}.csv"));
        targets.Add(Read("barometer ranking", enterprise, $"/api/barometer/editions/{quarter}/ranking"));
        targets.Add(Read("barometer segments (occupation)", enterprise, $"/api/barometer/editions/{quarter}/segments?type=occupation&code={occupation}"));
        targets.Add(Read("taxonomy search (skills)", enterprise, "/api/taxonomy/skills?q=%E5%85%89%E4%BC%8F"));
        targets.Add(Read("/api/auth/me", enterprise, "/api/auth/me"));
        targets.Add(Target.Get("/health (again, after the reads)", null, "/health"));
        targets.Add(Target.Post("write: create demand", enterprise, "/api/demands", newDemand));
        targets.Add(new Target("write: edit demand (pool of 64)", enterprise, "/api/demands", "edit.lua",
            [("BENCH_POOL", pool), ("BENCH_BODY", editBody)], Threads: 1,
            Warm: async client => await WritePoolAsync(client, enterprise, newDemand, pool)));
        targets.Add(new Target("write: create programme (new major × region)", college, "/api/programmes", "bodies.lua",
            [("BENCH_BODIES", programmeBodies.Measured), ("BENCH_THREADS", "2")], Threads: 2,
            Warm: async client => await Target.CheckAsync(client, college, HttpMethod.Post, "/api/programmes", programmeBodies.Warm)));
        return targets;
    }

    private static async Task WritePoolAsync(HttpClient http, string token, string body, string pool)
    {
        var lines = new List<string>();
        for (var i = 0; i < WritePoolSize; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/demands") { Content = new StringContent(await File.ReadAllTextAsync(body), MediaTypeHeaderValue.Parse("application/json")) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var created = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            lines.Add($"{created.RootElement.GetProperty("id").GetGuid()} {created.RootElement.GetProperty("version").GetInt32()}");
        }
        await File.WriteAllLinesAsync(pool, lines);
    }

    private static Dictionary<string, object?> DemandBody(string title) => new()
    {
        ["title"] = title,
        ["description"] = "负责光伏电站日常运维，熟悉逆变器检修。",
        ["occupationCode"] = "5-05-03-03",
        ["regionCode"] = "150600",
        ["headcount"] = 3,
        ["educationLevel"] = "HigherVocational",
        ["neededBy"] = Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(1).ToString(),
        ["salaryMin"] = 6000,
        ["salaryMax"] = 9000,
        ["cooperationModes"] = new[] { "OrderClass", "Internship" },
        ["skills"] = new object[] { new { skillCode = "SK0002", essential = true, level = 2 } },
        ["open"] = true,
    };

    /// <summary>
    /// A college offers a major once per campus region, so every created programme needs a pair the college does not
    /// teach yet: 100 majors × 100 prefectures, less its own, the first three for the warm-up.
    /// </summary>
    private static async Task<(string Warm, string Measured)> ProgrammeBodiesAsync(HttpClient http, string college, string scratch)
    {
        using var majors = await GetJsonAsync(http, college, "/api/taxonomy/majors?pageSize=100");
        using var regions = await GetJsonAsync(http, college, "/api/taxonomy/regions?level=prefecture&pageSize=100");
        using var own = await GetJsonAsync(http, college, "/api/programmes?mine=true&pageSize=100");
        var taught = own.RootElement.GetProperty("items").EnumerateArray()
            .Select(p => (p.GetProperty("majorCode").GetString(), p.GetProperty("campusRegionCode").GetString())).ToHashSet();
        var bodies = (from major in majors.RootElement.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("code").GetString())
                      from region in regions.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("code").GetString())
                      where !taught.Contains((major, region))
                      select JsonSerializer.Serialize(ProgrammeBody(major!, region!))).ToList();
        var warm = Path.Combine(scratch, "programmes-warm.txt");
        var measured = Path.Combine(scratch, "programmes.txt");
        await File.WriteAllLinesAsync(warm, bodies.Take(3));
        await File.WriteAllLinesAsync(measured, bodies.Skip(3));
        return (warm, measured);
    }

    private static Dictionary<string, object?> ProgrammeBody(string majorCode, string regionCode) => new()
    {
        ["majorCode"] = majorCode,
        ["level"] = "HigherVocational",
        ["campusRegionCode"] = regionCode,
        ["description"] = "面向沙漠光伏基地的光伏工程技术专业。",
        ["modules"] = new object[]
        {
            new { name = "光伏电站运维实训", hours = 96, learningOutcomes = "能够完成光伏电站巡检与逆变器检修", skills = new object[] { new { skillCode = "SK0002", level = 2 } } },
        },
        ["enrolmentPlans"] = new object[] { new { year = 2026, planned = 120 } },
        ["cohorts"] = new object[] { new { year = 2026, expected = 100, actual = (int?)null }, new { year = 2025, expected = 95, actual = 90 } },
    };

    private static WrkResult Wrk(string baseUrl, Target target, string duration, string repository)
    {
        var script = target.Script is null ? "" : $"-s \"{Path.Combine(AppContext.BaseDirectory, "wrk", target.Script)}\" ";
        var auth = target.Token is null ? "" : $"-H \"Authorization: Bearer {target.Token}\" ";
        var info = new ProcessStartInfo("wrk", $"-t{target.Threads} -c{Connections} -d{duration} --timeout 10s --latency {script}{auth}\"{baseUrl}{target.Path}\"")
        {
            RedirectStandardOutput = true,
            WorkingDirectory = repository,
        };
        foreach (var (name, value) in target.Environment) info.Environment[name] = value;
        using var wrk = Process.Start(info)!;
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        if (wrk.ExitCode != 0) throw new InvalidOperationException($"wrk failed on {target.Name}:\n{output}");
        return new WrkResult(
            long.Parse(Completed().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(Percentile().Matches(output).First(m => m.Groups[1].Value == "50")),
            Milliseconds(Percentile().Matches(output).First(m => m.Groups[1].Value == "99")),
            Non2xx().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            SocketErrors().Match(output) is { Success: true } errors ? errors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
    }

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return match.Groups[3].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, _ => value * 60_000 };
    }

    [GeneratedRegex(@"(\d+) requests in ")]
    private static partial Regex Completed();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    private static async Task<string> SignInAsync(HttpClient http, string email)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<Guid> FirstIdAsync(HttpClient http, string token, string path)
    {
        using var page = await GetJsonAsync(http, token, path);
        return page.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string? token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    private static string? FindString(JsonElement element, string property) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Select(p => p.NameEquals(property) && p.Value.ValueKind == JsonValueKind.String
            ? p.Value.GetString() : FindString(p.Value, property)).FirstOrDefault(s => s is not null),
        JsonValueKind.Array => element.EnumerateArray().Select(e => FindString(e, property)).FirstOrDefault(s => s is not null),
        _ => null,
    };

    private static string Write(string folder, string name, object body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(body));
        return path;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process api)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            if (api.HasExited) throw new InvalidOperationException($"the API exited with {api.ExitCode} before it was healthy");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the API is still migrating or rebuilding its index.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("the API did not become healthy within 10 minutes");
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ChainLink.sln"))) return folder.FullName;
        throw new InvalidOperationException("run the benchmark from the repository (ChainLink.sln not found above it)");
    }

    private static bool CommandExists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(p => File.Exists(Path.Combine(p, name)));

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Run(string file, string arguments, string folder)
    {
        using var process = Start(file, arguments, folder);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}");
    }

    private static Process Start(string file, string arguments, string folder) =>
        Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" } })!;

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private sealed record WrkResult(long Completed, double RequestsPerSecond, double P50, double P99, long Non2xx, long Errors);

    private sealed record Target(string Name, string? Token, string Path, string? Script, (string Name, string Value)[] Environment, int Threads, Func<HttpClient, Task> Warm)
    {
        public static Target Get(string name, string? token, string path) =>
            new(name, token, path, null, [], 2, client => CheckAsync(client, token, HttpMethod.Get, path, null));

        public static Target Post(string name, string token, string path, string body) =>
            new(name, token, path, "post.lua", [("BENCH_BODY", body)], 2, client => CheckAsync(client, token, HttpMethod.Post, path, body));

        /// <summary>
        /// A few requests before measuring, so the code is jitted and the answer is known to be a success, not a 4xx
        /// measured fast. A body file of several lines sends one line a request.
        /// </summary>
        public static async Task CheckAsync(HttpClient client, string? token, HttpMethod method, string path, string? bodies)
        {
            var lines = bodies is null ? [] : await File.ReadAllLinesAsync(bodies);
            for (var i = 0; i < 3; i++)
            {
                var body = lines.Length == 0 ? null : lines[i % lines.Length];
                using var request = new HttpRequestMessage(method, path);
                if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (body is not null) request.Content = new StringContent(body, MediaTypeHeaderValue.Parse("application/json"));
                using var response = await client.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
