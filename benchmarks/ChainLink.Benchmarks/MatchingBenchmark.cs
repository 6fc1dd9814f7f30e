using System.Diagnostics;
using System.Globalization;
using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using ChainLink.Domain.Matching;
using ChainLink.Infrastructure.Search;
using ChainLink.Infrastructure.Seed;

namespace ChainLink.Benchmarks;

/// <summary>
/// demand → top 20 programmes at 10,000 programmes and 200,000 demands (demo generator data), on one core:
/// the Lucene path (retrieve a candidate pool from an on-disk index, rank it in domain code) against brute force
/// (rank every programme with the same score), plus the time to build the index.
/// </summary>
internal static class MatchingBenchmark
{
    private const int Programmes = 10_000;
    private const int Demands = 200_000;
    private const int Top = 20;
    private const int LuceneQueries = 2_000;
    private const int BruteForceQueries = 200;
    private const int WarmUpQueries = 1_000;

    public static async Task<int> RunAsync()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            Process.GetCurrentProcess().ProcessorAffinity = 1;

        var seed = new SeedFiles(Path.Combine(AppContext.BaseDirectory, "seed"));
        var seats = seed.Regions().ToDictionary(r => r.Code, r => new GeoPoint(r.Longitude, r.Latitude), StringComparer.Ordinal);
        var tree = new SeedSkillTree(seed.Skills().Where(s => s.ParentCode is not null).ToDictionary(s => s.Code, s => s.ParentCode!, StringComparer.Ordinal));
        GeoPoint? SeatOf(string code) => seats.TryGetValue(code, out var p) ? p : null;

        var clock = Stopwatch.StartNew();
        var scale = Math.Max(Demands / DemoDataGenerator.DemandsPerScale, Programmes / DemoDataGenerator.ProgrammesPerScale) + 1;
        var data = new DemoDataGenerator(seed, scale, Quarter.Of(DateTimeOffset.UtcNow), DateTime.UtcNow).Generate();
        var programmes = data.Programmes.Take(Programmes).ToList();
        var demands = data.Demands.Take(Demands).ToList();
        Console.WriteLine(Invariant($"Generated {programmes.Count:N0} programmes and {demands.Count:N0} demands (demo generator, scale {scale}) in {clock.Elapsed.TotalSeconds:F1} s"));

        var profiles = programmes.ToDictionary(p => p.Id, p => MatchProfiles.Of(p, SeatOf));
        var weights = MatchWeights.Default;
        var pool = new MatchingOptions().CandidatePoolSize;

        var path = Path.Combine(Path.GetTempPath(), "chainlink-bench-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new LuceneSearchIndex(path);
            clock.Restart();
            await index.EnsureCreatedAsync(CancellationToken.None);
            var documents = programmes.Select(SearchDocuments.Of).Concat(demands.Select(SearchDocuments.Of)).ToList();
            foreach (var batch in documents.Chunk(20_000))
                await index.ApplyAsync(batch.Select(d => new SearchDocumentChange(d.Kind, d.Id, d.Version, d)).ToList(), CancellationToken.None);
            var build = clock.Elapsed;
            var megabytes = new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1e6;
            Console.WriteLine(Invariant($"Index build: {documents.Count:N0} documents in {build.TotalSeconds:F2} s ({documents.Count / build.TotalSeconds:N0} docs/s), {megabytes:F0} MB on disk"));
            documents.Clear();
            Console.WriteLine(Invariant($"Managed heap after the build (generated data + index, postings cache included): {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB"));

            var random = new Random(7);
            var sample = Enumerable.Range(0, LuceneQueries).Select(_ => demands[random.Next(demands.Count)]).ToList();
            // Other demands than the measured ones, so that warming up (the JIT's tiers) teaches neither path the answers.
            var warmUp = Enumerable.Range(0, WarmUpQueries).Select(_ => demands[random.Next(demands.Count)]).ToList();

            var retrieval = new List<double>(LuceneQueries);
            async Task<List<Guid>> LuceneAsync(Domain.Demands.Demand demand)
            {
                var retrieve = Stopwatch.StartNew();
                var profile = MatchProfiles.Of(demand, SeatOf);
                var text = SearchDocuments.DemandText(demand);
                var candidates = await index.SearchAsync(new CandidateQuery(SearchDocumentKind.Programme, profile.Skills.Select(s => s.Code).ToList(), text,
                    MatchScoring.AcceptableLevels(demand.EducationLevel), null, pool), CancellationToken.None);
                retrieval.Add(retrieve.Elapsed.TotalMilliseconds);
                return MatchRanking.Rank(candidates, true, c => profiles.GetValueOrDefault(c.Id),
                    (p, textRelevance) => MatchScoring.Score(profile, p, textRelevance, weights, tree), Top).Select(r => r.Candidate.Id).ToList();
            }

            var bigrams = programmes.ToDictionary(p => p.Id, p => Bigrams(SearchDocuments.Of(p).Text).ToHashSet(StringComparer.Ordinal));
            List<Guid> BruteForce(Domain.Demands.Demand demand)
            {
                var profile = MatchProfiles.Of(demand, SeatOf);
                var query = Bigrams(SearchDocuments.DemandText(demand)).Distinct(StringComparer.Ordinal).ToList();
                var candidates = programmes.Select(p => new SearchCandidate(p.Id, query.Count(bigrams[p.Id].Contains), 0)).ToList();
                return MatchRanking.Rank(candidates, true, c => profiles.GetValueOrDefault(c.Id),
                    (p, textRelevance) => MatchScoring.Score(profile, p, textRelevance, weights, tree), Top).Select(r => r.Candidate.Id).ToList();
            }

            foreach (var demand in warmUp) await LuceneAsync(demand);
            retrieval.Clear();
            var lucene = new List<double>(LuceneQueries);
            var luceneResults = new List<List<Guid>>(LuceneQueries);
            var total = Stopwatch.StartNew();
            foreach (var demand in sample)
            {
                var one = Stopwatch.StartNew();
                luceneResults.Add(await LuceneAsync(demand));
                lucene.Add(one.Elapsed.TotalMilliseconds);
            }
            var luceneRate = LuceneQueries / total.Elapsed.TotalSeconds;

            foreach (var demand in warmUp.Take(WarmUpQueries * BruteForceQueries / LuceneQueries)) BruteForce(demand);
            var brute = new List<double>(BruteForceQueries);
            var agreement = 0.0;
            total.Restart();
            for (var i = 0; i < BruteForceQueries; i++)
            {
                var one = Stopwatch.StartNew();
                var result = BruteForce(sample[i]);
                brute.Add(one.Elapsed.TotalMilliseconds);
                agreement += result.Count == 0 ? 1 : (double)result.Intersect(luceneResults[i]).Count() / result.Count;
            }
            var bruteRate = BruteForceQueries / total.Elapsed.TotalSeconds;

            Console.WriteLine("path          queries   matches/s   p50 ms   p95 ms");
            Console.WriteLine(Invariant($"lucene     {LuceneQueries,10} {luceneRate,11:F0} {Percentile(lucene, 50),8:F2} {Percentile(lucene, 95),8:F2}"));
            Console.WriteLine(Invariant($"brute      {BruteForceQueries,10} {bruteRate,11:F0} {Percentile(brute, 50),8:F2} {Percentile(brute, 95),8:F2}"));
            Console.WriteLine(Invariant($"  of which retrieval     {Percentile(retrieval, 50),8:F2} {Percentile(retrieval, 95),8:F2}"));
            Console.WriteLine(Invariant($"Lucene path is {luceneRate / bruteRate:F1}× faster than brute force (targets: p95 ≤ 20 ms, ≥ 20×); candidate pool {pool}, top {Top}"));
            Console.WriteLine(Invariant($"Top-{Top} agreement with brute force (brute force's text part is bigram overlap, not BM25): {agreement / BruteForceQueries:P0}"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    /// <summary>Adjacent pairs of CJK characters and whole Latin/digit words, roughly what the CJK analyser indexes.</summary>
    private static IEnumerable<string> Bigrams(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsCjk(text[i]))
            {
                if (i + 1 < text.Length && IsCjk(text[i + 1])) yield return text.Substring(i, 2);
            }
            else if (char.IsLetterOrDigit(text[i]))
            {
                var start = i;
                while (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !IsCjk(text[i + 1])) i++;
                yield return text[start..(i + 1)].ToLowerInvariant();
            }
        }
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class SeedSkillTree(Dictionary<string, string> parents) : ISkillTree
    {
        public string? ParentOf(string skillCode) => parents.GetValueOrDefault(skillCode);
    }
}
