using System.Diagnostics;
using ChainLink.Application.Demands;
using ChainLink.Domain.Common;

namespace ChainLink.Application.Tests.Demands;

public sealed class DemandTextParserTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("鄂尔多斯某能源公司\n岗位：光伏电站运维员，负责日常巡检", "光伏电站运维员")]
    [InlineData("我公司现招聘光伏电站运维员3名，要求大专及以上学历。", "招聘光伏电站运维员3名")]
    [InlineData("招聘启事\n现招聘电工2名；男女不限", "招聘电工2名")]
    [InlineData("  \n光伏电站运维\n负责逆变器检修", "光伏电站运维")]
    [InlineData("负责逆变器检修。熟悉电工作业", "负责逆变器检修")]
    public void The_title_is_the_post_label_else_the_recruiting_phrase_else_the_first_sentence(string text, string expected) =>
        Assert.Equal(expected, DemandTextParser.Title(text)!.Value);

    [Theory]
    [InlineData("要求大专及以上学历", EducationLevel.HigherVocational, "大专及以上")]
    [InlineData("中专或大专学历均可", EducationLevel.SecondaryVocational, "中专")]
    [InlineData("职业本科以上", EducationLevel.VocationalBachelor, "职业本科以上")]
    [InlineData("本科优先，高职亦可", EducationLevel.HigherVocational, "高职")]
    [InlineData("技工学校毕业", EducationLevel.SecondaryVocational, "技工")]
    public void The_level_is_the_lowest_the_text_accepts(string text, EducationLevel expected, string words)
    {
        var level = DemandTextParser.EducationLevelOf(text)!;
        Assert.Equal(expected, level.Value);
        Assert.Equal(words, level.Text);
    }

    [Fact]
    public void No_level_named_gives_no_level() => Assert.Null(DemandTextParser.EducationLevelOf("学历不限，肯吃苦"));

    [Theory]
    [InlineData("招聘光伏运维员 3 名", 3)]
    [InlineData("我们是一个5人团队，现招聘电工十二名", 12)]
    [InlineData("需要焊工 20 人", 20)]
    [InlineData("招聘两名电工", 2)]
    public void The_headcount_is_the_count_of_the_recruiting_clause(string text, int expected) =>
        Assert.Equal(expected, DemandTextParser.Headcount(text)!.Value);

    [Fact]
    public void Ruogan_leaves_the_headcount_empty_and_says_so()
    {
        var headcount = DemandTextParser.Headcount("招聘电工若干名")!;
        Assert.Null(headcount.Value);
        Assert.Equal("若干名", headcount.Text);
    }

    [Theory]
    [InlineData("2027年7月到岗", "2027Q3")]
    [InlineData("明年3月入职", "2027Q1")]
    [InlineData("今年十二月前到岗", "2026Q4")]
    [InlineData("面向2027届毕业生", "2027Q3")]
    [InlineData("2027年第2季度到岗", "2027Q2")]
    [InlineData("2028年一月到岗，2027届亦可", "2028Q1")]
    public void Needed_by_is_the_quarter_of_the_first_date_named(string text, string expected) =>
        Assert.Equal(expected, DemandTextParser.NeededBy(text, Today)!.Value.ToString());

    [Fact]
    public void A_date_in_the_past_becomes_the_current_quarter() =>
        Assert.Equal("2026Q4", DemandTextParser.NeededBy("面向2025届毕业生", Today)!.Value.ToString());

    [Fact]
    public void A_date_beyond_five_years_is_dropped() => Assert.Null(DemandTextParser.NeededBy("2040年1月到岗", Today));

    [Theory]
    [InlineData("月薪6000-8000元/月", 6000, 8000)]
    [InlineData("薪资 6k-8k", 6000, 8000)]
    [InlineData("6-8K", 6000, 8000)]
    [InlineData("6千-8千", 6000, 8000)]
    [InlineData("年薪12-18万", 10000, 15000)]
    [InlineData("要求3-5年经验，工资5500~7000", 5500, 7000)]
    public void A_salary_range_is_read_per_month(string text, int min, int max) =>
        Assert.Equal((min, max), DemandTextParser.Salary(text)!.Value);

    [Fact]
    public void Mianyi_leaves_the_salary_empty() => Assert.Equal((null, null), DemandTextParser.Salary("薪资面议")!.Value);

    [Theory]
    [InlineData("2026-2027学年")]
    [InlineData("3-5年经验")]
    public void Ranges_that_are_no_salary_are_ignored(string text) => Assert.Null(DemandTextParser.Salary(text));

    [Theory]
    [InlineData("三", 3)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("两百", 200)]
    [InlineData("二十五", 25)]
    [InlineData("45", 45)]
    public void Chinese_numerals_are_read(string text, int expected) => Assert.Equal(expected, DemandTextParser.ParseNumber(text));

    /// <summary>Repeats of what each pattern starts with: a backtracking engine or a rescan per match would take seconds here.</summary>
    [Theory]
    [InlineData("招聘")]
    [InlineData("2027年")]
    [InlineData("1-")]
    [InlineData("6k-")]
    [InlineData("大专以上")]
    [InlineData("3名")]
    [InlineData("岗位：")]
    [InlineData("鄂尔多")]
    public void Hostile_text_of_the_longest_size_is_read_in_linear_time(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, DraftDemandLimits.MaxTextLength / unit.Length));
        var watch = Stopwatch.StartNew();
        DemandTextParser.Title(text);
        DemandTextParser.EducationLevelOf(text);
        DemandTextParser.Headcount(text);
        DemandTextParser.NeededBy(text, Today);
        DemandTextParser.Salary(text);
        RegionFinder.Find(text, Regions);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{unit}: {watch.Elapsed}");
    }

    private static readonly RegionName[] Regions =
    [
        new("150000", "内蒙古自治区", "province"),
        new("150600", "鄂尔多斯市", "prefecture"),
        new("152900", "阿拉善盟", "prefecture"),
        new("220000", "吉林省", "province"),
        new("220200", "吉林市", "prefecture"),
        new("450000", "广西壮族自治区", "province"),
    ];

    [Theory]
    [InlineData("工作地点：内蒙古鄂尔多斯", "150600", "鄂尔多斯")]
    [InlineData("工作地点在阿拉善盟额济纳旗", "152900", "阿拉善盟")]
    [InlineData("内蒙古自治区内均可", "150000", "内蒙古自治区")]
    [InlineData("派驻广西", "450000", "广西")]
    [InlineData("吉林长春", "220200", "吉林")]
    public void The_region_is_the_prefecture_named_else_the_province(string text, string code, string words)
    {
        var region = RegionFinder.Find(text, Regions)!;
        Assert.Equal(code, region.Value);
        Assert.Equal(words, region.Text);
    }

    [Fact]
    public void A_text_naming_no_region_finds_none() => Assert.Null(RegionFinder.Find("负责逆变器检修", Regions));
}
