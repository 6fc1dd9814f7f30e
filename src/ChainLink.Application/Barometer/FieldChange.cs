namespace ChainLink.Application.Barometer;

/// <summary>A field of a cell that differs between two revisions, as the cells' JSON names it.</summary>
public sealed record FieldChange(string Field, object? Before, object? After);
