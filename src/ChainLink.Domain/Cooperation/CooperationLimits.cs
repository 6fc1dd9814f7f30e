using ChainLink.Domain.Common;

namespace ChainLink.Domain.Cooperation;

/// <summary>Bounds of the figures people type: beyond them a value is a typing error, and sums stay far from overflow.</summary>
public static class CooperationLimits
{
    /// <summary>Amounts are whole yuan (CNY); 10 billion is more than any single cooperation invests or earns.</summary>
    public const long MaxYuan = 10_000_000_000;
    public const int MaxHours = 1_000_000;
    public const int MaxCount = 100_000;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxMessageLength = 2000;
    public const int MaxReasonLength = 500;
    public const int MaxTitleLength = 120;
    public const int MaxPatents = 200;
    public const int PatentNumberMaxLength = 40;
    /// <summary>A proposal stays open at most this long.</summary>
    public const int MaxValidityDays = 180;
    public const int MaxAgreementYears = 20;

    public static void Yuan(long? value, string field)
    {
        if (value is < 0 or > MaxYuan) throw new DomainRuleException(field, $"金额须在 0 至 {MaxYuan} 元之间（以元为单位的整数）。");
    }

    public static void Hours(int? value, string field)
    {
        if (value is < 0 or > MaxHours) throw new DomainRuleException(field, $"工时须在 0 至 {MaxHours} 之间。");
    }

    public static void Year(int year, string field)
    {
        if (year is < MinYear or > MaxYear) throw new DomainRuleException(field, $"年份须在 {MinYear} 至 {MaxYear} 之间。");
    }

    public static string Reason(string? reason, string field)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException(field, "请写明理由。");
        var trimmed = reason.Trim();
        if (trimmed.Length > MaxReasonLength) throw new DomainRuleException(field, $"理由最多 {MaxReasonLength} 个字符。");
        return trimmed;
    }
}
