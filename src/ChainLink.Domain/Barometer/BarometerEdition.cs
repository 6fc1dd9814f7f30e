using System.Security.Cryptography;
using System.Text;
using ChainLink.Domain.Common;

namespace ChainLink.Domain.Barometer;

public enum RevisionKind
{
    Initial,
    Correction,
    NewSourceData,
    MethodChange,
}

/// <summary>
/// One published revision of a quarter's barometer. It has no method that changes it: the payloads served are the
/// bytes frozen here, and a correction is a new revision beside it.
/// </summary>
public sealed class BarometerEdition
{
    public const int MaxNoteLength = 1000;

    private BarometerEdition() { }

    public Guid Id { get; private set; }
    public Quarter Quarter { get; private set; }
    public int Revision { get; private set; }
    public RevisionKind Kind { get; private set; }
    public string? Note { get; private set; }
    public string MethodologyVersion { get; private set; } = "";
    public DateTime ComputedAt { get; private set; }
    public Guid? PublishedBy { get; private set; }
    public int DemandCount { get; private set; }
    public int EnterpriseCount { get; private set; }
    public int ProgrammeCount { get; private set; }
    public int CollegeCount { get; private set; }
    public int CellCount { get; private set; }

    /// <summary>The cells as the JSON array served (UTF-8).</summary>
    public byte[] CellsJson { get; private set; } = [];

    /// <summary>The cells as the CSV served (UTF-8 with BOM).</summary>
    public byte[] CellsCsv { get; private set; } = [];

    /// <summary>SHA-256 (hex) of <see cref="CellsJson"/>, then of <see cref="CellsCsv"/>, so a copy can be checked.</summary>
    public string JsonSha256 { get; private set; } = "";
    public string CsvSha256 { get; private set; } = "";

    public static BarometerEdition Publish(Quarter quarter, int revision, RevisionKind kind, string? note, SourceCounts counts, int cellCount,
        byte[] cellsJson, byte[] cellsCsv, DateTime computedAt, Guid? publishedBy)
    {
        if (revision < 1) throw new DomainRuleException("revision", "修订版本从 1 开始计数。");
        if ((revision == 1) != (kind == RevisionKind.Initial))
            throw new DomainRuleException("revision", "一个季度的第 1 版是首发版本；之后的修订须说明修订类型。");
        if (revision > 1 && string.IsNullOrWhiteSpace(note)) throw new DomainRuleException("revision.note", "修订需要说明改了什么。");
        if (note?.Length > MaxNoteLength) throw new DomainRuleException("revision.note", $"说明最多 {MaxNoteLength} 个字符。");
        return new BarometerEdition
        {
            Id = Guid.CreateVersion7(),
            Quarter = quarter,
            Revision = revision,
            Kind = kind,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            MethodologyVersion = BarometerCalculator.MethodologyVersion,
            ComputedAt = computedAt,
            PublishedBy = publishedBy,
            DemandCount = counts.Demands,
            EnterpriseCount = counts.Enterprises,
            ProgrammeCount = counts.Programmes,
            CollegeCount = counts.Colleges,
            CellCount = cellCount,
            CellsJson = cellsJson,
            CellsCsv = cellsCsv,
            JsonSha256 = Sha256(cellsJson),
            CsvSha256 = Sha256(cellsCsv),
        };
    }

    public SourceCounts SourceCounts => new(DemandCount, EnterpriseCount, ProgrammeCount, CollegeCount);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
