namespace ChainLink.Api.Infrastructure;

/// <summary>A table to download: its name (the sheet's), Chinese column headers and rows of plain values.</summary>
internal sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
