using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// The request's language: zh-CN unless Accept-Language asks for English. The culture is set before the exception
/// handler runs, so validation messages (FluentValidation's own and the display names), Identity's errors and the
/// ProblemDetails titles are all written in the language the request asked for.
/// </summary>
internal static class Localization
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IServiceCollection AddChainLinkLocalization(this IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [new(Chinese), new(English)];
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Only the header decides: a query string or cookie must not switch the language of someone else's link.
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // The framework's own titles ("Forbidden", "Not Found", …) for the statuses written without a handler of ours.
            if (c.ProblemDetails.Status is { } status && IsChinese && (c.ProblemDetails.Title is null || IsFrameworkTitle(c.ProblemDetails.Title, status)))
                c.ProblemDetails.Title = ChineseTitle(status) ?? c.ProblemDetails.Title;
        });
        return services;
    }

    /// <summary>The Chinese text, or the English one when the request asked for English.</summary>
    public static string Pick(string chinese, string english) => IsChinese ? chinese : english;

    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    private static bool IsFrameworkTitle(string title, int status) =>
        title == ReasonPhrases.GetReasonPhrase(status) || title == "An error occurred while processing your request.";

    internal static string? ChineseTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误。",
        StatusCodes.Status401Unauthorized => "未登录。",
        StatusCodes.Status403Forbidden => "无权执行此操作。",
        StatusCodes.Status404NotFound => "未找到。",
        StatusCodes.Status405MethodNotAllowed => "不支持该请求方法。",
        StatusCodes.Status409Conflict => "与当前状态冲突。",
        StatusCodes.Status413PayloadTooLarge => "请求体过大。",
        StatusCodes.Status415UnsupportedMediaType => "不支持的请求体格式。",
        StatusCodes.Status429TooManyRequests => "请求过于频繁。",
        StatusCodes.Status500InternalServerError => "服务器内部错误。",
        StatusCodes.Status503ServiceUnavailable => "服务暂不可用。",
        _ => null,
    };
}
