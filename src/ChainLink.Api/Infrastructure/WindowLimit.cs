namespace ChainLink.Api.Infrastructure;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> (a fixed window) for one caller.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
