namespace ChainLink.Application.Barometer;

/// <summary>An edition's cells as a CSV file, with the SHA-256 of its bytes for the ETag.</summary>
public sealed record CsvDownload(byte[] Bytes, string Sha256, string FileName);
