using System.Globalization;

namespace ChainLink.Application.Matching;

/// <summary>
/// A match's explanation as short Chinese sentences for people, beside the numbers: which wanted skills are taught and
/// where, which are missing, how far, how many graduates, whether the level fits. Built from the explanation alone, so
/// the sentences can never say something the score did not use.
/// </summary>
public static class MatchSentences
{
    public static IReadOnlyList<string> For(MatchExplanation explanation)
    {
        var sentences = new List<string>();
        var essential = Skills(explanation, essential: true, "必备");
        var optional = Skills(explanation, essential: false, "可选");
        if (essential is not null) sentences.Add(essential);
        if (optional is not null) sentences.Add(optional);
        if (essential is null && optional is null) sentences.Add("没有指定技能，按文字相关度排序");

        if (explanation.DistanceKm is { } km)
            sentences.Add(km < 1 ? "距离不到 1 公里" : $"距离 {Math.Round(km, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} 公里");

        if (explanation.GraduatesYear is { } year) sentences.Add($"{year} 届毕业生 {explanation.Graduates} 人");
        else if (explanation.Score.Supply is not null) sentences.Add("到岗前没有毕业生");

        if (explanation.Score.Level is { } level)
        {
            sentences.Add(level.Value switch
            {
                >= 1 => "学历层次相符",
                >= 0.75 => "学历层次高一级",
                >= 0.5 => "学历层次低一级",
                _ => "学历层次相差两级",
            });
        }

        if (explanation.Score.Text is { } text)
            sentences.Add($"文字相关度 {Math.Round(text.Value * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)}%");
        return sentences;
    }

    /// <summary>"覆盖必备技能 3 项中的 2 项：A（课程模块「M」）、B；缺：C", or null when no skill of the kind was wanted.</summary>
    private static string? Skills(MatchExplanation explanation, bool essential, string kind)
    {
        var covered = explanation.CoveredSkills.Where(s => s.Essential == essential).ToList();
        var missing = explanation.MissingSkills.Where(s => s.Essential == essential).ToList();
        var wanted = covered.Count + missing.Count;
        if (wanted == 0) return null;
        var sentence = $"覆盖{kind}技能 {wanted} 项中的 {covered.Count} 项";
        if (covered.Count > 0) sentence += "：" + string.Join("、", covered.Select(Covered));
        if (missing.Count > 0) sentence += "；缺：" + string.Join("、", missing.Select(s => s.Name ?? s.Code));
        return sentence;
    }

    private static string Covered(CoveredSkillDto skill)
    {
        var notes = new List<string>();
        if (skill.ViaCode is not null)
            notes.Add($"经相关技能「{skill.ViaName ?? skill.ViaCode}」计 {Math.Round(skill.Credit * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)}%");
        if (skill.Modules.Count > 0) notes.Add("课程模块" + string.Concat(skill.Modules.Select(m => $"「{m}」")));
        var name = skill.Name ?? skill.Code;
        return notes.Count == 0 ? name : $"{name}（{string.Join("，", notes)}）";
    }
}
