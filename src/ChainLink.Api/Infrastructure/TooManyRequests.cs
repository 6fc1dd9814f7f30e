using Microsoft.AspNetCore.Mvc;

namespace ChainLink.Api.Infrastructure;

/// <summary>The one 429 answer: a ProblemDetails in Chinese and a <c>Retry-After</c> in whole seconds.</summary>
internal static class TooManyRequests
{
    public static ProblemDetails Problem(HttpContext http, TimeSpan wait)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, int.MaxValue);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "请求过于频繁。",
            Detail = $"尝试次数过多，请在 {seconds} 秒后重试。",
        };
    }
}
