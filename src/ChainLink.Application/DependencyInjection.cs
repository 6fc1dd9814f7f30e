using ChainLink.Application.Barometer;
using ChainLink.Application.Common;
using ChainLink.Application.Dashboard;
using ChainLink.Application.Matching;
using ChainLink.Application.ResourceMap;
using ChainLink.Application.Skills;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ChainLink.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddSingleton<ISkillDictionaryProvider, SkillDictionaryProvider>();
        services.AddScoped<Matcher>();
        services.AddScoped<GoodMatchCounter>();
        services.AddSingleton<GoodMatchCache>();
        services.AddSingleton<MajorCatalogueCache>();
        services.AddScoped<EditionPublisher>();
        services.AddSingleton<EditionCache>();
        services.AddSingleton<MapCache>();
        services.AddScoped<DashboardSource>();
        // A rule stops at its first failure, so a null list is reported as missing rather than crashing the next check.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        FieldDisplayNames.Install();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }
}
