using FluentValidation;
using Microsoft.AspNetCore.Identity.Data;

namespace ChainLink.Api.Endpoints;

/// <summary>JSON accepts <c>null</c> for the framework's required strings; Identity would throw on it.</summary>
internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("请填写邮箱。").MaximumLength(256).WithMessage("邮箱最长 256 个字符。");
        RuleFor(x => x.Password).NotEmpty().WithMessage("请填写密码。").MaximumLength(128).WithMessage("密码最长 128 个字符。");
    }
}
