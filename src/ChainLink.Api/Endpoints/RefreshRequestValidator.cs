using FluentValidation;
using Microsoft.AspNetCore.Identity.Data;

namespace ChainLink.Api.Endpoints;

/// <summary>JSON accepts <c>null</c> for the framework's required strings; the token protector would throw on it.</summary>
internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() =>
        RuleFor(x => x.RefreshToken).NotEmpty().WithMessage("请提供刷新令牌（refreshToken）。").MaximumLength(8192).WithMessage("刷新令牌过长。");
}
