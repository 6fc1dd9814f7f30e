using System.Security.Cryptography;
using ChainLink.Domain.Common;

namespace ChainLink.Domain.Dashboard;

/// <summary>
/// A published white paper: the .docx and HTML bytes frozen with their SHA-256, like a barometer edition. It has no method
/// that changes it; a correction is the next revision of the same scope and year, with a note saying what changed.
/// </summary>
public sealed class WhitePaperEdition
{
    public const int MaxNoteLength = 1000;
    public const int ScopeMaxLength = 60;

    private WhitePaperEdition() { }

    public Guid Id { get; private set; }

    /// <summary>The region code, or <c>college:{id}</c> for a college's own paper.</summary>
    public string Scope { get; private set; } = "";

    public string ScopeName { get; private set; } = "";
    public int Year { get; private set; }
    public int Revision { get; private set; }
    public string? Note { get; private set; }
    public string MethodologyVersion { get; private set; } = "";
    public DateTime PublishedAt { get; private set; }
    public Guid PublishedBy { get; private set; }
    public byte[] Docx { get; private set; } = [];
    public byte[] Html { get; private set; } = [];
    public string DocxSha256 { get; private set; } = "";
    public string HtmlSha256 { get; private set; } = "";

    public static WhitePaperEdition Publish(string scope, string scopeName, int year, int revision, string? note, string methodologyVersion,
        byte[] docx, byte[] html, DateTime now, Guid by)
    {
        if (revision > 1 && string.IsNullOrWhiteSpace(note)) throw new DomainRuleException("note", "更正版须写明更正说明。");
        if (note?.Trim().Length > MaxNoteLength) throw new DomainRuleException("note", $"说明最多 {MaxNoteLength} 个字符。");
        return new WhitePaperEdition
        {
            Id = Guid.CreateVersion7(), Scope = scope, ScopeName = scopeName, Year = year, Revision = revision,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), MethodologyVersion = methodologyVersion, PublishedAt = now, PublishedBy = by,
            Docx = docx, Html = html, DocxSha256 = Sha256(docx), HtmlSha256 = Sha256(html),
        };
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
