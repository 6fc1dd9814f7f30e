using System.Text.Json;
using ChainLink.Application.Skills;
using Xunit.Abstractions;

namespace ChainLink.Application.Tests.Skills;

/// <summary>
/// Precision and recall of the extractor over hand-labelled demand texts. Each label says what a human reader
/// takes the text to ask for (negated skills excluded, optional ones included), written from the text and
/// skills.csv, not from the extractor's output.
/// </summary>
public sealed class LabelledDemandsTests(ITestOutputHelper output)
{
    private sealed record Labelled(string Text, string[] Expected);

    private const double Threshold = 0.85;

    [Fact]
    public void Extraction_reaches_the_precision_and_recall_threshold_on_labelled_demands()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Skills", "labelled-demands.json"));
        var set = JsonSerializer.Deserialize<List<Labelled>>(json, JsonSerializerOptions.Web)!;
        Assert.True(set.Count >= 150, $"The labelled set has {set.Count} texts; it needs at least 150.");

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var item in set)
        {
            var found = SeedDictionary.Instance.Extract(item.Text).Skills.Select(s => s.SkillCode).ToHashSet(StringComparer.Ordinal);
            var expected = item.Expected.ToHashSet(StringComparer.Ordinal);
            var extra = found.Except(expected).Order(StringComparer.Ordinal).ToList();
            var missed = expected.Except(found).Order(StringComparer.Ordinal).ToList();
            truePositives += found.Count - extra.Count;
            falsePositives += extra.Count;
            falseNegatives += missed.Count;
            if (extra.Count + missed.Count > 0)
                output.WriteLine($"{item.Text}\n    extra: {string.Join(' ', extra)}  missed: {string.Join(' ', missed)}");
        }

        var precision = (double)truePositives / (truePositives + falsePositives);
        var recall = (double)truePositives / (truePositives + falseNegatives);
        var summary = $"Labelled demands: {set.Count} texts, {truePositives + falseNegatives} expected skills; "
            + $"micro precision {precision:F3}, recall {recall:F3} (TP {truePositives}, FP {falsePositives}, FN {falseNegatives})";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(precision >= Threshold, summary);
        Assert.True(recall >= Threshold, summary);
    }
}
