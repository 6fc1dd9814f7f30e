using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Infrastructure;

/// <summary>ASP.NET Core's rate limiter with two policies, named after what they protect; limits come from <see cref="RateLimitingOptions"/>.</summary>
internal static class RateLimits
{
    /// <summary>Login, registration, refresh and password change: per client address.</summary>
    public const string SignIn = nameof(SignIn);

    /// <summary>Skill extraction, matching and barometer publishing: per signed-in user, or per address when anonymous.</summary>
    public const string Expensive = nameof(Expensive);

    public static IServiceCollection AddChainLinkRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccountRateLimiter>();
        services.AddSingleton<DecoyPassword>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => Window($"address:{ClientAddress.Of(http)}", Limits(http).SignInPerAddress));
            o.AddPolicy(Expensive, http => Window(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? $"user:{user}" : $"address:{ClientAddress.Of(http)}",
                Limits(http).Expensive));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var problem = TooManyRequests.Problem(http, wait);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
        return services;
    }

    private static RateLimitingOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;

    private static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
        });
}

/// <summary>Names every wrong limit at start.</summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
