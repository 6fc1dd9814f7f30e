using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace ChainLink.Infrastructure.Identity;

/// <summary>
/// Identity's errors (weak password, taken e-mail) reach people through registration and password change: Chinese when
/// the request's culture is Chinese, Identity's English otherwise. The codes stay Identity's, which callers match on.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    private static IdentityError Pick(IdentityError english, string chinese) =>
        Chinese ? new IdentityError { Code = english.Code, Description = chinese } : english;

    public override IdentityError DefaultError() => Pick(base.DefaultError(), "发生未知错误。");
    public override IdentityError ConcurrencyFailure() => Pick(base.ConcurrencyFailure(), "账号在您操作期间已被修改，请重试。");
    public override IdentityError PasswordMismatch() => Pick(base.PasswordMismatch(), "密码不正确。");
    public override IdentityError InvalidToken() => Pick(base.InvalidToken(), "令牌无效。");
    public override IdentityError InvalidUserName(string? userName) => Pick(base.InvalidUserName(userName), "用户名只能包含字母、数字和常用符号。");
    public override IdentityError InvalidEmail(string? email) => Pick(base.InvalidEmail(email), "邮箱格式不正确。");
    public override IdentityError DuplicateUserName(string userName) => Pick(base.DuplicateUserName(userName), "该用户名已被使用。");
    public override IdentityError DuplicateEmail(string email) => Pick(base.DuplicateEmail(email), "该邮箱已被使用。");
    public override IdentityError PasswordTooShort(int length) => Pick(base.PasswordTooShort(length), $"密码至少需要 {length} 个字符。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Pick(base.PasswordRequiresUniqueChars(uniqueChars), $"密码至少需要 {uniqueChars} 个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Pick(base.PasswordRequiresNonAlphanumeric(), "密码至少需要一个字母和数字以外的符号。");
    public override IdentityError PasswordRequiresDigit() => Pick(base.PasswordRequiresDigit(), "密码至少需要一个数字（0-9）。");
    public override IdentityError PasswordRequiresLower() => Pick(base.PasswordRequiresLower(), "密码至少需要一个小写字母（a-z）。");
    public override IdentityError PasswordRequiresUpper() => Pick(base.PasswordRequiresUpper(), "密码至少需要一个大写字母（A-Z）。");
    public override IdentityError UserLockoutNotEnabled() => Pick(base.UserLockoutNotEnabled(), "该账号未启用停用功能。");
    public override IdentityError UserAlreadyHasPassword() => Pick(base.UserAlreadyHasPassword(), "该账号已设置密码。");
    public override IdentityError UserAlreadyInRole(string role) => Pick(base.UserAlreadyInRole(role), "该账号已有此角色。");
    public override IdentityError UserNotInRole(string role) => Pick(base.UserNotInRole(role), "该账号没有此角色。");
}
