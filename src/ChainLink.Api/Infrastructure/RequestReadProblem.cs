using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// Turns the framework's "could not read the request" failures into a ProblemDetails in the users' language that names
/// the field or JSON path. The framework's own messages name .NET types ("System.Int32", "ChainLink.Domain…"), which
/// mean nothing to a caller and tell an attacker how the server is built, so they are never passed on.
/// </summary>
internal static partial class RequestReadProblem
{
    public const string Title = "请求无法读取。";

    public static ProblemDetails From(BadHttpRequestException b)
    {
        if (b.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new ProblemDetails { Status = b.StatusCode, Title = "请求体过大。", Detail = "请求体过大。" };
        if (b.InnerException is JsonException json) return FromJson(b.StatusCode, json);
        if (BindFailed().Match(b.Message) is { Success: true } bind)
            return Fields(b.StatusCode, $"参数 {bind.Groups["name"].Value} 的值无法识别。", bind.Groups["name"].Value, "无法识别的值，请检查类型和格式。");
        if (RequiredMissing().Match(b.Message) is { Success: true } missing)
            return missing.Groups["source"].Value.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? Detail(b.StatusCode, "缺少请求体。")
                : Fields(b.StatusCode, $"缺少必填参数 {missing.Groups["name"].Value}。", missing.Groups["name"].Value, "缺少必填参数。");
        if (b.StatusCode == StatusCodes.Status415UnsupportedMediaType) return Detail(b.StatusCode, "请求体须为 JSON（Content-Type: application/json）。");
        return Detail(b.StatusCode, "请求无法读取，请检查请求体和参数。");
    }

    private static ProblemDetails FromJson(int status, JsonException json)
    {
        // The serializer wraps the reader's syntax error; the outer exception carries the path where reading stopped.
        var where = $"第 {json.LineNumber + 1} 行第 {json.BytePositionInLine + 1} 个字节附近";
        if (json.InnerException is JsonException) return Detail(status, $"请求体不是有效的 JSON（{where}）。");
        if (MissingRequired().Match(json.Message) is { Success: true } missing)
        {
            var names = Quoted().Matches(missing.Groups["names"].Value).Select(m => m.Groups[1].Value).ToList();
            return new ValidationProblemDetails(names.ToDictionary(n => n, _ => new[] { "缺少必填字段。" }))
            {
                Status = status, Title = Title, Detail = $"请求体 JSON 缺少必填字段：{string.Join("、", names)}。",
            };
        }
        if (json.Path is { Length: > 1 } path)
            return Fields(status, $"请求体 JSON 中 {path} 的值类型或格式不正确（{where}）。", FieldOf(path), "值的类型或格式不正确，或超出范围。");
        return Detail(status, $"请求体无法按 JSON 读取（{where}）。");
    }

    /// <summary>"$.skills[2].level" → "skills[2].level", the key the validators use for the same field.</summary>
    internal static string FieldOf(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static ValidationProblemDetails Fields(int status, string detail, string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = Title, Detail = detail };

    private static ProblemDetails Detail(int status, string detail) => new() { Status = status, Title = Title, Detail = detail };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]*) (?<name>[^" ]+)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]*) (?<name>[^" ]+)" was not provided from (?<source>.*)$""", RegexOptions.Singleline)]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("missing required properties including: (?<names>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
