using ChainLink.Domain.Organisations;

namespace ChainLink.Domain.Tests;

public sealed class OrganisationNameKeyTests
{
    [Theory]
    [InlineData("包头稀土（集团）有限公司", "包头稀土(集团)有限公司")]
    [InlineData("包头稀土【集团】有限公司", "包头稀土(集团)有限公司")]
    [InlineData("包头稀土〔集团〕有限公司", "包头稀土[集团]有限公司")]
    [InlineData("包头稀土「集团」有限公司", "包头稀土{集团}有限公司")]
    [InlineData("包头 稀土　集团", "包头稀土集团")]
    [InlineData("包头\u200B稀土\u200D集团\uFEFF", "包头稀土集团")]
    [InlineData("ＡＢＣ能源１号", "abc能源1号")]
    [InlineData("Acme Energy", "ACME ENERGY")]
    [InlineData("鄂尔多斯㈱", "鄂尔多斯(株)")]
    [InlineData("呼和浩特②厂", "呼和浩特2厂")]
    public void Names_that_differ_only_by_width_brackets_spaces_invisible_or_compatibility_characters_are_one_name(string a, string b) =>
        Assert.Equal(OrganisationNameKey.Of(a), OrganisationNameKey.Of(b));

    [Theory]
    [InlineData("包头稀土集团", "包头稀土集团公司")]
    [InlineData("包头稀土(集团)", "包头稀土集团")]
    [InlineData("包头第一职业学院", "包头第二职业学院")]
    public void Names_that_differ_in_their_words_stay_apart(string a, string b) =>
        Assert.NotEqual(OrganisationNameKey.Of(a), OrganisationNameKey.Of(b));

    [Fact]
    public void The_key_is_written_with_half_width_round_brackets_and_no_spaces() =>
        Assert.Equal("包头稀土(集团)有限公司", OrganisationNameKey.Of(" 包头稀土 【集团】 有限公司 "));
}
