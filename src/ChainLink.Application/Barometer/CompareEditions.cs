using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Barometer;

/// <summary>What changed between two revisions of a quarter's edition, read from the parsed editions in memory.</summary>
public sealed record CompareEditions(string Quarter, int From, int To) : IQuery<EditionComparison>;

internal sealed class CompareEditionsValidator : AbstractValidator<CompareEditions>
{
    public CompareEditionsValidator()
    {
        this.AddEditionRules(x => x.Quarter, _ => null);
        RuleFor(x => x.From).GreaterThanOrEqualTo(1);
        RuleFor(x => x.To).GreaterThanOrEqualTo(1)
            .NotEqual(x => x.From).WithMessage("请选择两个不同的修订版本进行比较。");
    }
}

internal sealed class CompareEditionsHandler(IAppDbContext db, IOptions<BarometerOptions> options, EditionCache cache)
    : IQueryHandler<CompareEditions, EditionComparison>
{
    public async ValueTask<EditionComparison> Handle(CompareEditions query, CancellationToken ct)
    {
        var minimum = options.Value.RankingMinimumDemand;
        var (from, _) = await EditionQueryHandlers.LoadAsync(db, cache, minimum, query.Quarter, query.From, ct);
        var (to, _) = await EditionQueryHandlers.LoadAsync(db, cache, minimum, query.Quarter, query.To, ct);
        var (differences, counts) = EditionDiff.Compare(from.Cells, to.Cells);
        var toSummary = to.Summary(isLatest: false);
        return new EditionComparison(toSummary.Quarter, ComparedRevision.From(from.Summary(isLatest: false)), ComparedRevision.From(toSummary), counts, differences);
    }
}

/// <summary>Cells matched by segment type, code and region; a cell's fields compared one by one.</summary>
internal static class EditionDiff
{
    private readonly record struct CellKey(SegmentType SegmentType, string Code, string? RegionCode);

    public static (IReadOnlyList<CellDifference> Differences, ComparisonCounts Counts) Compare(IReadOnlyList<BarometerCell> before, IReadOnlyList<BarometerCell> after)
    {
        var old = new Dictionary<CellKey, BarometerCell>();
        foreach (var cell in before) old.TryAdd(Key(cell), cell);
        var differences = new List<CellDifference>();
        var seen = new HashSet<CellKey>();
        int changed = 0, unchanged = 0, added = 0;
        foreach (var cell in after)
        {
            var key = Key(cell);
            if (!seen.Add(key)) continue;
            if (!old.TryGetValue(key, out var previous))
            {
                added++;
                differences.Add(new CellDifference(cell.SegmentType, cell.Code, cell.RegionCode, cell.Name, CellChange.Added, []));
                continue;
            }
            var fields = Fields(previous, cell);
            if (fields.Count == 0)
            {
                unchanged++;
                continue;
            }
            changed++;
            differences.Add(new CellDifference(cell.SegmentType, cell.Code, cell.RegionCode, cell.Name, CellChange.Changed, fields));
        }
        var removed = 0;
        foreach (var cell in before)
        {
            if (seen.Contains(Key(cell))) continue;
            removed++;
            differences.Add(new CellDifference(cell.SegmentType, cell.Code, cell.RegionCode, cell.Name, CellChange.Removed, []));
        }
        return (differences, new ComparisonCounts(added, removed, changed, unchanged));
    }

    private static CellKey Key(BarometerCell c) => new(c.SegmentType, c.Code, c.RegionCode);

    private static List<FieldChange> Fields(BarometerCell a, BarometerCell b)
    {
        var fields = new List<FieldChange>();
        void Scalar<TValue>(string name, TValue x, TValue y)
        {
            if (!EqualityComparer<TValue>.Default.Equals(x, y)) fields.Add(new FieldChange(name, x, y));
        }
        void Sequence<TItem>(string name, IReadOnlyList<TItem> x, IReadOnlyList<TItem> y)
        {
            if (!x.SequenceEqual(y)) fields.Add(new FieldChange(name, x, y));
        }
        Scalar("name", a.Name, b.Name);
        Scalar("regionName", a.RegionName, b.RegionName);
        Scalar("demand", a.Demand, b.Demand);
        Scalar("supply", a.Supply, b.Supply);
        Scalar("ratio", a.Ratio, b.Ratio);
        Scalar("band", a.Band, b.Band);
        Scalar("changeOnQuarter", a.ChangeOnQuarter, b.ChangeOnQuarter);
        Scalar("changeOnYear", a.ChangeOnYear, b.ChangeOnYear);
        Scalar("warning", a.Warning, b.Warning);
        Scalar("suppressed", a.Suppressed, b.Suppressed);
        Scalar("suppressionReason", a.SuppressionReason, b.SuppressionReason);
        Scalar("forecastMethod", a.ForecastMethod, b.ForecastMethod);
        Scalar("warningComparedWith", a.WarningComparedWith, b.WarningComparedWith);
        Sequence("history", a.History, b.History);
        Sequence("forecast", a.Forecast, b.Forecast);
        return fields;
    }
}
