using ChainLink.Domain.Dashboard;

namespace ChainLink.Application.WhitePapers;

/// <summary>A published white paper's entry: which scope, year and revision, why it was revised, and the hashes of its frozen files.</summary>
public sealed record WhitePaperEditionDto(
    Guid Id, string Scope, string ScopeName, int Year, int Revision, string? Note, string MethodologyVersion, DateTime PublishedAt, string DocxSha256,
    string HtmlSha256)
{
    public static WhitePaperEditionDto From(WhitePaperEdition e) =>
        new(e.Id, e.Scope, e.ScopeName, e.Year, e.Revision, e.Note, e.MethodologyVersion, e.PublishedAt, e.DocxSha256, e.HtmlSha256);
}
