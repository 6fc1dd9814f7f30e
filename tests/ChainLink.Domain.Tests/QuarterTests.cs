using ChainLink.Domain.Common;

namespace ChainLink.Domain.Tests;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2026Q3", 2026, 3)]
    [InlineData("2026q1", 2026, 1)]
    [InlineData(" 2027-Q4 ", 2027, 4)]
    public void Parses_written_quarters(string text, int year, int number)
    {
        Assert.True(Quarter.TryParse(text, out var q));
        Assert.Equal(new Quarter(year, number), q);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("26Q1")]
    [InlineData("2026 Q1")]
    [InlineData("Q1 2026")]
    [InlineData("１９９９Q1")]
    public void Rejects_malformed_quarters(string text) => Assert.False(Quarter.TryParse(text, out _));

    [Theory]
    [InlineData("9999Q4")]
    [InlineData("1900Q1")]
    [InlineData("1999Q4")]
    [InlineData("2101Q1")]
    public void Rejects_quarters_outside_the_sensible_years(string text) => Assert.False(Quarter.TryParse(text, out _));

    [Theory]
    [InlineData("2000Q1")]
    [InlineData("2100Q4")]
    public void Accepts_the_first_and_last_sensible_quarters(string text)
    {
        Assert.True(Quarter.TryParse(text, out var q));
        // A barometer window reaches 12 quarters back and an edition's end one quarter ahead of the accepted range.
        Assert.Equal(q, q.AddQuarters(-12).AddQuarters(12));
        Assert.True(q.End > q.Start);
    }

    [Fact]
    public void Quarter_arithmetic_crosses_years()
    {
        Assert.Equal(new Quarter(2027, 1), new Quarter(2026, 4).AddQuarters(1));
        Assert.Equal(new Quarter(2023, 4), new Quarter(2026, 3).AddQuarters(-11));
        Assert.Equal(new Quarter(2026, 3), Quarter.Of(new DateTimeOffset(2026, 9, 30, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), new Quarter(2026, 3).Start);
        Assert.True(new Quarter(2026, 4) > new Quarter(2026, 3));
    }
}
