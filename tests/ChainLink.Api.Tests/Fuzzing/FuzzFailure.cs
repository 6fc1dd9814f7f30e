namespace ChainLink.Api.Tests.Fuzzing;

/// <summary>A request answered with a 5xx or not answered at all, with what the server logged for it.</summary>
internal sealed record FuzzFailure(FuzzOperation Operation, string Role, FuzzCase Case, string Outcome, string BodyExcerpt, string ServerLog)
{
    public override string ToString() =>
        $"{Operation} as {Role} with {Case.Input} [{Excerpt(Case.Url, 120)}] → {Outcome}: {BodyExcerpt}" + (ServerLog.Length > 0 ? $" | server: {ServerLog}" : "");

    public static string Excerpt(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : $"{flat[..length]}… ({text.Length} chars)";
    }
}
