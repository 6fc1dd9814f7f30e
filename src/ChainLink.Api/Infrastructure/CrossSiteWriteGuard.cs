using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// A browser sends the sign-in cookie with requests another site makes, so a write that carries the cookie must come
/// from this site: refused when the browser says it is cross-site (Sec-Fetch-Site) or names another Origin. A bearer
/// token is never sent by the browser on its own, so callers that send one are not checked.
/// </summary>
internal sealed class CrossSiteWriteGuard(RequestDelegate next, IOptionsMonitor<CookieAuthenticationOptions> cookies, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (IsCrossSiteCookieWrite(http))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden, Title = "禁止跨站修改。",
                    Detail = "来自其他网站的请求不能使用本站的登录 Cookie 修改数据。",
                },
            });
            return;
        }
        await next(http);
    }

    private bool IsCrossSiteCookieWrite(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        if (request.Headers.Authorization.Count > 0) return false;
        var cookieName = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? "";
        if (!request.Cookies.ContainsKey(cookieName)) return false;
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase)) return true;
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
