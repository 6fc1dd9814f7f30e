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

    public static byte[] CellsJson(IReadOnlyList<BarometerCell> cells) => JsonSerializer.SerializeToUtf8Bytes(cells, Json);

    /// <summary>
    /// The cells as JSON and as CSV, written side by side: the CSV on one thread and the JSON in two halves on two
    /// more. A JSON array is its items joined by commas between brackets, so the halves joined give the same bytes as
    /// <see cref="CellsJson"/>.
    /// </summary>
    public static async Task<(byte[] Json, byte[] Csv)> CellsJsonAndCsvAsync(IReadOnlyList<BarometerCell> cells)
    {
        var csv = Task.Run(() => CellsCsv(cells));
        var half = cells.Count / 2;
        if (half == 0) return (CellsJson(cells), await csv);
        var second = Task.Run(() => CellsJson(cells.Skip(half).ToArray()));
        var first = CellsJson(cells.Take(half).ToArray());
        var last = await second;
        var json = new byte[first.Length + last.Length - 1];
        first.AsSpan(0, first.Length - 1).CopyTo(json);
        json[first.Length - 1] = (byte)',';
        last.AsSpan(1).CopyTo(json.AsSpan(first.Length));
        return (json, await csv);
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
