using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChainLink.Application.Skills;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure.Seed;

namespace ChainLink.Benchmarks;

/// <summary>Extraction throughput on one core over demo-like demand texts, at the demo volume (1×) and at 20×.</summary>
internal static class ExtractBenchmark
{
    public static int Run()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            Process.GetCurrentProcess().ProcessorAffinity = 1;

        var seed = new SeedFiles(Path.Combine(AppContext.BaseDirectory, "seed"));
        var build = Stopwatch.StartNew();
        var dictionary = SkillDictionary.Build(seed.Skills());
        build.Stop();
        Console.WriteLine(FormattableString.Invariant($"Dictionary: {dictionary.SkillCount} skills, {dictionary.TermCount} terms, built in {build.Elapsed.TotalMilliseconds:F0} ms"));

        var labelled = JsonSerializer.Deserialize<List<JsonElement>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "labelled-demands.json")))!
            .Select(e => e.GetProperty("text").GetString()!).ToList();

        Console.WriteLine("volume   texts   MB (UTF-8)   passes   seconds   texts/s      MB/s   skills/text");
        foreach (var scale in new[] { 1, 20 })
        {
            var texts = Corpus(seed, scale, labelled);
            var megabytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / 1e6;

            // Warm up for a second: with the grown dictionary, tier-up takes longer than one pass over the 1× corpus.
            var skills = 0L;
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
                foreach (var text in texts) skills += dictionary.Extract(text).Skills.Count;

            // Repeat whole passes for at least two seconds so timer resolution and tier-up do not show in the figure.
            var passes = 0;
            skills = 0;
            var clock = Stopwatch.StartNew();
            while (passes == 0 || clock.Elapsed < TimeSpan.FromSeconds(2))
            {
                foreach (var text in texts) skills += dictionary.Extract(text).Skills.Count;
                passes++;
            }
            clock.Stop();
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scale,5}× {texts.Count,7} {megabytes,12:F2} {passes,8} {seconds,9:F2} {texts.Count * passes / seconds,9:F0} {megabytes * passes / seconds,9:F1} {(double)skills / passes / texts.Count,13:F2}"));
        }
        CueFlood(dictionary);
        return 0;
    }

    /// <summary>
    /// Hostile input of 10,000 and 20,000 characters: nothing but cue, optional or negation words ("熟悉、熟悉、…",
    /// "优先优先…"), one clause that never ends (skill names and fillers joined by 、), and a wall of Latin tokens (known
    /// product names, near misses and version strings). Extraction must stay linear (twice the text, about twice the
    /// time) and above 10 MB/s.
    /// </summary>
    private static void CueFlood(SkillDictionary dictionary)
    {
        const string clause = "熟练使用焊接、数控编程、机械制图、AutoCAD、叉车驾驶、设备维修保养、质量检验和仓储管理等相关工作经验、";
        const string latin = "PLC SCADA AutoCAD SolidWorks Excel MySQLx PostgreSQLish Kafkaesque v2.3.1 ISO9001 CNC5 S7-1200 HMI_panel ";
        Console.WriteLine("hostile text            characters   ms/text (best of 5)   MB/s");
        foreach (var (name, unit) in new[]
                 {
                     ("熟悉、×n", "熟悉、"), ("熟悉×n", "熟悉"), ("熟悉的×n", "熟悉的"), ("优先×n", "优先"), ("不需要PLC×n", "不需要PLC"),
                     ("one long clause", clause), ("wall of Latin", latin),
                 })
            foreach (var characters in new[] { 10_000, 20_000 })
            {
                var text = string.Concat(Enumerable.Repeat(unit, characters / unit.Length));
                var best = double.MaxValue;
                for (var i = 0; i < 5; i++)
                {
                    var clock = Stopwatch.StartNew();
                    dictionary.Extract(text);
                    best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                }
                var megabytesPerSecond = Encoding.UTF8.GetByteCount(text) / 1e6 / (best / 1000);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {text.Length,13} {best,20:F2} {megabytesPerSecond,8:F1}"));
            }
    }

    // The demo generator's demands (title and description) at the given scale, with every fifth text swapped for a
    // hand-written labelled ad, which is longer and more varied than the generated ones.
    private static List<string> Corpus(SeedFiles seed, int scale, List<string> labelled)
    {
        var demands = new DemoDataGenerator(seed, scale, Quarter.Of(DateTimeOffset.UtcNow), DateTime.UtcNow).Generate().Demands;
        return demands.Select((d, i) => i % 5 == 0 ? labelled[i / 5 % labelled.Count] : $"{d.Title}\n{d.Description}").ToList();
    }
}
