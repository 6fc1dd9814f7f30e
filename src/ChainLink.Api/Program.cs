using System.Text.Json.Serialization;
using ChainLink.Api.Endpoints;
using ChainLink.Api.Infrastructure;
using ChainLink.Application;
using ChainLink.Infrastructure;
using ChainLink.Infrastructure.Persistence;
using ChainLink.Infrastructure.Search;
using FluentValidation;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, includeInternalTypes: true);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddChainLinkAuth();
builder.Services.AddWebHardening(builder.Configuration);
builder.Services.AddChainLinkRateLimiting(builder.Configuration);
builder.Services.AddChainLinkLocalization();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
// Malformed JSON and unbindable parameters throw, so the exception handler can name the problem in a ProblemDetails.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services);
if (args.Contains("--seed-only")) return;
if (args.Contains("--reindex"))
{
    // Rebuild, report, exit; an unreachable index gives a non-zero exit code so a deployment script can retry.
    Environment.ExitCode = await SearchIndexStartup.RebuildAsync(app.Services) ? 0 : 1;
    return;
}
await SearchIndexStartup.RebuildEmbeddedIndexAsync(app.Services);

app.UseWebHardening();
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebApp();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

if (app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.ExposeOpenApi)
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}
app.MapHealthChecks("/health");
app.MapAuthEndpoints();
app.MapTaxonomyEndpoints();
app.MapSkillEndpoints();
app.MapDemandEndpoints();
app.MapProgrammeEndpoints();
app.MapBarometerEndpoints();
app.MapSearchAdminEndpoints();
app.MapSecurityEventEndpoints();
app.MapMatchingEndpoints();
app.MapResourceMapEndpoints();
app.MapOrganisationEndpoints();
app.MapAdminEndpoints();
app.MapCooperationEndpoints();
app.MapDashboardEndpoints();
app.MapWebApp();

await app.RunAsync();

/// <summary>Entry point; public so the functional tests can host it.</summary>
public partial class Program;
