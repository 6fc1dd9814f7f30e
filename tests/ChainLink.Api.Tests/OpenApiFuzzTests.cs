using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChainLink.Api.Tests.Fuzzing;
using Xunit.Abstractions;

namespace ChainLink.Api.Tests;

/// <summary>
/// Walks every operation of the API's own OpenAPI document with bad input (<see cref="BadInputs"/>), anonymously and as
/// each demo role, and holds the API to its promise: every bad request gets a 4xx, never a 5xx or a dropped connection.
/// </summary>
public sealed class OpenApiFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_2026;
    private const int Parallelism = 4;

    /// <summary>A role the answer turned away before reading the input (401/403) gets this many of the cases, picked by the seed.</summary>
    private const int CasesWhenTurnedAway = 5;

    /// <summary>
    /// The first role let through gets every case; the input is read the same way for the others, which mostly differ in
    /// what they may see, so each further role gets this share of the cases (picked by the seed) to keep the run short.
    /// </summary>
    private const int OtherRolesShare = 8;

    private static readonly (string Role, string? Email)[] Roles =
    [
        ("anonymous", null), ("Enterprise", ChainLinkApiFactory.Enterprise), ("College", ChainLinkApiFactory.College),
        ("Government", ChainLinkApiFactory.Government), ("Admin", ChainLinkApiFactory.Admin),
    ];

    [Fact]
    public async Task No_operation_answers_bad_input_with_a_server_error_or_a_dropped_connection()
    {
        await using var api = new FuzzApiFactory();
        await api.InitializeAsync();
        var clock = Stopwatch.StartNew();
        using var openApi = api.Client(null);
        var document = JsonDocument.Parse(await openApi.GetStringAsync("/openapi/v1.json")).RootElement;
        var reader = new OpenApiReader(document);
        // Signing out may end the role's session, so those operations run last.
        var operations = reader.Operations().OrderBy(SignsOut).ToList();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (role, email) in Roles)
            clients[role] = api.Client(email is null ? null : (await api.ClientForAsync(email)).DefaultRequestHeaders.Authorization!.Parameter);

        var random = new Random(Seed);
        var sample = new SchemaSample(reader, random);
        await CollectIdsAsync(operations, clients, sample);
        var inputs = new BadInputs(sample);

        var requests = new List<(FuzzOperation Operation, string Role, FuzzCase Case)>();
        var plausible = new Dictionary<FuzzOperation, FuzzCase>();
        foreach (var operation in operations)
        {
            var cases = inputs.For(operation);
            plausible[operation] = cases[0];
            var fullSetSent = false;
            // A probe must not sign the role out before its cases run; signing out is not turned away anyway.
            var answers = await Task.WhenAll(Roles.Select(r => SignsOut(operation)
                ? Task.FromResult<(int? Status, string Body)>((200, ""))
                : SendAsync(clients[r.Role], operation, cases[0], "probe")));
            var probes = new List<string>();
            foreach (var ((role, _), probe) in Roles.Zip(answers))
            {
                probes.Add($"{role} {probe.Status}" + (probe.Status is 400 or 404 or 409 ? $" {FuzzFailure.Excerpt(probe.Body, 160)}" : ""));
                var count = probe.Status is 401 or 403 ? CasesWhenTurnedAway : fullSetSent ? Math.Max(cases.Count / OtherRolesShare, CasesWhenTurnedAway) : cases.Count;
                fullSetSent |= probe.Status is not (401 or 403);
                requests.AddRange((count == cases.Count ? cases : cases.OrderBy(_ => random.Next()).Take(count)).Select(c => (operation, role, c)));
            }
            output.WriteLine($"Plausible {operation}: {string.Join("; ", probes)}");
        }

        var failures = new ConcurrentBag<FuzzFailure>();
        var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var busy = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        // Then every read once more, as each role: what the fuzzing stored (absurd numbers, huge lists) must not break
        // the pages that read it — the stored denial of service of issue 20 was a map summary summing accepted capacities.
        var rereads = operations.Where(o => o.Method == "GET").SelectMany(o => Roles.Select(r => (Operation: o, r.Role, Case: plausible[o] with { Input = "plausible request after the fuzzing" })));
        var phases = new[]
        {
            requests.Where(r => !SignsOut(r.Operation)).ToList(), rereads.ToList(), requests.Where(r => SignsOut(r.Operation)).ToList(),
        };
        requests = [.. phases.SelectMany(p => p)];
        var next = 0;
        foreach (var phase in phases)
        {
            var batch = phase.Select(r => (r.Operation, r.Role, r.Case, Id: (next++).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (request, _) =>
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await SendAsync(clients[request.Role], request.Operation, request.Case, request.Id);
                busy.AddOrUpdate(request.Operation.ToString(), Stopwatch.GetElapsedTime(started), (_, t) => t + Stopwatch.GetElapsedTime(started));
                statuses.AddOrUpdate(answer.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer", 1, (_, n) => n + 1);
                // Any answer below 500 is the API speaking (400, 401, 403, 404, 409, 413, 415, 422, 429 from a rate limiter…).
                if (answer.Status is < 500) return;
                failures.Add(new FuzzFailure(request.Operation, request.Role, request.Case,
                    answer.Status is { } s ? $"{s}" : "no answer", FuzzFailure.Excerpt(answer.Body, 200), api.Errors.For(request.Id)));
            });
        }
        clock.Stop();

        output.WriteLine($"{operations.Count} operations, {requests.Count} requests in {clock.Elapsed.TotalSeconds:F1} s (seed {Seed}).");
        output.WriteLine("Answers: " + string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} ×{s.Value}")));
        output.WriteLine("Slowest operations (request time summed): " + string.Join(", ", busy.OrderByDescending(b => b.Value).Take(8)
            .Select(b => $"{b.Key} {b.Value.TotalSeconds:F1} s ×{requests.Count(r => r.Operation.ToString() == b.Key)}")));
        var walked = requests.Select(r => r.Operation).Distinct().Count();
        Assert.Equal(operations.Count, walked);
        Assert.True(requests.Count >= 2_000, $"Only {requests.Count} requests were generated.");
        Assert.True(failures.IsEmpty, Report(failures));
    }

    private static bool SignsOut(FuzzOperation operation) => operation.Path.Contains("logout", StringComparison.Ordinal);

    /// <summary>Ids of real records, from the first page of every list, so that routes with an id reach records that exist.</summary>
    private static async Task CollectIdsAsync(IEnumerable<FuzzOperation> operations, Dictionary<string, HttpClient> clients, SchemaSample sample)
    {
        foreach (var operation in operations.Where(o => o.Method == "GET" && o.PathParameters.Count == 0))
        {
            var ids = new List<Guid>();
            foreach (var role in new[] { "Enterprise", "College", "Admin" })
            {
                using var response = await clients[role].GetAsync(operation.Path + "?mine=true");
                if (!response.IsSuccessStatusCode) continue;
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array) continue;
                foreach (var item in items.EnumerateArray().Take(5))
                {
                    if (item.TryGetProperty("id", out var id) && id.TryGetGuid(out var guid)) ids.Add(guid);
                    // Cluster codes are not in the demo taxonomy's fixed list of hints; the first one listed will do.
                    if (operation.Path == "/api/taxonomy/clusters" && item.TryGetProperty("code", out var code) && code.GetString() is { } cluster)
                    {
                        sample.Hint("cluster", cluster);
                        sample.Hint("clusterCodes", new JsonArray(cluster));
                    }
                }
            }
            if (ids.Count > 0) sample.KnownIds[operation.Path.TrimEnd('/')] = ids;
        }
    }

    private static async Task<(int? Status, string Body)> SendAsync(HttpClient client, FuzzOperation operation, FuzzCase fuzzCase, string id)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), fuzzCase.Url);
        request.Headers.Add(ServerErrorLog.Header, id);
        if (fuzzCase.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            if (fuzzCase.ContentType.Length > 0) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzzCase.ContentType);
        }
        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Every failure, one line each, grouped by operation so that one broken handler reads as one block.</summary>
    private static string Report(IEnumerable<FuzzFailure> failures)
    {
        var text = new StringBuilder();
        var all = failures.OrderBy(f => f.Operation.Path, StringComparer.Ordinal).ThenBy(f => f.Operation.Method, StringComparer.Ordinal)
            .ThenBy(f => f.Role, StringComparer.Ordinal).ThenBy(f => f.Case.Input, StringComparer.Ordinal).ToList();
        text.AppendLine($"{all.Count} requests got a server error or no answer, in {all.Select(f => f.Operation).Distinct().Count()} operations:");
        foreach (var group in all.GroupBy(f => f.Operation))
        {
            text.AppendLine($"— {group.Key} ({group.Count()}):");
            foreach (var failure in group) text.AppendLine("  " + failure);
        }
        return text.ToString();
    }
}
