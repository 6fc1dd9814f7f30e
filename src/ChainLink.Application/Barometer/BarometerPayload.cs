using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;

namespace ChainLink.Application.Barometer;

public sealed record SourceCountsDto(int Demands, int Enterprises, int Programmes, int Colleges);

/// <summary>An edition as listed (the contract's entry); the hashes let a reader check a downloaded copy.</summary>
public sealed record EditionSummary(
    string Quarter,
    int Revision,
    RevisionKind RevisionKind,
    string? Note,
    string MethodologyVersion,
    DateTime ComputedAt,
    bool IsLatest,
    SourceCountsDto SourceCounts,
    int CellCount,
    string JsonSha256,
    string CsvSha256)
{
    /// <summary>The unit of each figure (methodology 2.0 and later; absent from a 1.0 edition, which stays as published).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, FieldUnit>? Units { get; init; }

    /// <summary>What suppressed and empty cells mean, in Chinese (methodology 2.0 and later).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Legend { get; init; }

    public static EditionSummary From(BarometerEdition e, bool isLatest) =>
        new EditionSummary(e.Quarter.ToString(), e.Revision, e.Kind, e.Note, e.MethodologyVersion, e.ComputedAt, isLatest,
            new SourceCountsDto(e.DemandCount, e.EnterpriseCount, e.ProgrammeCount, e.CollegeCount), e.CellCount, e.JsonSha256, e.CsvSha256).WithReadingAids();

    public EditionSummary WithReadingAids() =>
        BarometerReadingAids.AppliesTo(MethodologyVersion) ? this with { Units = BarometerReadingAids.Units, Legend = BarometerReadingAids.Legend } : this;
}

/// <summary>How editions are written: camelCase JSON with camelCase enum names, and the same cells as CSV.</summary>
public static class BarometerPayload
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Chinese names as UTF-8 text rather than \uXXXX escapes: a third of the size, and readable in the stored bytes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "segmentType", "code", "name", "regionCode", "regionName", "demand", "supply", "ratio", "band",
        "changeOnQuarter", "changeOnYear", "warning", "warningComparedWith", "suppressed", "suppressionReason", "forecastMethod",
    ];

    /// <summary>
    /// The people's CSV headers (methodology 2.0 and later), column for column the same figures as <see cref="CsvColumns"/>;
    /// scripts read the machine CSV, whose keys do not change.
    /// </summary>
    public static readonly IReadOnlyList<string> PeopleCsvColumns =
    [
        "分段类型", "代码", "名称", "地区代码", "地区", "需求（人）", "供给（人）", "供需比（倍）", "状态",
        "供需比较上季度变化", "供需比较去年同季度变化", "预警", "预警对比季度", "不予公布", "不予公布原因", "预测方法",
    ];

    private static readonly Dictionary<Band, string> BandNames = new()
    {
        [Band.Shortage] = "紧缺", [Band.Tight] = "偏紧", [Band.Balanced] = "均衡", [Band.Surplus] = "富余",
    };

    private static readonly Dictionary<SegmentType, string> SegmentTypeNames = new()
    {
        [SegmentType.Occupation] = "职业", [SegmentType.Skill] = "技能", [SegmentType.Cluster] = "产业集群", [SegmentType.Region] = "地区",
        [SegmentType.OccupationRegion] = "职业×盟市", [SegmentType.ClusterRegion] = "产业集群×盟市",
    };

    private static readonly Dictionary<BarometerWarning, string> WarningNames = new()
    {
        [BarometerWarning.EnteredShortage] = "转入紧缺", [BarometerWarning.EnteredSurplus] = "转入富余",
    };

    private static readonly Dictionary<ForecastMethod, string> ForecastMethodNames = new()
    {
        [ForecastMethod.DampedHoltWinters] = "阻尼趋势 Holt-Winters", [ForecastMethod.SeasonalNaive] = "季节朴素（重复去年同季度）",
    };

    public static byte[] CellsJson(IReadOnlyList<BarometerCell> cells)
    {
        using var buffer = new PooledBuffer();
        WriteJson(buffer, cells);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The cells as JSON and as CSV, written side by side: the CSV on one thread and the JSON in two halves on two
    /// more. A JSON array is its items joined by commas between brackets, so the halves joined give the same bytes as
    /// <see cref="CellsJson"/>. The text is written into pooled buffers and copied once into the arrays returned.
    /// </summary>
    public static async Task<(byte[] Json, byte[] Csv)> CellsJsonAndCsvAsync(IReadOnlyList<BarometerCell> cells)
    {
        var csv = Task.Run(() => CellsCsv(cells));
        var half = cells.Count / 2;
        if (half == 0) return (CellsJson(cells), await csv);
        using var first = new PooledBuffer();
        using var last = new PooledBuffer();
        var second = Task.Run(() => WriteJson(last, cells.Skip(half).ToArray()));
        WriteJson(first, cells.Take(half).ToArray());
        await second;
        var json = new byte[first.WrittenSpan.Length + last.WrittenSpan.Length - 1];
        first.WrittenSpan[..^1].CopyTo(json);
        json[first.WrittenSpan.Length - 1] = (byte)',';
        last.WrittenSpan[1..].CopyTo(json.AsSpan(first.WrittenSpan.Length));
        return (json, await csv);
    }

    private static void WriteJson(PooledBuffer buffer, IReadOnlyList<BarometerCell> cells)
    {
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder, SkipValidation = true });
        JsonSerializer.Serialize(writer, cells, Json);
    }

    public static List<BarometerCell> ReadCells(byte[] json) => JsonSerializer.Deserialize<List<BarometerCell>>(json, Json) ?? [];

    /// <summary>One row per cell with its scalar figures (history and forecast are in the JSON), UTF-8 with a BOM for Excel.</summary>
    public static byte[] CellsCsv(IReadOnlyList<BarometerCell> cells)
    {
        using var buffer = new PooledBuffer();
        var csv = new CsvWriter(buffer);
        csv.Raw(Encoding.UTF8.Preamble);
        foreach (var column in CsvColumns) csv.Field(column);
        csv.EndRow();
        foreach (var c in cells)
        {
            csv.Field(Name(c.SegmentType));
            csv.Field(c.Code);
            csv.Field(c.Name);
            csv.Field(c.RegionCode);
            csv.Field(c.RegionName);
            csv.Field(c.Demand);
            csv.Field(c.Supply);
            csv.Field(c.Ratio);
            csv.Field(c.Band is { } b ? Name(b) : null);
            csv.Field(c.ChangeOnQuarter);
            csv.Field(c.ChangeOnYear);
            csv.Field(c.Warning is { } w ? Name(w) : null);
            csv.Field(c.WarningComparedWith);
            csv.Field(c.Suppressed ? "true" : "false");
            csv.Field(c.SuppressionReason);
            csv.Field(c.ForecastMethod is { } m ? Name(m) : null);
            csv.EndRow();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The cells for people: Chinese headers, segment types, bands, warnings and methods, the figures as in the machine
    /// CSV; UTF-8 with a BOM, without which Excel reads the Chinese as another encoding.
    /// </summary>
    public static byte[] PeopleCsv(IReadOnlyList<BarometerCell> cells)
    {
        using var buffer = new PooledBuffer();
        var csv = new CsvWriter(buffer);
        csv.Raw(Encoding.UTF8.Preamble);
        foreach (var column in PeopleCsvColumns) csv.Field(column);
        csv.EndRow();
        foreach (var c in cells)
        {
            csv.Field(SegmentTypeNames[c.SegmentType]);
            csv.Field(c.Code);
            csv.Field(c.Name);
            csv.Field(c.RegionCode);
            csv.Field(c.RegionName);
            csv.Field(c.Demand);
            csv.Field(c.Supply);
            csv.Field(c.Ratio);
            csv.Field(c.Band is { } b ? BandNames[b] : null);
            csv.Field(c.ChangeOnQuarter);
            csv.Field(c.ChangeOnYear);
            csv.Field(c.Warning is { } w ? WarningNames[w] : null);
            csv.Field(c.WarningComparedWith);
            csv.Field(c.Suppressed ? "是" : "否");
            csv.Field(c.SuppressionReason);
            csv.Field(c.ForecastMethod is { } m ? ForecastMethodNames[m] : null);
            csv.EndRow();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The edition entry followed by its frozen cells, byte for byte as stored.</summary>
    public static byte[] EditionJson(EditionSummary summary, byte[] cellsJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in JsonSerializer.SerializeToElement(summary, Json).EnumerateObject()) property.WriteTo(writer);
            writer.WritePropertyName("cells");
            writer.WriteRawValue(cellsJson, skipInputValidation: true);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => EnumNames<TEnum>.Of(value);

    public static bool TryParseSegmentType(string text, out SegmentType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type);

    public static bool IsQuarter(string? text) => Quarter.TryParse(text, out _);

    /// <summary>camelCase names of an enum's values, worked out once.</summary>
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        private static readonly Dictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

        public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }

    /// <summary>
    /// Writes CSV fields as UTF-8: a field with a comma, quote or line break is quoted with its quotes doubled; a
    /// number is the shortest text that reads back as the same double, as System.Text.Json writes it.
    /// </summary>
    private sealed class CsvWriter(PooledBuffer buffer)
    {
        private bool _rowStarted;

        public void Raw(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

        public void Field(double? value)
        {
            Separate();
            if (value is not { } number) return;
            var span = buffer.GetSpan(32);
            if (!number.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
                throw new InvalidOperationException($"{number} does not fit in 32 bytes.");
            buffer.Advance(written);
        }

        public void Field(string? text)
        {
            Separate();
            if (text is null) return;
            if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                Text(text);
                return;
            }
            buffer.Write("\""u8);
            Text(text.Replace("\"", "\"\"", StringComparison.Ordinal));
            buffer.Write("\""u8);
        }

        public void EndRow()
        {
            buffer.Write("\r\n"u8);
            _rowStarted = false;
        }

        private void Separate()
        {
            if (_rowStarted) buffer.Write(","u8);
            _rowStarted = true;
        }

        private void Text(string text)
        {
            var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
            buffer.Advance(Encoding.UTF8.GetBytes(text, span));
        }
    }

    /// <summary>A growing byte buffer rented from the shared pool, so writing 100 MB of text allocates nothing new.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(1 << 20);
        private int _length;

        public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

        public void Advance(int count) => _length += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _array.AsMemory(_length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _array.AsSpan(_length);
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(GetSpan(bytes.Length));
            _length += bytes.Length;
        }

        private void Reserve(int sizeHint)
        {
            var needed = _length + Math.Max(sizeHint, 1);
            if (needed <= _array.Length) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(_array.Length * 2)));
            WrittenSpan.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_array);
    }
}
