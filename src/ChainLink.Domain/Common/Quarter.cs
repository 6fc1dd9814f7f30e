using System.Globalization;

namespace ChainLink.Domain.Common;

/// <summary>A calendar quarter such as 2026Q3, the unit of the barometer and of demands' needed-by dates.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    /// <summary>
    /// Years a written quarter may name. Wider years are representable (a barometer window reaches back from the first
    /// accepted quarter, an edition's end forward from the last) but never typed by anyone planning vocational training.
    /// </summary>
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>What a field holding a quarter says when the text is not one, in the users' language.</summary>
    public const string FormatMessage = "不是 2000Q1 至 2100Q4 之间的季度（格式如 2026Q3）。";

    public Quarter(int year, int number)
    {
        if (year is < 1900 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be between 1900 and 9999.");
        if (number is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(number), number, "Quarter number must be 1 to 4.");
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    /// <summary>Quarters since year 0, so that a quarter fits one integer column and compares as one.</summary>
    public int Index => Year * 4 + Number - 1;

    public static Quarter FromIndex(int index) => new(index / 4, index % 4 + 1);

    public static Quarter Of(DateTimeOffset instant) => new(instant.Year, (instant.Month - 1) / 3 + 1);

    public Quarter AddQuarters(int count) => FromIndex(Index + count);

    public DateTimeOffset Start => new(Year, (Number - 1) * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset End => AddQuarters(1).Start.AddTicks(-1);

    /// <summary>Accepts "2026Q3" (also "2026q3" and "2026-Q3") of a year from <see cref="MinYear"/> to <see cref="MaxYear"/>.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        if (t.Length != 6 || t[4] != 'Q') return false;
        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinYear or > MaxYear) return false;
        var n = t[5] - '0';
        if (n is < 1 or > 4) return false;
        quarter = new Quarter(year, n);
        return true;
    }

    public static Quarter Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"'{text}' is not a quarter like 2026Q3.");

    public int CompareTo(Quarter other) => Index.CompareTo(other.Index);

    public static bool operator <(Quarter a, Quarter b) => a.Index < b.Index;
    public static bool operator >(Quarter a, Quarter b) => a.Index > b.Index;
    public static bool operator <=(Quarter a, Quarter b) => a.Index <= b.Index;
    public static bool operator >=(Quarter a, Quarter b) => a.Index >= b.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
