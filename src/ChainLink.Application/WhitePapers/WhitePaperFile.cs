namespace ChainLink.Application.WhitePapers;

/// <summary>A published white paper's frozen file, its SHA-256 (hex) and the name to save it under.</summary>
public sealed record WhitePaperFile(byte[] Bytes, string Sha256, string FileName);
