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
    public static EditionSummary From(BarometerEdition e, bool isLatest) =>
        new(e.Quarter.ToString(), e.Revision, e.Kind, e.Note, e.MethodologyVersion, e.ComputedAt, isLatest,
            new SourceCountsDto(e.DemandCount, e.EnterpriseCount, e.ProgrammeCount, e.CollegeCount), e.CellCount, e.JsonSha256, e.CsvSha256);
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
        "changeOnQuarter", "changeOnYear", "warning", "suppressed", "suppressionReason",
    ];

    /// <summary>
    /// The cells as <see cref="JsonSerializer"/> writes them with <see cref="Json"/> (same bytes; a test checks it),
    /// written field by field: an edition is 100+ MB and the serializer's generic path costs twice as much.
    /// </summary>
    public static byte[] CellsJson(IReadOnlyList<BarometerCell> cells)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var cell in cells) WriteCell(writer, cell);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static List<BarometerCell> ReadCells(byte[] json) => JsonSerializer.Deserialize<List<BarometerCell>>(json, Json) ?? [];

    /// <summary>One row per cell with its scalar figures (history and forecast are in the JSON), UTF-8 with a BOM for Excel.</summary>
    public static byte[] CellsCsv(IReadOnlyList<BarometerCell> cells)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', CsvColumns).Append("\r\n");
        foreach (var c in cells)
        {
            string?[] fields =
            [
                Name(c.SegmentType), c.Code, c.Name, c.RegionCode, c.RegionName, Number(c.Demand), Number(c.Supply), Number(c.Ratio),
                c.Band is { } b ? Name(b) : null, Number(c.ChangeOnQuarter), Number(c.ChangeOnYear), c.Warning is { } w ? Name(w) : null,
                c.Suppressed ? "true" : "false", c.SuppressionReason,
            ];
            text.AppendJoin(',', fields.Select(Escape)).Append("\r\n");
        }
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
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

    private static void WriteCell(Utf8JsonWriter w, BarometerCell c)
    {
        w.WriteStartObject();
        w.WriteString(Field.SegmentType, Name(c.SegmentType));
        w.WriteString(Field.Code, c.Code);
        w.WriteString(Field.Name, c.Name);
        w.WriteString(Field.RegionCode, c.RegionCode);
        w.WriteString(Field.RegionName, c.RegionName);
        WriteNumber(w, Field.Demand, c.Demand);
        WriteNumber(w, Field.Supply, c.Supply);
        WriteNumber(w, Field.Ratio, c.Ratio);
        w.WriteString(Field.Band, c.Band is { } band ? Name(band) : null);
        WriteNumber(w, Field.ChangeOnQuarter, c.ChangeOnQuarter);
        WriteNumber(w, Field.ChangeOnYear, c.ChangeOnYear);
        w.WriteStartArray(Field.History);
        foreach (var h in c.History)
        {
            w.WriteStartObject();
            w.WriteString(Field.Quarter, h.Quarter);
            WriteNumber(w, Field.Demand, h.Demand);
            WriteNumber(w, Field.Supply, h.Supply);
            WriteNumber(w, Field.Ratio, h.Ratio);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray(Field.Forecast);
        foreach (var f in c.Forecast)
        {
            w.WriteStartObject();
            w.WriteString(Field.Quarter, f.Quarter);
            w.WriteNumber(Field.Ratio, f.Ratio);
            w.WriteNumber(Field.Lower, f.Lower);
            w.WriteNumber(Field.Upper, f.Upper);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString(Field.Warning, c.Warning is { } warning ? Name(warning) : null);
        w.WriteBoolean(Field.Suppressed, c.Suppressed);
        w.WriteString(Field.SuppressionReason, c.SuppressionReason);
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, JsonEncodedText name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>Property names of the cells in the serializer's camelCase, encoded once.</summary>
    private static class Field
    {
        public static readonly JsonEncodedText SegmentType = JsonEncodedText.Encode("segmentType");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText RegionCode = JsonEncodedText.Encode("regionCode");
        public static readonly JsonEncodedText RegionName = JsonEncodedText.Encode("regionName");
        public static readonly JsonEncodedText Demand = JsonEncodedText.Encode("demand");
        public static readonly JsonEncodedText Supply = JsonEncodedText.Encode("supply");
        public static readonly JsonEncodedText Ratio = JsonEncodedText.Encode("ratio");
        public static readonly JsonEncodedText Band = JsonEncodedText.Encode("band");
        public static readonly JsonEncodedText ChangeOnQuarter = JsonEncodedText.Encode("changeOnQuarter");
        public static readonly JsonEncodedText ChangeOnYear = JsonEncodedText.Encode("changeOnYear");
        public static readonly JsonEncodedText History = JsonEncodedText.Encode("history");
        public static readonly JsonEncodedText Forecast = JsonEncodedText.Encode("forecast");
        public static readonly JsonEncodedText Quarter = JsonEncodedText.Encode("quarter");
        public static readonly JsonEncodedText Lower = JsonEncodedText.Encode("lower");
        public static readonly JsonEncodedText Upper = JsonEncodedText.Encode("upper");
        public static readonly JsonEncodedText Warning = JsonEncodedText.Encode("warning");
        public static readonly JsonEncodedText Suppressed = JsonEncodedText.Encode("suppressed");
        public static readonly JsonEncodedText SuppressionReason = JsonEncodedText.Encode("suppressionReason");
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParseSegmentType(string text, out SegmentType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type);

    public static bool IsQuarter(string? text) => Quarter.TryParse(text, out _);

    // The shortest text that reads back as the same double, as System.Text.Json writes it.
    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string? field)
    {
        if (field is null) return "";
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
