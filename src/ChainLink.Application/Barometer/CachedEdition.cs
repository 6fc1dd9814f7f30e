using System.Security.Cryptography;
using ChainLink.Domain.Barometer;

namespace ChainLink.Application.Barometer;

/// <summary>
/// One published edition as read from its frozen bytes: the bytes themselves, the cells parsed once, and the indexes the
/// ranking and segment reads filter by. Cells keep the order of the stored array in every index.
/// </summary>
public sealed class CachedEdition
{
    private readonly EditionSummary summary;
    private readonly Lazy<byte[]> latestJson;
    private readonly Lazy<byte[]> olderJson;
    private readonly Lazy<CsvDownload> peopleCsv;

    public CachedEdition(BarometerEdition edition, int rankingMinimumDemand)
    {
        summary = EditionSummary.From(edition, isLatest: false);
        CellsJson = edition.CellsJson;
        CellsCsv = edition.CellsCsv;
        Cells = BarometerPayload.ReadCells(edition.CellsJson);
        BySegmentType = Cells.ToLookup(c => c.SegmentType);
        ByCode = Cells.ToLookup(c => c.Code, StringComparer.Ordinal);
        RankingMinimumDemand = rankingMinimumDemand;
        Ranked = Cells
            .Where(c => c is { SegmentType: SegmentType.Occupation, Suppressed: false, Ratio: not null, Band: not null } && c.Demand >= rankingMinimumDemand)
            .OrderByDescending(c => c.Ratio).ThenByDescending(c => c.Demand).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        // The edition document differs only in isLatest, which a later revision turns false: both forms, each built once.
        latestJson = new(() => BarometerPayload.EditionJson(Summary(isLatest: true), CellsJson));
        olderJson = new(() => BarometerPayload.EditionJson(Summary(isLatest: false), CellsJson));
        var name = $"barometer-{summary.Quarter}-r{summary.Revision}";
        MachineCsv = new CsvDownload(CellsCsv, summary.CsvSha256, $"{name}.csv");
        // Written from the frozen cells, so it is as fixed as they are without a second stored copy.
        peopleCsv = new(() =>
        {
            var bytes = BarometerPayload.PeopleCsv(Cells);
            return new CsvDownload(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), $"{name}-zh.csv");
        });
    }

    public byte[] CellsJson { get; }
    public byte[] CellsCsv { get; }
    public IReadOnlyList<BarometerCell> Cells { get; }
    public ILookup<SegmentType, BarometerCell> BySegmentType { get; }
    public ILookup<string, BarometerCell> ByCode { get; }
    public int RankingMinimumDemand { get; }

    /// <summary>Occupation cells eligible for the ranking, in ranking order.</summary>
    public IReadOnlyList<BarometerCell> Ranked { get; }

    /// <summary>The stored CSV with the stable English keys, for scripts; its hash is the published one.</summary>
    public CsvDownload MachineCsv { get; }

    /// <summary>The CSV for people (Chinese headers and band names) of a methodology 2.0 edition.</summary>
    public CsvDownload PeopleCsv => peopleCsv.Value;

    public EditionSummary Summary(bool isLatest) => summary with { IsLatest = isLatest };

    public byte[] EditionJson(bool isLatest) => isLatest ? latestJson.Value : olderJson.Value;
}
