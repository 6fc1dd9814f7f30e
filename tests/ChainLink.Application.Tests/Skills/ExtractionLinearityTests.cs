namespace ChainLink.Application.Tests.Skills;

/// <summary>
/// The cue-phrase scan once walked to the clause end for every cue, and every optional or negation marker looked for a
/// colon up to its clause end, so text made of such words cost the square of its length (20,000 characters of 熟悉、
/// ≈ 1 s, of 优先 ≈ 2 s). Work is counted, not timed: ten times the text may cost at most about ten times the steps.
/// </summary>
public sealed class ExtractionLinearityTests
{
    [Theory]
    [InlineData("熟悉、")]
    [InlineData("熟悉")]
    [InlineData("熟悉的")]
    [InlineData("掌握PLC和")]
    [InlineData("、会")]
    [InlineData("熟悉风电场防雷设计经验、")]
    [InlineData("优先")]
    [InlineData("不需要PLC")]
    [InlineData("PLC不需要")]
    [InlineData("加分项：PLC，")]
    public void Ten_times_the_cue_or_marker_words_cost_at_most_about_ten_times_the_work(string unit)
    {
        var small = Steps(unit, 1_000);
        var large = Steps(unit, 10_000);

        Assert.True(small > 0, "the cue scan did no work on text full of cue words");
        Assert.True(large <= 12 * small, $"{unit}: {small} steps for 1,000 characters, {large} for 10,000");
    }

    [Fact]
    public void A_run_of_suffixes_after_many_cues_is_trimmed_once()
    {
        var text = string.Concat(Enumerable.Repeat("熟悉", 2_000)) + new string('的', 10_000);

        SeedDictionary.Instance.Extract(text, out var steps);

        // The run is trimmed once, and again only for the few cues within a suffix or two of its start; the square would be 2,000 × 10,000.
        Assert.True(steps <= 10 * text.Length, $"{steps} steps for {text.Length} characters");
    }

    [Fact]
    public void Cue_phrases_are_still_reported_once_each_in_text_order()
    {
        // The second cue's items after 、 were the first cue's items too ("熟悉风电场防雷设计" is one of them): reported once.
        var result = SeedDictionary.Instance.Extract("熟悉风电场防雷设计、熟悉风电场防雷设计和储能消防规范，熟悉储能消防规范");

        Assert.Equal(["风电场防雷设计", "熟悉风电场防雷设计", "储能消防规范"], result.UnknownTerms.Select(u => u.Text));
    }

    private static long Steps(string unit, int characters)
    {
        SeedDictionary.Instance.Extract(string.Concat(Enumerable.Repeat(unit, characters / unit.Length)), out var steps);
        return steps;
    }
}
