using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Barometer;

public sealed record ListEditions : IQuery<List<EditionSummary>>;

/// <summary>One revision of a quarter (the latest unless <see cref="Revision"/> is given).</summary>
public sealed record GetEdition(string Quarter, int? Revision = null) : IQuery<FrozenEdition>;

/// <summary>
/// An edition's cells as CSV. <see cref="Format"/> "machine" is the frozen CSV with stable English keys, for scripts;
/// without it an edition of methodology 2.0 or later comes with Chinese headers and names, for people (a 1.0 edition is
/// its frozen CSV either way).
/// </summary>
public sealed record GetEditionCsv(string Quarter, int? Revision = null, string? Format = null) : IQuery<CsvDownload>
{
    public const string Machine = "machine";
}

public sealed record GetRanking(string Quarter, int? Revision = null, int Top = 10) : IQuery<RankingDto>;

public sealed record GetSegments(string Quarter, int? Revision = null, string? Type = null, string? Code = null) : IQuery<SegmentsDto>;

/// <summary>The edition's entry and the edition document (the entry and its frozen cells, exactly as stored).</summary>
public sealed record FrozenEdition(EditionSummary Summary, byte[] EditionJson);

public sealed record RankingItem(int Rank, string OccupationCode, string OccupationName, double Demand, double Supply, double Ratio, Band Band);

public sealed record RankingDto(string Quarter, int Revision, int MinimumDemand, IReadOnlyList<RankingItem> Items);

public sealed record SegmentsDto(string Quarter, int Revision, IReadOnlyList<BarometerCell> Cells);

internal static class EditionRules
{
    public static void AddEditionRules<T>(this AbstractValidator<T> validator, Func<T, string> quarter, Func<T, int?> revision)
    {
        validator.RuleFor(x => quarter(x)).Must(BarometerPayload.IsQuarter).WithMessage("'{PropertyValue}' " + Quarter.FormatMessage)
            .WithName(_ => FieldDisplayNames.For("quarter")).OverridePropertyName("quarter");
        validator.RuleFor(x => revision(x)).GreaterThanOrEqualTo(1).WithName(_ => FieldDisplayNames.For("revision")).OverridePropertyName("revision");
    }
}

internal sealed class GetEditionValidator : AbstractValidator<GetEdition>
{
    public GetEditionValidator() => this.AddEditionRules(x => x.Quarter, x => x.Revision);
}

internal sealed class GetEditionCsvValidator : AbstractValidator<GetEditionCsv>
{
    public GetEditionCsvValidator()
    {
        this.AddEditionRules(x => x.Quarter, x => x.Revision);
        RuleFor(x => x.Format).Must(f => f is null or GetEditionCsv.Machine)
            .WithMessage("'{PropertyValue}' 不是可用的 CSV 格式：不加 format 是供人阅读的中文表头，format=machine 是供程序读取的英文字段名。");
    }
}

internal sealed class GetRankingValidator : AbstractValidator<GetRanking>
{
    public GetRankingValidator()
    {
        this.AddEditionRules(x => x.Quarter, x => x.Revision);
        RuleFor(x => x.Top).InclusiveBetween(1, 100);
    }
}

internal sealed class GetSegmentsValidator : AbstractValidator<GetSegments>
{
    public GetSegmentsValidator()
    {
        this.AddEditionRules(x => x.Quarter, x => x.Revision);
        RuleFor(x => x.Type!).Must(t => BarometerPayload.TryParseSegmentType(t, out _))
            .WithMessage("'{PropertyValue}' 不是分组类型（occupation、skill、cluster、region、occupationRegion、clusterRegion）。")
            .When(x => x.Type is not null);
        RuleFor(x => x.Code).MaximumLength(20);
    }
}

internal sealed class EditionQueryHandlers(IAppDbContext db, IOptions<BarometerOptions> options, EditionCache cache)
    : IQueryHandler<ListEditions, List<EditionSummary>>, IQueryHandler<GetEdition, FrozenEdition>, IQueryHandler<GetEditionCsv, CsvDownload>,
      IQueryHandler<GetRanking, RankingDto>, IQueryHandler<GetSegments, SegmentsDto>
{
    public async ValueTask<List<EditionSummary>> Handle(ListEditions query, CancellationToken ct)
    {
        // Only the entries: the payloads stay in the database.
        var rows = await db.BarometerEditions.AsNoTracking()
            .Select(e => new { e.Quarter, e.Revision, e.Kind, e.Note, e.MethodologyVersion, e.ComputedAt, e.DemandCount, e.EnterpriseCount,
                e.ProgrammeCount, e.CollegeCount, e.CellCount, e.JsonSha256, e.CsvSha256 })
            .ToListAsync(ct);
        var latest = rows.GroupBy(r => r.Quarter).ToDictionary(g => g.Key, g => g.Max(r => r.Revision));
        return rows.OrderByDescending(r => r.Quarter).ThenByDescending(r => r.Revision)
            .Select(r => new EditionSummary(r.Quarter.ToString(), r.Revision, r.Kind, r.Note, r.MethodologyVersion, r.ComputedAt, latest[r.Quarter] == r.Revision,
                new SourceCountsDto(r.DemandCount, r.EnterpriseCount, r.ProgrammeCount, r.CollegeCount), r.CellCount, r.JsonSha256, r.CsvSha256).WithReadingAids())
            .ToList();
    }

    public async ValueTask<FrozenEdition> Handle(GetEdition query, CancellationToken ct)
    {
        var (edition, isLatest) = await LoadAsync(query.Quarter, query.Revision, ct);
        return new FrozenEdition(edition.Summary(isLatest), edition.EditionJson(isLatest));
    }

    public async ValueTask<CsvDownload> Handle(GetEditionCsv query, CancellationToken ct)
    {
        var (edition, _) = await LoadAsync(query.Quarter, query.Revision, ct);
        return query.Format == GetEditionCsv.Machine || !BarometerReadingAids.AppliesTo(edition.Summary(isLatest: false).MethodologyVersion)
            ? edition.MachineCsv
            : edition.PeopleCsv;
    }

    public async ValueTask<RankingDto> Handle(GetRanking query, CancellationToken ct)
    {
        var (edition, isLatest) = await LoadAsync(query.Quarter, query.Revision, ct);
        var items = edition.Ranked.Take(query.Top)
            .Select((c, i) => new RankingItem(i + 1, c.Code, c.Name, c.Demand!.Value, c.Supply!.Value, c.Ratio!.Value, c.Band!.Value))
            .ToList();
        var summary = edition.Summary(isLatest);
        return new RankingDto(summary.Quarter, summary.Revision, edition.RankingMinimumDemand, items);
    }

    public async ValueTask<SegmentsDto> Handle(GetSegments query, CancellationToken ct)
    {
        var (edition, isLatest) = await LoadAsync(query.Quarter, query.Revision, ct);
        SegmentType? type = query.Type is not null && BarometerPayload.TryParseSegmentType(query.Type, out var parsed) ? parsed : null;
        var code = string.IsNullOrWhiteSpace(query.Code) ? null : query.Code.Trim();
        IEnumerable<BarometerCell> cells = (type, code) switch
        {
            (null, null) => edition.Cells,
            (null, _) => edition.ByCode[code],
            (_, null) => edition.BySegmentType[type.Value],
            _ => edition.ByCode[code].Where(c => c.SegmentType == type),
        };
        var summary = edition.Summary(isLatest);
        return new SegmentsDto(summary.Quarter, summary.Revision, cells.ToList());
    }

    /// <summary>
    /// The quarter's revisions (ids only, a narrow indexed read) pick the edition; its bytes and parsed cells come from
    /// the cache, read from the database once per edition.
    /// </summary>
    private Task<(CachedEdition Edition, bool IsLatest)> LoadAsync(string quarterText, int? revision, CancellationToken ct) =>
        LoadAsync(db, cache, options.Value.RankingMinimumDemand, quarterText, revision, ct);

    /// <summary>Shared with the revision comparison, which reads two editions the same way.</summary>
    internal static async Task<(CachedEdition Edition, bool IsLatest)> LoadAsync(IAppDbContext db, EditionCache cache, int rankingMinimumDemand,
        string quarterText, int? revision, CancellationToken ct)
    {
        var quarter = Quarter.Parse(quarterText);
        var revisions = await db.BarometerEditions.Where(e => e.Quarter == quarter).Select(e => new { e.Id, e.Revision }).ToListAsync(ct);
        if (revisions.Count == 0) throw new NotFoundException("晴雨表版本", quarter);
        var latest = revisions.Max(r => r.Revision);
        var wanted = revision ?? latest;
        var id = revisions.SingleOrDefault(r => r.Revision == wanted)?.Id
            ?? throw new NotFoundException("晴雨表版本", $"{quarter} 第 {wanted} 版");
        var edition = await cache.GetAsync(id, async () => new CachedEdition(
            await db.BarometerEditions.AsNoTracking().SingleAsync(e => e.Id == id, CancellationToken.None), rankingMinimumDemand));
        return (edition, wanted == latest);
    }
}
