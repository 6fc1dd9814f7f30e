using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChainLink.Api.Tests.Crash;
using Xunit.Abstractions;

namespace ChainLink.Api.Tests;

/// <summary>
/// The API as its own process under concurrent writes, killed with SIGKILL and started again on the same data folder:
/// nothing it acknowledged is lost, the barometer facts and the search index agree with the demands and programmes,
/// and the outbox drains.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    /// <summary>Upper bounds, not expectations: a cold start takes ≈ 10 s alone, but several times that while the other test assemblies run beside it on 2 cores.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    /// <summary>The kill comes once this many records were acknowledged, or after <see cref="MaxLoadBeforeKill"/>.</summary>
    private const int AcknowledgedBeforeKill = 60;
    private static readonly TimeSpan MaxLoadBeforeKill = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan LoadAfterRestart = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Regions = ["150600", "150100", "150200"];
    private static readonly string[] Campuses = ["150100", "150200", "150300", "150400", "150500", "150600", "150700", "150800", "150900", "152200", "152500", "152900"];

    /// <summary>What the API acknowledged last for each record: its version and the marker that write set.</summary>
    private readonly ConcurrentDictionary<Guid, (string Kind, int Version, string Marker)> _accepted = new();

    /// <summary>Answers other than the expected 2xx while the API was up (a 5xx here is a finding of its own).</summary>
    private readonly ConcurrentBag<string> _unexpected = [];

    [Fact]
    public async Task Api_killed_under_concurrent_writes_loses_no_acknowledged_write_and_its_facts_index_and_outbox_catch_up()
    {
        var clock = Stopwatch.StartNew();
        var folder = new DataFolder(Path.Combine(Path.GetTempPath(), "chainlink-tests", "crash-" + Guid.NewGuid().ToString("N")));

        int killedWithUnprocessed, killedWithClaimed;
        using (var first = await ApiProcess.StartAsync(folder.Path, StartTimeout))
        {
            output.WriteLine($"First start (migrations, demo data) after {clock.Elapsed.TotalSeconds:F1} s.");
            var writers = await WritersAsync(first);
            // No stop signal: the writers run until the kill cuts their connections.
            var load = writers.Select(w => w(CancellationToken.None)).ToList();
            var loadClock = Stopwatch.StartNew();
            while (_accepted.Count < AcknowledgedBeforeKill && loadClock.Elapsed < MaxLoadBeforeKill) await Task.Delay(50);
            first.Kill();
            await Task.WhenAll(load);
            Assert.True(_unexpected.IsEmpty, "Unexpected answers under load:\n" + string.Join('\n', _unexpected) + "\n" + first.LogTail);
        }
        output.WriteLine($"Killed after {_accepted.Count} acknowledged records, at {clock.Elapsed.TotalSeconds:F1} s.");
        Assert.True(_accepted.Count >= 10, $"Only {_accepted.Count} writes were acknowledged before the kill; the load did not run.");

        // Before anything starts again (a start repairs facts and rebuilds the index): what the kill left on disk.
        AssertNothingLost(folder, "after the kill");
        Assert.Empty(folder.FactProblems());
        (killedWithUnprocessed, killedWithClaimed) = folder.Outbox();
        output.WriteLine($"The kill left {killedWithUnprocessed} outbox rows unprocessed, {killedWithClaimed} of them claimed by the dead dispatcher.");

        using (var second = await ApiProcess.StartAsync(folder.Path, StartTimeout))
        {
            await AssertDrainedAndIndexedAsync(folder, "after the restart");

            // Writes after the restart reach the index through the outbox alone (the start-up rebuild is behind them).
            var writers = await WritersAsync(second);
            using var stop = new CancellationTokenSource(LoadAfterRestart);
            await Task.WhenAll(writers.Select(w => w(stop.Token)));
            Assert.True(_unexpected.IsEmpty, "Unexpected answers under load:\n" + string.Join('\n', _unexpected) + "\n" + second.LogTail);
            AssertNothingLost(folder, "after the restart");
            Assert.Empty(folder.FactProblems());
            await AssertDrainedAndIndexedAsync(folder, "after writes on the restarted API");
            second.Kill();
        }
        output.WriteLine($"{_accepted.Count} records checked in {clock.Elapsed.TotalSeconds:F1} s; data folder {folder.Path}.");
    }

    private void AssertNothingLost(DataFolder folder, string when)
    {
        var demands = folder.Demands();
        var programmes = folder.Programmes();
        var lost = new List<string>();
        foreach (var (id, (kind, version, marker)) in _accepted)
        {
            var rows = kind == "demand" ? demands : programmes;
            // A later write may have committed without its answer arriving before the kill; an earlier state may not.
            if (!rows.TryGetValue(id, out var row)) lost.Add($"{kind} {id} v{version} is missing");
            else if (row.Version < version || (row.Version == version && row.Marker != marker))
                lost.Add($"{kind} {id}: acknowledged v{version} '{marker}', stored v{row.Version} '{row.Marker}'");
        }
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes lost {when}:\n" + string.Join('\n', lost));
    }

    /// <summary>Waits for the outbox to drain, then compares the index's last commit with the database, entry by entry.</summary>
    private static async Task AssertDrainedAndIndexedAsync(DataFolder folder, string when)
    {
        var clock = Stopwatch.StartNew();
        while (folder.Outbox().Unprocessed > 0 && clock.Elapsed < DrainTimeout) await Task.Delay(100);
        var (unprocessed, claimed) = folder.Outbox();
        Assert.True(unprocessed == 0, $"{unprocessed} outbox rows ({claimed} claimed) still unprocessed {DrainTimeout.TotalSeconds} s {when}.");

        var differences = new List<string>();
        Compare("demand", folder.Demands(), folder.Index("demand"), differences);
        Compare("programme", folder.Programmes(), folder.Index("programme"), differences);
        Assert.True(differences.Count == 0, $"Search index differs from the database {when} in {differences.Count} entries:\n" + string.Join('\n', differences.Take(50)));
    }

    private static void Compare(string kind, Dictionary<Guid, DataFolder.Row> rows, Dictionary<Guid, DataFolder.IndexEntry> index, List<string> differences)
    {
        foreach (var (id, row) in rows)
        {
            if (!index.TryGetValue(id, out var entry)) differences.Add($"{kind} {id} v{row.Version} is not in the index");
            else if (entry.Version != row.Version || entry.Active != row.Active)
                differences.Add($"{kind} {id}: stored v{row.Version} active={row.Active}, indexed v{entry.Version} active={entry.Active}");
        }
        foreach (var id in index.Keys.Where(id => !rows.ContainsKey(id))) differences.Add($"{kind} {id} is indexed but not stored");
    }

    /// <summary>Eight writers: two per demo enterprise posting and editing demands, two per demo college publishing and editing programmes.</summary>
    private async Task<List<Func<CancellationToken, Task>>> WritersAsync(ApiProcess api)
    {
        using var anonymous = api.Client();
        var majors = (await anonymous.GetFromJsonAsync<JsonElement>("/api/taxonomy/majors?pageSize=60")).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("code").GetString()!).ToList();
        var writers = new List<Func<CancellationToken, Task>>();
        foreach (var (email, writer) in new[] { (ChainLinkApiFactory.Enterprise, 0), (ChainLinkApiFactory.Enterprise2, 1) })
        {
            var token = await TokenAsync(anonymous, email);
            writers.Add(stop => UntilKilledAsync(() => DemandWriterAsync(api, token, writer * 2, stop)));
            writers.Add(stop => UntilKilledAsync(() => DemandWriterAsync(api, token, writer * 2 + 1, stop)));
        }
        foreach (var (email, writer) in new[] { (ChainLinkApiFactory.College, 0), (ChainLinkApiFactory.College2, 1) })
        {
            var token = await TokenAsync(anonymous, email);
            writers.Add(stop => UntilKilledAsync(() => ProgrammeWriterAsync(api, token, majors, writer * 2, stop)));
            writers.Add(stop => UntilKilledAsync(() => ProgrammeWriterAsync(api, token, majors, writer * 2 + 1, stop)));
        }
        return writers;
    }

    private async Task DemandWriterAsync(ApiProcess api, string token, int writer, CancellationToken stop)
    {
        using var client = Authorised(api, token);
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var title = $"崩溃测试需求 {run}-{writer}-{i}";
            var demand = DemandTests.ValidDemand(title);
            demand["open"] = i % 2 == 0;
            var created = await WriteAsync("demand", client, HttpMethod.Post, "/api/demands", demand, title);
            if (created is not { } c) continue;

            demand["title"] = title + " 已修改";
            demand["headcount"] = 1 + i % 7;
            demand["regionCode"] = Regions[i % Regions.Length];
            demand["version"] = c.Version;
            var edited = await WriteAsync("demand", client, HttpMethod.Put, $"/api/demands/{c.Id}", demand, title + " 已修改");
            if (edited is { } e && i % 4 == 0) await WriteAsync("demand", client, HttpMethod.Post, $"/api/demands/{c.Id}/close", new { version = e.Version }, title + " 已修改");
        }
    }

    private async Task ProgrammeWriterAsync(ApiProcess api, string token, List<string> majors, int writer, CancellationToken stop)
    {
        using var client = Authorised(api, token);
        var run = Guid.NewGuid().ToString("N")[..6];
        (Guid Id, int Version)? current = null;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var description = $"崩溃测试专业 {run}-{writer}-{i}";
            var programme = ProgrammeTests.ValidProgramme(majors[(writer * 97 + i) % majors.Count]);
            programme["campusRegionCode"] = Campuses[(writer * 5 + i) % Campuses.Length];
            programme["description"] = description;
            if (current is null || i % 3 == 0)
            {
                // A taken major and campus answers 409; any free one will do.
                var created = await WriteAsync("programme", client, HttpMethod.Post, "/api/programmes", programme, description, HttpStatusCode.Conflict);
                current = created ?? current;
                continue;
            }
            var (id, version) = current.Value;
            using var read = await client.GetAsync($"/api/programmes/{id}", stop);
            var stored = await read.Content.ReadFromJsonAsync<JsonElement>(stop);
            programme["majorCode"] = stored.GetProperty("majorCode").GetString();
            programme["campusRegionCode"] = stored.GetProperty("campusRegionCode").GetString();
            programme["version"] = version;
            current = await WriteAsync("programme", client, HttpMethod.Put, $"/api/programmes/{id}", programme, description) ?? current;
        }
    }

    /// <summary>Runs a writer until its requests fail because the process is gone (or its stop token fires).</summary>
    private static async Task UntilKilledAsync(Func<Task> writer)
    {
        try
        {
            await writer();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The connection dropped: the kill happened, or the load phase ended.
        }
    }

    /// <summary>
    /// Sends one write; on a 2xx records it as acknowledged and answers the record's id and new version; any other answer
    /// is null, and noted unless it is <paramref name="tolerated"/>. A lost connection throws.
    /// </summary>
    private async Task<(Guid Id, int Version)?> WriteAsync(string kind, HttpClient client, HttpMethod method, string url, object body, string marker,
        HttpStatusCode? tolerated = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: ChainLinkApiFactory.Json) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            if (response.StatusCode != tolerated) _unexpected.Add($"{method} {url} → {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
            return null;
        }
        var answer = JsonDocument.Parse(text).RootElement;
        var id = answer.GetProperty("id").GetGuid();
        var version = answer.GetProperty("version").GetInt32();
        _accepted.AddOrUpdate(id, (kind, version, marker), (_, old) => old.Version > version ? old : (kind, version, marker));
        return (id, version);
    }

    private static HttpClient Authorised(ApiProcess api, string token)
    {
        var client = api.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient anonymous, string email)
    {
        using var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = ChainLinkApiFactory.Password });
        var body = await response.JsonAsync(HttpStatusCode.OK);
        return body.GetProperty("accessToken").GetString()!;
    }
}
