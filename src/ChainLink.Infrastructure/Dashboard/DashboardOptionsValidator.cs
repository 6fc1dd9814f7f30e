using ChainLink.Application.Dashboard;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Dashboard;

/// <summary>Names every wrong dashboard value at start.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
