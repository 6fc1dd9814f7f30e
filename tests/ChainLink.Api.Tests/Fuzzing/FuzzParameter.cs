using System.Text.Json;

namespace ChainLink.Api.Tests.Fuzzing;

/// <summary>A path or query parameter of an operation and its (resolved) schema.</summary>
internal sealed record FuzzParameter(string Name, JsonElement Schema);
