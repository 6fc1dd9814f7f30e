using ChainLink.Application.Skills;
using ChainLink.Domain.Reference;

namespace ChainLink.Application.Tests.Skills;

public sealed class SkillExtractorTests
{
    private static SkillExtraction Extract(string text) => SeedDictionary.Instance.Extract(text);

    private static SkillHit Hit(SkillExtraction result, string code) => Assert.Single(result.Hits, h => h.SkillCode == code);

    private static SkillDictionary Custom(params (string Code, string Name, string? Parent)[] skills) =>
        SkillDictionary.Build(skills.Select(s => new Skill { Code = s.Code, NameZh = s.Name, NameEn = s.Code + " skill", ParentCode = s.Parent }));

    [Fact]
    public void Longest_term_wins_over_the_shorter_terms_inside_it()
    {
        var result = Extract("招聘光伏电站运维工程师");

        var hit = Assert.Single(result.Hits);
        Assert.Equal("SK0044", hit.SkillCode);
        Assert.Equal("光伏电站运维", hit.MatchedText);
    }

    [Fact]
    public void Overlapping_terms_of_equal_length_keep_the_leftmost()
    {
        var dictionary = Custom(("A", "甲乙", null), ("B", "乙丙", null));

        var result = dictionary.Extract("甲乙丙");

        Assert.Equal("A", Assert.Single(result.Hits).SkillCode);
    }

    [Fact]
    public void Overlapping_terms_keep_the_longer_even_when_it_starts_later()
    {
        var dictionary = Custom(("A", "甲乙", null), ("B", "乙丙丁", null));

        var result = dictionary.Extract("甲乙丙丁");

        Assert.Equal("B", Assert.Single(result.Hits).SkillCode);
    }

    [Fact]
    public void Latin_term_does_not_match_inside_a_longer_word()
    {
        var result = Extract("MySQLx PostgreSQLish");

        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Latin_term_matches_next_to_Chinese()
    {
        var result = Extract("会PLC调试和SCADA监控");

        Assert.Equal("PLC", Hit(result, "SK0073").MatchedText);
        Assert.Contains(result.Hits, h => h.SkillCode == "SK0074");
    }

    [Fact]
    public void English_plural_still_names_the_term()
    {
        var result = Extract("Experience with PLCs and VFDs");

        Assert.Equal("PLCs", Hit(result, "SK0073").MatchedText);
        Assert.Equal("VFDs", Hit(result, "SK0009").MatchedText);
    }

    [Fact]
    public void Full_width_latin_is_matched()
    {
        var text = "熟悉ＰＬＣ编程";

        var hit = Hit(Extract(text), "SK0073");

        Assert.Equal("ＰＬＣ编程", hit.MatchedText);
        Assert.Equal(2, hit.Start);
        Assert.Equal(5, hit.Length);
    }

    [Fact]
    public void Latin_case_is_ignored()
    {
        Assert.Contains(Extract("scada and Scada").Hits, h => h.SkillCode == "SK0074");
    }

    [Fact]
    public void Traditional_characters_are_matched_and_reported_as_written()
    {
        var hit = Hit(Extract("熟悉逆變器檢修"), "SK0045");

        Assert.Equal("逆變器檢修", hit.MatchedText);
    }

    [Fact]
    public void Optional_marker_applies_to_its_clause_only()
    {
        var result = Extract("熟悉逆变器检修，有电工证优先");

        Assert.True(Hit(result, "SK0045").Essential);
        Assert.False(Hit(result, "SK0003").Essential);
    }

    [Fact]
    public void Optional_marker_covers_every_item_of_its_list()
    {
        var result = Extract("熟悉Linux；具备PLC编程、变频器调试经验者优先。");

        Assert.True(Hit(result, "SK0206").Essential);
        Assert.False(Hit(result, "SK0073").Essential);
        Assert.False(Hit(result, "SK0009").Essential);
    }

    [Fact]
    public void Optional_heading_with_a_colon_covers_the_rest_of_its_sentence()
    {
        var result = Extract("加分项：Docker，Python。熟悉Linux");

        Assert.False(Hit(result, "SK0217").Essential);
        Assert.False(Hit(result, "SK0187").Essential);
        Assert.True(Hit(result, "SK0206").Essential);
    }

    [Fact]
    public void English_optional_markers_are_clause_scoped()
    {
        var result = Extract("Java, MySQL. Docker is a plus, Kubernetes nice to have");

        Assert.True(Hit(result, "SK0186").Essential);
        Assert.True(Hit(result, "SK0192").Essential);
        Assert.All(result.Hits.Where(h => h.SkillCode == "SK0217"), h => Assert.False(h.Essential));
    }

    [Fact]
    public void A_skill_essential_anywhere_is_essential()
    {
        var result = Extract("熟悉PLC，会西门子PLC者优先");

        Assert.Equal(2, result.Hits.Count(h => h.SkillCode == "SK0073"));
        Assert.True(Assert.Single(result.Skills).Essential);
    }

    [Fact]
    public void Negated_skill_is_reported_apart_and_not_asked_for()
    {
        var result = Extract("无需电工证，熟悉PLC");

        Assert.Equal("SK0003", Assert.Single(result.Negated).SkillCode);
        Assert.DoesNotContain(result.Skills, s => s.SkillCode == "SK0003");
        Assert.Contains(result.Skills, s => s.SkillCode == "SK0073");
    }

    [Fact]
    public void Negation_after_the_skill_applies_when_nothing_follows_it()
    {
        var result = Extract("电工证不需要");

        Assert.Equal("SK0003", Assert.Single(result.Negated).SkillCode);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Negation_does_not_reach_back_over_the_words_it_negates()
    {
        var result = Extract("熟悉PLC无需经验");

        Assert.Empty(result.Negated);
        Assert.True(Hit(result, "SK0073").Essential);
    }

    [Fact]
    public void English_negation_drops_the_skill()
    {
        var result = Extract("Linux administration; Docker not required");

        Assert.Equal("SK0217", Assert.Single(result.Negated).SkillCode);
        Assert.Contains(result.Skills, s => s.SkillCode == "SK0206");
    }

    [Fact]
    public void Group_skill_is_dropped_when_a_skill_under_it_matches()
    {
        var result = Extract("新能源企业招聘光伏运维");

        Assert.DoesNotContain(result.Skills, s => s.SkillCode == "SK0035");
        Assert.Contains(result.Skills, s => s.SkillCode == "SK0044");
    }

    [Fact]
    public void Group_skill_is_a_hit_when_nothing_more_specific_matches()
    {
        var result = Extract("招聘新能源方向毕业生");

        Assert.Equal("SK0035", Assert.Single(result.Skills).SkillCode);
    }

    [Fact]
    public void Span_points_into_original_text_with_emoji()
    {
        var text = "😀🔥急招：熟悉PLC👍和逆变器";

        var result = Extract(text);

        Assert.Equal(2, result.Hits.Count);
        Assert.All(result.Hits, h => Assert.Equal(h.MatchedText, text.Substring(h.Start, h.Length)));
        Assert.Equal(text.IndexOf("PLC", StringComparison.Ordinal), Hit(result, "SK0073").Start);
        Assert.Equal(text.IndexOf("逆变器", StringComparison.Ordinal), Hit(result, "SK0045").Start);
    }

    [Fact]
    public void Invisible_characters_inside_a_term_do_not_break_it()
    {
        var text = "熟悉光\u200B伏运维";

        var hit = Hit(Extract(text), "SK0044");

        Assert.Equal("光\u200B伏运维", hit.MatchedText);
        Assert.Equal(2, hit.Start);
    }

    [Fact]
    public void Emoji_between_words_separates_them()
    {
        var result = Extract("MySQL😀x");

        Assert.Equal("MySQL", Hit(result, "SK0192").MatchedText);
    }

    [Fact]
    public void Any_unicode_gives_spans_inside_the_original_text()
    {
        var random = new Random(20261125);
        for (var round = 0; round < 2000; round++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(6) switch
                {
                    0 => (char)random.Next(0, 0x20),
                    1 => (char)random.Next(0xD800, 0xE000),
                    2 => "PLC光伏运维逆变器，优先无需。熟悉会Ｓ"[random.Next(19)],
                    3 => (char)random.Next(0x4E00, 0x9FA6),
                    _ => (char)random.Next(0, 0x10000),
                };
            }
            var text = new string(chars);

            var result = Extract(text);

            foreach (var hit in result.Hits.Concat(result.Negated))
                Assert.Equal(hit.MatchedText, text.Substring(hit.Start, hit.Length));
            foreach (var term in result.UnknownTerms)
                Assert.Equal(term.Text, text.Substring(term.Start, term.Length));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("😀😀😀")]
    public void Text_without_words_gives_nothing(string text)
    {
        var result = Extract(text);

        Assert.Empty(result.Hits);
        Assert.Empty(result.UnknownTerms);
    }

    [Fact]
    public void Unknown_latin_acronyms_and_product_names_are_reported()
    {
        var result = Extract("熟悉PLC和OPC UA，会RocketMQ；3年经验，月薪8k-12k");

        var unknown = result.UnknownTerms.Where(t => t.Kind == UnknownTermKind.Latin).Select(t => t.Text).ToList();
        Assert.Contains("OPC", unknown);
        Assert.Contains("RocketMQ", unknown);
        Assert.DoesNotContain("PLC", unknown);
        Assert.DoesNotContain("8k-12k", unknown);
    }

    [Fact]
    public void Plain_English_words_are_not_reported_as_unknown()
    {
        var result = Extract("We need someone with strong experience. Linux, MQTT.");

        Assert.Equal(["MQTT"], result.UnknownTerms.Select(t => t.Text));
    }

    [Fact]
    public void Phrase_after_a_cue_word_that_matched_nothing_is_reported()
    {
        var text = "熟悉风电场防雷设计和逆变器，掌握箱变巡视，会使用红外测温仪";

        var unknown = Extract(text).UnknownTerms.Where(t => t.Kind == UnknownTermKind.AfterCue).ToList();

        Assert.Equal(["风电场防雷设计", "箱变巡视", "红外测温仪"], unknown.Select(t => t.Text));
        Assert.All(unknown, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
    }

    [Fact]
    public void Common_words_containing_a_cue_character_are_not_cues()
    {
        var result = Extract("社会保险齐全，会计核算");

        Assert.DoesNotContain(result.UnknownTerms, t => t.Kind == UnknownTermKind.AfterCue);
    }

    [Fact]
    public void Owner_of_a_term_is_found_in_folded_form()
    {
        Assert.Equal("SK0073", SeedDictionary.Instance.OwnerOf("ｐｌｃ"));
        Assert.Null(SeedDictionary.Instance.OwnerOf("量子纠缠调试"));
    }
}
