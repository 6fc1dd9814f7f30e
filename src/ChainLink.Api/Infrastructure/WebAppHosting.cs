using Microsoft.AspNetCore.StaticFiles;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// Serves the web application that the build writes into wwwroot (see frontend/): its hashed assets are cached for a year
/// (a new build gives new names), index.html is revalidated on every load so a deployment takes effect at once, and any
/// path the client router owns gets index.html. Paths under /api never do: an unknown API route stays a 404 ProblemDetails.
/// </summary>
internal static class WebAppHosting
{
    // Bookmarks of the hand-written pages the application replaced.
    private static readonly Dictionary<string, string> OldPages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/login.html"] = "/login",
        ["/map.html"] = "/map",
        ["/barometer.html"] = "/barometer",
    };

    private static readonly StaticFileOptions Files = new() { OnPrepareResponse = SetCacheHeaders };

    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (!OldPages.TryGetValue(http.Request.Path.Value ?? "", out var route)) return next(http);
            http.Response.Redirect(route + http.Request.QueryString, permanent: true);
            return Task.CompletedTask;
        });
        app.UseStaticFiles(Files);
        return app;
    }

    /// <summary>Last, after the API's endpoints: a path without a file extension outside /api, /scalar and /openapi opens the application.</summary>
    public static WebApplication MapWebApp(this WebApplication app)
    {
        // The regex constraint refuses an empty path, so the root has its own entry.
        app.MapFallbackToFile("/", "index.html", Files);
        app.MapFallbackToFile("{**path:regex(^(?!(api|scalar|openapi)(/|$)).*$):nonfile}", "index.html", Files);
        return app;
    }

    private static void SetCacheHeaders(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
