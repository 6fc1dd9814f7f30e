using ChainLink.Application.Common;
using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Api.Infrastructure;

/// <summary>Turns every known failure into an RFC 9457 ProblemDetails with the status that names it.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ValidationException v => Validation(v),
            DomainRuleException d => new ValidationProblemDetails(new Dictionary<string, string[]> { [d.Field] = [d.Message] })
            {
                Title = Localization.Pick("请求违反了记录的规则。", "The request breaks a rule of the record."), Status = StatusCodes.Status400BadRequest,
            },
            BadHttpRequestException b => RequestReadProblem.From(b),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, Localization.Pick("未找到。", "Not found."), n.Message),
            ForbiddenException f => Problem(StatusCodes.Status403Forbidden, Localization.Pick("无权执行此操作。", "Forbidden."), f.Message),
            UnauthenticatedException u => Problem(StatusCodes.Status401Unauthorized, Localization.Pick("未登录。", "Not signed in."), u.Message),
            ConflictException c => Problem(StatusCodes.Status409Conflict, Conflict, c.Message),
            TransitionNotAllowedException t => Problem(StatusCodes.Status409Conflict, Conflict, t.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, Conflict, "记录在您编辑期间已被他人修改，请刷新后重试。"),
            DbUpdateException u when UniqueKeyViolation.Is(u) => Problem(StatusCodes.Status409Conflict, Conflict,
                "同样的记录已经存在（可能是同时提交了两次）；请刷新后查看。"),
            SearchUnavailableException s => Problem(StatusCodes.Status503ServiceUnavailable, Localization.Pick("搜索索引暂不可用。", "The search index is unavailable."),
                Localization.Pick("搜索索引暂不可用，恢复后即可再次匹配；保存数据不受影响。", $"{s.Message} Matching answers again once the search index is back; writes are unaffected.")),
            _ => null,
        };
        if (exception is SearchUnavailableException) log.LogWarning(exception, "Search index unavailable for {Method} {Path}", http.Request.Method, http.Request.Path);
        if (problem is null)
        {
            log.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ValidationProblemDetails Validation(ValidationException v) =>
        new(v.Errors.GroupBy(e => CamelPath(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Title = Localization.Pick("有字段不符合要求。", "One or more fields are invalid."),
            Status = StatusCodes.Status400BadRequest,
        };

    private static string Conflict => Localization.Pick("与当前状态冲突。", "Conflict.");

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary>"Skills[0].SkillCode" → "skills[0].skillCode", matching the JSON the client sent.</summary>
    internal static string CamelPath(string path) =>
        string.Join('.', path.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
