using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>
/// The figures of issue 21 on real job ads (`../shared/eval/real_ads_dev.json`, read in place and never copied into the
/// repository), through the real API: concept recall and precision of /api/skills/extract, an acceptable major in the
/// top 5 of /api/match/majors, an acceptable occupation in the top 5 (and top 1) of /api/occupations/suggest.
/// Printed for the development and the held-back part (README: the split); the thresholds hold the held-back figures.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RealAdsEvaluationTests(ChainLinkApiFactory api, ITestOutputHelper output)
{
    private sealed record Ad(string Text, string[][] Skills, string[] Majors, string[] Occupations, string Source);

    private sealed record Figures(int Ads, int Found, int Groups, int Correct, int Returned, int MajorTop5, int OccupationTop5, int OccupationTop1)
    {
        public double Recall => (double)Found / Groups;
        public double Precision => Returned == 0 ? 0 : (double)Correct / Returned;
        public double MajorRate => (double)MajorTop5 / Ads;
        public double OccupationRate => (double)OccupationTop5 / Ads;
        public double OccupationTop1Rate => (double)OccupationTop1 / Ads;

        public override string ToString() =>
            $"{Ads} ads: concept recall {Recall:F3} ({Found}/{Groups}), precision ≥ {Precision:F3} ({Correct}/{Returned}), "
            + $"major top-5 {MajorRate:P0} ({MajorTop5}), occupation top-5 {OccupationRate:P0} ({OccupationTop5}), top-1 {OccupationTop1Rate:P0} ({OccupationTop1})";
    }

    // A little under the held-back figures measured when the taxonomy was grown (README "Real job ads"), so a regression fails.
    private const double MinRecall = 0.42;
    private const double MinPrecision = 0.63;
    private const double MinMajorTop5 = 0.52;
    private const double MinOccupationTop5 = 0.58;

    /// <summary>The split decided before tuning: held back when SHA-256 of the ad's source, as a big-endian number, is divisible by 3.</summary>
    public static bool IsHeldBack(string source) =>
        new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(source)), isUnsigned: true, isBigEndian: true) % 3 == 0;

    [Fact]
    public async Task Real_job_ads_keep_their_measured_recall_precision_and_top_5_rates_on_the_held_back_part()
    {
        var ads = JsonSerializer.Deserialize<List<Ad>>(File.ReadAllText(EvalFile()), JsonSerializerOptions.Web)!;
        var names = await api.QueryAsync(db => db.Skills.AsNoTracking().Include(s => s.Aliases)
            .ToDictionaryAsync(s => s.Code, s => string.Join(" | ", new[] { s.NameZh, s.NameEn }.Concat(s.Aliases.Select(a => a.Text))).ToLowerInvariant()));
        var client = await api.ClientForAsync(Enterprise);

        var development = await MeasureAsync(client, names, ads.Where(a => !IsHeldBack(a.Source)).ToList());
        var heldBack = await MeasureAsync(client, names, ads.Where(a => IsHeldBack(a.Source)).ToList());
        var summary = $"Real ads, development: {development}\nReal ads, held back:  {heldBack}";
        output.WriteLine(summary);
        Console.WriteLine(summary);

        Assert.Equal(52, heldBack.Ads);
        Assert.True(heldBack.Recall >= MinRecall, summary);
        Assert.True(heldBack.Precision >= MinPrecision, summary);
        Assert.True(heldBack.MajorRate >= MinMajorTop5, summary);
        Assert.True(heldBack.OccupationRate >= MinOccupationTop5, summary);
    }

    private async Task<Figures> MeasureAsync(HttpClient client, Dictionary<string, string> names, List<Ad> ads)
    {
        int found = 0, groups = 0, correct = 0, returned = 0, majors = 0, occupations = 0, firstOccupation = 0;
        foreach (var ad in ads)
        {
            var extraction = await (await client.PostJsonAsync("/api/skills/extract", new { text = ad.Text })).JsonAsync(HttpStatusCode.OK);
            var codes = extraction.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillCode").GetString()!).ToList();
            var hits = string.Join(" | ", codes.Select(c => names[c]));
            groups += ad.Skills.Length;
            found += ad.Skills.Count(g => g.Any(a => hits.Contains(a.ToLowerInvariant(), StringComparison.Ordinal)));
            returned += codes.Count;
            correct += codes.Count(c => ad.Skills.Any(g => g.Any(a => names[c].Contains(a.ToLowerInvariant(), StringComparison.Ordinal))));

            var matched = await (await client.PostJsonAsync("/api/match/majors", new { text = ad.Text, top = 5 })).JsonAsync(HttpStatusCode.OK);
            if (matched.GetProperty("results").EnumerateArray().Any(m => ad.Majors.Contains(m.GetProperty("majorName").GetString()))) majors++;

            var suggested = await (await client.PostJsonAsync("/api/occupations/suggest", new { text = ad.Text, top = 5 })).JsonAsync(HttpStatusCode.OK);
            var suggestedCodes = suggested.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
            if (suggestedCodes.Any(ad.Occupations.Contains)) occupations++;
            if (suggestedCodes.Count > 0 && ad.Occupations.Contains(suggestedCodes[0])) firstOccupation++;
        }
        return new Figures(ads.Count, found, groups, correct, returned, majors, occupations, firstOccupation);
    }

    /// <summary>
    /// `shared/eval/real_ads_dev.json` beside the clone (CI lays `shared/` there), or beside a folder above it (a worktree
    /// in a folder of worktrees); missing is a failure, never a silent pass.
    /// </summary>
    private static string EvalFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval", "real_ads_dev.json");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"shared/eval/real_ads_dev.json was not found in any folder above {AppContext.BaseDirectory}; "
            + "the real-ads evaluation needs the shared folder beside the repository (CI always has it).");
        return "";
    }
}
