using ChainLink.Domain.Dashboard;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Dashboard;

/// <summary>Every figure of the dashboard for a filter, each with its completeness and the records behind it.</summary>
public sealed record GetDashboard(DashboardFilter Filter) : IQuery<DashboardDto>;

internal sealed class GetDashboardValidator : AbstractValidator<GetDashboard>
{
    public GetDashboardValidator() => this.AddFilterRules(x => x.Filter);
}

internal sealed class GetDashboardHandler(DashboardSource source, IOptions<DashboardOptions> options) : IQueryHandler<GetDashboard, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken ct)
    {
        var filter = source.Scope(query.Filter);
        var data = await source.LoadAsync(filter, ct);
        return new DashboardDto(DashboardCalculator.MethodologyVersion, filter, DashboardCalculator.Compute(data, options.Value.ToValuation()));
    }
}
