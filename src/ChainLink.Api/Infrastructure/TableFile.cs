using System.Globalization;
using System.Text;
using ChainLink.Domain.Common;
using MiniExcelLibs;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// Tables as files people open: CSV in UTF-8 with a BOM (so Excel reads the Chinese headers) and .xlsx with one sheet
/// per table. Text that a spreadsheet would run as a formula is written with a leading apostrophe.
/// </summary>
internal static class TableFile
{
    public const string Json = "json", Csv = "csv", Xlsx = "xlsx";

    /// <summary>The format asked for, or a 400 naming <c>format</c>.</summary>
    public static string Format(string? format, bool allowJson = true)
    {
        var f = string.IsNullOrWhiteSpace(format) ? (allowJson ? Json : Csv) : format.Trim().ToLowerInvariant();
        if (f is Csv or Xlsx || (allowJson && f == Json)) return f;
        throw new DomainRuleException("format", allowJson ? "格式须为 json、csv 或 xlsx。" : "格式须为 csv 或 xlsx。");
    }

    public static IResult File(string format, string fileName, params ExportTable[] tables) =>
        format == Xlsx
            ? TypedResults.File(Excel(tables), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{fileName}.xlsx")
            : TypedResults.File(CsvBytes(tables), "text/csv; charset=utf-8", $"{fileName}.csv");

    /// <summary>One table, or several one after another with a blank line and the table's name between them.</summary>
    public static byte[] CsvBytes(IReadOnlyList<ExportTable> tables)
    {
        var text = new StringBuilder();
        for (var t = 0; t < tables.Count; t++)
        {
            if (tables.Count > 1)
            {
                if (t > 0) text.Append("\r\n");
                text.Append(Field(tables[t].Name)).Append("\r\n");
            }
            text.Append(string.Join(",", tables[t].Headers.Select(h => Field(h)))).Append("\r\n");
            foreach (var row in tables[t].Rows) text.Append(string.Join(",", row.Select(Field))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Excel(IReadOnlyList<ExportTable> tables)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = table.Rows.Select(row => table.Headers.Select((h, i) => (h, Value: Cell(row[i])))
                .ToDictionary(x => x.h, x => x.Value, StringComparer.Ordinal)).ToList();
            sheets[SheetName(table.Name, sheets.Count)] = rows;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static object? Cell(object? value) => value is string s && IsFormula(s) ? "'" + s : value;

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && IsFormula(text)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    private static bool IsFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string SheetName(string name, int index)
    {
        var clean = new string([.. name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{index + 1}.");
        return (prefix + clean)[..Math.Min(31, prefix.Length + clean.Length)];
    }
}
