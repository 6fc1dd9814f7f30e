using ChainLink.Domain.Barometer;

namespace ChainLink.Application.Barometer;

/// <summary>One side of a revision comparison: what the revision says about itself.</summary>
public sealed record ComparedRevision(int Revision, RevisionKind Kind, string? Note, string MethodologyVersion, DateTime PublishedAt, string JsonSha256, string CsvSha256)
{
    internal static ComparedRevision From(EditionSummary s) => new(s.Revision, s.RevisionKind, s.Note, s.MethodologyVersion, s.ComputedAt, s.JsonSha256, s.CsvSha256);
}
