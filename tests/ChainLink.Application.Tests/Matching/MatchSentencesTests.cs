using ChainLink.Application.Matching;

namespace ChainLink.Application.Tests.Matching;

public sealed class MatchSentencesTests
{
    private static readonly ScoreComponentDto Some = new(0.5, 0.1, 0.05);

    private static MatchExplanation Explanation(
        IReadOnlyList<CoveredSkillDto> covered, IReadOnlyList<MissingSkillDto> missing, double? km = null, int graduates = 0, int? year = null,
        ScoreComponentDto? supply = null, ScoreComponentDto? level = null, ScoreComponentDto? text = null) =>
        new(new ScoreDto(0.5, Some, km is null ? null : Some, supply, level, text), covered, missing, km, graduates, year, covered.Count);

    [Fact]
    public void The_example_of_issue_16_reads_as_written()
    {
        var explanation = Explanation(
            [
                new CoveredSkillDto("SK1", "光伏电站运维", true, 1, null, null, ["光伏电站运行与维护"]),
                new CoveredSkillDto("SK2", "逆变器检修", true, 1, null, null, []),
            ],
            [new MissingSkillDto("SK3", "电工作业", true)],
            km: 502.4, graduates: 45, year: 2027, supply: Some, level: new ScoreComponentDto(1, 0.1, 0.1));

        Assert.Equal(
            ["覆盖必备技能 3 项中的 2 项：光伏电站运维（课程模块「光伏电站运行与维护」）、逆变器检修；缺：电工作业", "距离 502 公里", "2027 届毕业生 45 人", "学历层次相符"],
            MatchSentences.For(explanation));
    }

    [Fact]
    public void Optional_skills_related_credit_and_several_modules_are_named()
    {
        var explanation = Explanation(
            [
                new CoveredSkillDto("SK1", "光伏电站运维", true, 0.5, "SK9", "光伏发电", ["光伏技术", "电站实训"]),
                new CoveredSkillDto("SK4", "无人机巡检", false, 1, null, null, []),
            ],
            [new MissingSkillDto("SK5", null, false)]);

        Assert.Equal(
            ["覆盖必备技能 1 项中的 1 项：光伏电站运维（经相关技能「光伏发电」计 50%，课程模块「光伏技术」「电站实训」）", "覆盖可选技能 2 项中的 1 项：无人机巡检；缺：SK5"],
            MatchSentences.For(explanation));
    }

    [Theory]
    [InlineData(0.75, "学历层次高一级")]
    [InlineData(0.5, "学历层次低一级")]
    [InlineData(0, "学历层次相差两级")]
    public void Each_level_fit_has_its_sentence(double fit, string expected) =>
        Assert.Contains(expected, MatchSentences.For(Explanation([], [new MissingSkillDto("SK3", "电工作业", true)], level: new ScoreComponentDto(fit, 0.1, 0))));

    [Fact]
    public void No_wanted_skill_no_graduates_before_needed_by_a_short_distance_and_text_relevance()
    {
        var explanation = Explanation([], [], km: 0.4, supply: new ScoreComponentDto(0, 0.15, 0), text: new ScoreComponentDto(0.836, 0.1, 0.08));

        Assert.Equal(["没有指定技能，按文字相关度排序", "距离不到 1 公里", "到岗前没有毕业生", "文字相关度 84%"], MatchSentences.For(explanation));
    }

    [Fact]
    public void Nothing_covered_still_names_what_is_missing() =>
        Assert.Equal("覆盖必备技能 2 项中的 0 项；缺：电工作业、焊接",
            MatchSentences.For(Explanation([], [new MissingSkillDto("SK3", "电工作业", true), new MissingSkillDto("SK6", "焊接", true)]))[0]);
}
