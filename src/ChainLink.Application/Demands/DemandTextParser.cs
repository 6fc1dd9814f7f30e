using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;

namespace ChainLink.Application.Demands;

/// <summary>A value read from an ad, the words it came from and why, in Chinese, for the person who checks it.</summary>
internal sealed record TextGuess<T>(T Value, string Text, string Reason);

/// <summary>
/// Reads the fields of a demand from a pasted job ad. Every pattern runs on .NET's non-backtracking engine, whose time is
/// linear in the text whatever the text, and each reader makes a fixed number of passes: the draft costs a few scans of
/// at most <see cref="DraftDemandLimits.MaxTextLength"/> characters.
/// </summary>
internal static class DemandTextParser
{
    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Words after 招聘 that name the notice, not the job (招聘启事, 招聘简章).</summary>
    private static readonly string[] NoticeWords = ["启事", "简章", "公告", "信息", "要求", "条件", "计划", "会"];

    private static readonly Regex PostLabel = new(@"(?:岗位|职位)(?:名称)?\s*[:：]\s*([^\n\r，,。；;]{1,60})", Linear);
    private static readonly Regex RecruitPhrase = new(@"招聘([^\n\r，,。；;：:！!？?]{2,60})", Linear);
    private static readonly Regex FirstSentence = new(@"[^\n\r。！!？?；;]+", Linear);

    private static readonly Regex Level = new(@"(职业本科|本科|大专|高职|专科|中职|中专|技工)(?:学历)?\s*(?:及以上|以上)?", Linear);

    private static readonly Regex Count = new(@"(若干|\d{1,5}|[一二两三四五六七八九十百]{1,4})\s*(?:名|人|位)", Linear);

    private static readonly Regex YearMonth = new(@"(20\d\d)\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月", Linear);
    private static readonly Regex YearQuarter = new(@"(20\d\d)\s*年\s*第?\s*([1-4一二三四])\s*季度", Linear);
    private static readonly Regex Graduates = new(@"(20\d\d)\s*届", Linear);
    private static readonly Regex RelativeMonth = new(@"(今年|明年)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月", Linear);

    private static readonly Regex SalaryRange = new(
        @"(\d{1,6}(?:\.\d{1,2})?)\s*([kK千万])?\s*元?\s*[-–—~～至到]\s*(\d{1,6}(?:\.\d{1,2})?)\s*([kK千万])?\s*(元)?\s*(?:/|每)?\s*(月|年)?", Linear);

    /// <summary>The 岗位：… label, else the 招聘… phrase, else the first line or sentence.</summary>
    public static TextGuess<string>? Title(string text)
    {
        if (PostLabel.Match(text) is { Success: true } label)
        {
            var post = Clip(label.Groups[1].Value);
            if (post.Length > 0) return new(post, label.Value.Trim(), "取自文中的岗位名称。");
        }
        for (var m = RecruitPhrase.Match(text); m.Success; m = m.NextMatch())
        {
            var job = m.Groups[1].Value.Trim();
            if (job.Length < 2 || NoticeWords.Any(w => job.StartsWith(w, StringComparison.Ordinal))) continue;
            var phrase = Clip(m.Value);
            return new(phrase, m.Value.Trim(), "取自文中的“招聘……”短语。");
        }
        for (var m = FirstSentence.Match(text); m.Success; m = m.NextMatch())
        {
            var sentence = Clip(m.Value);
            if (sentence.Length > 0) return new(sentence, m.Value.Trim(), "取自文本的第一行（第一句）。");
        }
        return null;
    }

    /// <summary>The lowest level the text accepts: "中专或大专" accepts 中职, "大专及以上" 高职专科.</summary>
    public static TextGuess<EducationLevel>? EducationLevelOf(string text)
    {
        Match? lowest = null;
        EducationLevel lowestLevel = default;
        for (var m = Level.Match(text); m.Success; m = m.NextMatch())
        {
            var level = m.Groups[1].Value switch
            {
                "中职" or "中专" or "技工" => EducationLevel.SecondaryVocational,
                "大专" or "高职" or "专科" => EducationLevel.HigherVocational,
                _ => EducationLevel.VocationalBachelor,
            };
            if (lowest is null || level < lowestLevel) (lowest, lowestLevel) = (m, level);
        }
        if (lowest is null) return null;
        var words = lowest.Value.Trim();
        var reason = words.EndsWith("以上", StringComparison.Ordinal)
            ? $"文中写明“{words}”，取可接受的最低层次：{EducationLevelNames.Chinese(lowestLevel)}。"
            : $"文中提到“{words}”，取文中可接受的最低层次：{EducationLevelNames.Chinese(lowestLevel)}。";
        return new(lowestLevel, words, reason);
    }

    /// <summary>
    /// 招聘 3 名, 5 人; 若干 says the number is open, so the value is null. The first count in the same clause as a 招聘
    /// ("招聘光伏运维员 3 名") wins over an earlier one ("5 人团队").
    /// </summary>
    public static TextGuess<int?>? Headcount(string text)
    {
        Match? chosen = null;
        for (var m = Count.Match(text); m.Success; m = m.NextMatch())
        {
            var recruited = AfterRecruit(text, m.Index);
            if (chosen is null || recruited) chosen = m;
            if (recruited) break;
        }
        if (chosen is null) return null;
        var words = chosen.Value.Trim();
        if (chosen.Groups[1].Value == "若干") return new(null, words, "文中写“若干”，人数未定，请填写。");
        if (ParseNumber(chosen.Groups[1].Value) is not { } n || n is < 1 or > Demand.MaxHeadcount) return null;
        return new(n, words, $"文中写“{words}”。");
    }

    /// <summary>
    /// The earliest date the text names: 2027年7月, 明年3月, 2027年第3季度, 2027届 (graduates of 2027, available from its
    /// third quarter). A date before <paramref name="now"/> becomes the current quarter; one beyond what a demand accepts is dropped.
    /// </summary>
    public static TextGuess<Quarter>? NeededBy(string text, DateTimeOffset now)
    {
        var current = Quarter.Of(now);
        var candidates = new List<(int Index, string Words, Quarter Quarter, string Reason)>();
        if (YearMonth.Match(text) is { Success: true } ym && ParseNumber(ym.Groups[2].Value) is { } month && month is >= 1 and <= 12)
            candidates.Add((ym.Index, ym.Value, OfMonth(int.Parse(ym.Groups[1].Value, CultureInfo.InvariantCulture), month), "文中写明年月"));
        if (YearQuarter.Match(text) is { Success: true } yq && ParseNumber(yq.Groups[2].Value) is { } q)
            candidates.Add((yq.Index, yq.Value, new Quarter(int.Parse(yq.Groups[1].Value, CultureInfo.InvariantCulture), q), "文中写明季度"));
        if (Graduates.Match(text) is { Success: true } g)
            candidates.Add((g.Index, g.Value, new Quarter(int.Parse(g.Groups[1].Value, CultureInfo.InvariantCulture), 3), "该届学生 6–7 月毕业，第三季度可到岗"));
        if (RelativeMonth.Match(text) is { Success: true } rm && ParseNumber(rm.Groups[2].Value) is { } m2 && m2 is >= 1 and <= 12)
            candidates.Add((rm.Index, rm.Value, OfMonth(now.Year + (rm.Groups[1].Value == "明年" ? 1 : 0), m2), $"按今天（{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）推算"));
        if (candidates.Count == 0) return null;

        var (_, words, quarter, reason) = candidates.MinBy(c => c.Index);
        if (quarter < current) return new(current, words.Trim(), $"“{words.Trim()}”已经过去，取当前季度 {current}。");
        if (quarter > current.AddQuarters(DemandLimits.MaxQuartersAhead)) return null;
        return new(quarter, words.Trim(), $"{reason}：“{words.Trim()}”→ {quarter}。");
    }

    /// <summary>6000-8000元/月, 6k-8k, 6千-8千, 年薪 12-18 万 (a year's pay is shown per month); 面议 leaves both empty.</summary>
    public static TextGuess<(int? Min, int? Max)>? Salary(string text)
    {
        for (var m = SalaryRange.Match(text); m.Success; m = m.NextMatch())
        {
            var lowUnit = m.Groups[2].Value;
            var highUnit = m.Groups[4].Value;
            // A plain number range ("3-5年", "2026-2027") is no salary: it needs a unit, 元, or figures of a monthly wage.
            var unit = highUnit.Length > 0 ? highUnit : lowUnit;
            var plain = unit.Length == 0 && m.Groups[5].Value.Length == 0;
            if (plain && (!(Number(m.Groups[1].Value) >= 1000) || LooksLikeYears(m.Groups[1].Value, m.Groups[3].Value))) continue;
            var perYear = m.Groups[6].Value == "年" || PrecededBy(text, m.Index, "年薪");
            var months = perYear ? 12m : 1m;
            var low = Number(m.Groups[1].Value) * Multiplier(lowUnit.Length > 0 ? lowUnit : unit) / months;
            var high = Number(m.Groups[3].Value) * Multiplier(unit) / months;
            if (low is not { } min || high is not { } max || min > max || max > DemandLimits.MaxSalary) continue;
            var words = m.Value.Trim();
            var reason = perYear ? $"文中写“{words}”（年薪），按 12 个月折算为月薪。" : $"文中写“{words}”，按月薪计。";
            return new((decimal.ToInt32(Math.Round(min)), decimal.ToInt32(Math.Round(max))), words, reason);
        }
        if (text.Contains("面议", StringComparison.Ordinal)) return new((null, null), "面议", "文中写“面议”，薪资留空。");
        return null;
    }

    /// <summary>Arabic digits, or Chinese numerals up to 九百九十九 (三, 十二, 二十, 两百).</summary>
    internal static int? ParseNumber(string s)
    {
        if (s.Length == 0) return null;
        if (char.IsAsciiDigit(s[0])) return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        int total = 0, digit = 0;
        foreach (var c in s)
        {
            var d = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两') d = 2;
            if (d >= 0) digit = d;
            else if (c == '十') { total += (digit == 0 ? 1 : digit) * 10; digit = 0; }
            else if (c == '百') { total += (digit == 0 ? 1 : digit) * 100; digit = 0; }
            else return null;
        }
        return total + digit;
    }

    private static bool LooksLikeYears(string low, string high) =>
        low.Length == 4 && high.Length == 4 && Number(low) is >= Quarter.MinYear and <= Quarter.MaxYear && Number(high) is >= Quarter.MinYear and <= Quarter.MaxYear;

    private static Quarter OfMonth(int year, int month) => new(year, (month - 1) / 3 + 1);

    private static decimal? Number(string s) => decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static decimal Multiplier(string unit) => unit switch
    {
        "k" or "K" or "千" => 1000,
        "万" => 10000,
        _ => 1,
    };

    /// <summary>A 招聘 at most <see cref="RecruitReach"/> characters before, with no clause break between: a bounded look, so linear overall.</summary>
    private static bool AfterRecruit(string text, int index)
    {
        var from = Math.Max(0, index - RecruitReach);
        var before = text.AsSpan(from, index - from);
        var recruit = before.LastIndexOf("招聘", StringComparison.Ordinal);
        return recruit >= 0 && before[recruit..].IndexOfAny(ClauseBreaks) < 0;
    }

    private const int RecruitReach = 30;

    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create("。；;！!？?\n\r");

    private static bool PrecededBy(string text, int index, string word)
    {
        var from = Math.Max(0, index - word.Length - 2);
        return text.AsSpan(from, index - from).Contains(word, StringComparison.Ordinal);
    }

    private static string Clip(string s)
    {
        var t = s.Trim().TrimEnd('：', ':', '，', ',', '。', '；', ';', '！', '!');
        return t.Length > DemandLimits.TitleLength ? t[..DemandLimits.TitleLength] : t;
    }
}
