using System.Text.Json;

namespace ChainLink.Api.Tests.Fuzzing;

/// <summary>One path × method of the OpenAPI document, with what it takes as input.</summary>
internal sealed record FuzzOperation(
    string Method,
    string Path,
    IReadOnlyList<FuzzParameter> PathParameters,
    IReadOnlyList<FuzzParameter> QueryParameters,
    JsonElement? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";
}
