using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChainLink.Domain.Common;

namespace ChainLink.Api.Tests.Fuzzing;

/// <summary>
/// Builds a plausible value for a schema, so that each mutation breaks one thing and the rest of the request gets past
/// validation into the handler: properties are filled by their names with codes of the demo taxonomy, strings that look
/// like quarters, and so on. Everything random comes from the given seeded <see cref="Random"/>.
/// </summary>
internal sealed class SchemaSample(OpenApiReader reader, Random random)
{
    private const int MaxDepth = 8;

    private static readonly string NextQuarter = Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(1).ToString();
    private static readonly string LastQuarter = Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(-1).ToString();

    /// <summary>
    /// Values by property or parameter name (or "path name" for a query parameter of one path), taken from the demo data
    /// set; a value only counts where its shape fits the schema (a list for a list, a scalar for a scalar).
    /// </summary>
    private readonly Dictionary<string, Func<JsonNode>> _hints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["occupationCode"] = () => "5-05-03-03",
        ["occupation"] = () => "5-05-03-03",
        ["regionCode"] = () => "150600",
        ["region"] = () => "150600",
        ["campusRegionCode"] = () => "150600",
        ["majorCode"] = () => "430301",
        ["major"] = () => "430301",
        ["skillCode"] = () => "SK0002",
        ["skill"] = () => "SK0002",
        ["code"] = () => "SK0002",
        ["skillCodes"] = () => new JsonArray("SK0002", "SK0003"),
        ["cooperationModes"] = () => new JsonArray("OrderClass", "Internship"),
        ["neededBy"] = () => NextQuarter,
        ["quarter"] = () => LastQuarter,
        ["email"] = () => "fuzz@example.invalid",
        ["password"] = () => "Fuzz#2026-long",
        ["organisationName"] = () => "模糊测试职业技术学院",
        ["contactPhone"] = () => "0477-1234567",
        ["longitude"] = () => 109.78,
        ["latitude"] = () => 39.61,
        ["level"] = () => 2,
        ["year"] = () => 2026,
        ["headcount"] = () => 3,
        ["hoursTaught"] = () => 40,
        ["capacityHoursPerYear"] = () => 2000,
        ["hours"] = () => 100,
        ["text"] = () => "负责光伏电站日常运维，熟悉逆变器检修。",
        ["description"] = () => "面向沙漠光伏基地。",
        ["title"] = () => "招聘光伏电站运维员",
        ["name"] = () => "光伏实训基地",
        ["alias"] = () => "光伏板清洗",
        ["sharedWith"] = () => new JsonArray(),
        ["programmeIds"] = () => new JsonArray(),
        ["top"] = () => 5,
        ["page"] = () => 1,
        ["pageSize"] = () => 20,
        ["version"] = () => 1,
        ["/api/taxonomy/occupations level"] = () => "细类",
        ["/api/taxonomy/regions level"] = () => "prefecture",
        ["/api/map/features layer"] = () => "trainingBases",
        ["/api/barometer/editions/{quarter}/segments type"] = () => "occupation",
        ["/api/barometer/editions/{quarter}/segments code"] = () => "5-05-03-03",
    };

    /// <summary>Adds or replaces a hint with a value read from the running API (a cluster code, say).</summary>
    public void Hint(string name, JsonNode value) => _hints[name] = () => value.DeepClone();

    /// <summary>Ids the fuzzer saw in list answers, by the path they were listed under, so that routes reach real records.</summary>
    public Dictionary<string, List<Guid>> KnownIds { get; } = new(StringComparer.Ordinal);

    public JsonNode? Value(JsonElement schema, string? name = null, int depth = 0)
    {
        schema = reader.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) return "x";
        if (schema.TryGetProperty("enum", out var values))
            foreach (var value in values.EnumerateArray())
                if (value.ValueKind != JsonValueKind.Null) return JsonNode.Parse(value.GetRawText());
        if (Hinted(name, schema) is { } hinted) return hinted;
        foreach (var branch in new[] { "oneOf", "anyOf" })
            if (schema.TryGetProperty(branch, out var options))
                foreach (var option in options.EnumerateArray())
                    if (TypeOf(reader.Resolve(option)) != "null") return Value(option, name, depth);
        return TypeOf(schema) switch
        {
            "object" => depth >= MaxDepth ? new JsonObject() : Object(schema, depth),
            "array" => depth >= MaxDepth || !schema.TryGetProperty("items", out var items) ? new JsonArray() : new JsonArray(Value(items, Singular(name), depth + 1)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "null" => null,
            _ => StringValue(schema),
        };
    }

    /// <summary>A plausible value of a path or query parameter, as it appears in the URL.</summary>
    public string UrlValue(FuzzParameter parameter, string path)
    {
        if (IsGuid(parameter.Schema)) return KnownId(path).ToString();
        var value = Hinted($"{path} {parameter.Name}", parameter.Schema) ?? Value(parameter.Schema, parameter.Name);
        return value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
    }

    private JsonNode? Hinted(string? name, JsonElement schema)
    {
        if (name is null || !_hints.TryGetValue(name, out var hint)) return null;
        var value = hint();
        var type = TypeOf(schema);
        var fits = type switch
        {
            "object" => false,
            "array" => value is JsonArray,
            _ => value is JsonValue,
        };
        return fits ? value : null;
    }

    public Guid KnownId(string path)
    {
        foreach (var (prefix, ids) in KnownIds.OrderByDescending(k => k.Key.Length))
            if (path.StartsWith(prefix + "/", StringComparison.Ordinal) && ids.Count > 0) return ids[random.Next(ids.Count)];
        return NewGuid();
    }

    public Guid NewGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public static bool IsGuid(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) && f.GetString() == "uuid";

    /// <summary>The schema's type, the first one that is not "null" when it lists several (OpenAPI 3.1).</summary>
    public static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return "string";
        if (type.ValueKind == JsonValueKind.String) return type.GetString()!;
        var types = type.EnumerateArray().Select(t => t.GetString()!).ToList();
        return types.FirstOrDefault(t => t is not ("null" or "string")) ?? types.FirstOrDefault(t => t != "null") ?? "null";
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties)) return result;
        foreach (var property in properties.EnumerateObject())
            result[property.Name] = Value(property.Value, property.Name, depth + 1);
        return result;
    }

    private JsonNode StringValue(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "uuid" => NewGuid().ToString(),
            "date-time" => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            "date" => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "email" => "fuzz@example.invalid",
            _ => "光伏",
        };
    }

    private static string? Singular(string? name) => name is { Length: > 1 } && name.EndsWith('s') ? name[..^1] : name;
}
