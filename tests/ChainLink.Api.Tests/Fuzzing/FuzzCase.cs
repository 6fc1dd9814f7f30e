namespace ChainLink.Api.Tests.Fuzzing;

/// <summary>
/// One bad request: <see cref="Url"/> with path and query filled in, and a body (<c>null</c> for none) of
/// <see cref="ContentType"/>; <see cref="Input"/> says in a few words what is wrong with it, for the failure list.
/// </summary>
internal sealed record FuzzCase(string Input, string Url, byte[]? Body, string ContentType = "application/json");
