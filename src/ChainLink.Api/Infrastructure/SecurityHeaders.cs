namespace ChainLink.Api.Infrastructure;

/// <summary>
/// Headers that keep a browser from running, framing or sniffing what the API did not mean: the web application in
/// wwwroot loads only its own scripts (Vite emits module files, no CDN, no inline script), so everything is 'self'.
/// Inline styles stay allowed: Element Plus positions its popups and sizes its tables through style attributes, Vue
/// writes static style attributes as markup, and ECharts' tooltips carry them; a style cannot run code. The Scalar
/// reference (/scalar) runs an inline start-up script, so only its pages get a looser script rule.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Pages =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string Scalar =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https://fonts.scalar.com; " +
        "img-src 'self' data: blob:; font-src 'self' data: https://fonts.scalar.com; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        // Set when the response starts, so error responses (the exception handler clears headers) carry them too.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? Scalar : Pages;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
