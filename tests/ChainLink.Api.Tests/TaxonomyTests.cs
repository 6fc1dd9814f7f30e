using System.Net;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class TaxonomyTests(ChainLinkApiFactory api)
{
    [Theory]
    [InlineData("/api/taxonomy/majors", 811)]
    [InlineData("/api/taxonomy/occupations", 2140)]
    [InlineData("/api/taxonomy/occupations?level=细类", 1676)]
    [InlineData("/api/taxonomy/regions", 367)]
    [InlineData("/api/taxonomy/regions?parent=150000", 12)]
    [InlineData("/api/taxonomy/clusters", 12)]
    public async Task Reference_tables_hold_every_sourced_row(string url, int expected)
    {
        using var client = api.CreateClient();
        var page = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Skills_are_found_by_alias_and_english_name()
    {
        using var client = api.CreateClient();
        var plc = await (await client.GetAsync("/api/taxonomy/skills?q=可编程控制器")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(plc.GetProperty("items").EnumerateArray(), s => s.GetProperty("nameZh").GetString() == "PLC编程");
        var english = await (await client.GetAsync("/api/taxonomy/skills?q=plc programming")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(english.GetProperty("items").EnumerateArray(), s => s.GetProperty("nameEn").GetString() == "PLC programming");
        var all = await (await client.GetAsync("/api/taxonomy/skills?pageSize=1")).JsonAsync(HttpStatusCode.OK);
        Assert.True(all.GetProperty("total").GetInt32() >= 300);
    }

    [Fact]
    public async Task Real_codes_carry_their_official_names()
    {
        using var client = api.CreateClient();
        var major = await (await client.GetAsync("/api/taxonomy/majors?q=430301")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("光伏工程技术", major.GetProperty("items")[0].GetProperty("name").GetString());
        var occupation = await (await client.GetAsync("/api/taxonomy/occupations?q=6-28-01-12")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("风力发电运维值班员", occupation.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/taxonomy/majors?pageSize=0", "pageSize")]
    [InlineData("/api/taxonomy/majors?pageSize=201", "pageSize")]
    [InlineData("/api/taxonomy/skills?page=0", "page")]
    [InlineData("/api/taxonomy/occupations?level=微类", "level")]
    [InlineData("/api/taxonomy/regions?level=county", "level")]
    public async Task Bad_paging_or_filters_get_400(string url, string field)
    {
        using var client = api.CreateClient();
        await (await client.GetAsync(url)).AssertFieldErrorAsync(field);
    }
}
