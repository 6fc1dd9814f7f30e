using System.Text.Json;

namespace ChainLink.Api.Tests.Fuzzing;

/// <summary>Reads every operation of an OpenAPI 3.x document, resolving <c>$ref</c>s to component schemas.</summary>
internal sealed class OpenApiReader(JsonElement document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public IReadOnlyList<FuzzOperation> Operations()
    {
        var operations = new List<FuzzOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation)) continue;
                var parameters = shared.Concat(operation.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : []).Select(Resolve).ToList();
                operations.Add(new FuzzOperation(
                    method.ToUpperInvariant(), path.Name,
                    Parameters(parameters, "path"), Parameters(parameters, "query"),
                    BodySchema(operation)));
            }
        }
        return operations;
    }

    /// <summary>Follows <c>$ref</c>s (and a single-branch <c>allOf</c>) to the schema they name.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
            {
                schema = Pointer(reference.GetString()!);
                continue;
            }
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
            {
                schema = all[0];
                continue;
            }
            return schema;
        }
        throw new InvalidOperationException("$ref chain too long");
    }

    private List<FuzzParameter> Parameters(IEnumerable<JsonElement> parameters, string location) => parameters
        .Where(p => p.GetProperty("in").GetString() == location)
        .Select(p => new FuzzParameter(p.GetProperty("name").GetString()!, p.TryGetProperty("schema", out var s) ? Resolve(s) : default))
        .ToList();

    private JsonElement? BodySchema(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body)) return null;
        body = Resolve(body);
        if (!body.TryGetProperty("content", out var content)) return null;
        foreach (var media in content.EnumerateObject())
            if (media.Name.Contains("json", StringComparison.Ordinal) && media.Value.TryGetProperty("schema", out var schema)) return Resolve(schema);
        return null;
    }

    private JsonElement Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new InvalidOperationException($"External $ref {reference}");
        var node = document;
        foreach (var part in reference[2..].Split('/')) node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        return node;
    }
}
