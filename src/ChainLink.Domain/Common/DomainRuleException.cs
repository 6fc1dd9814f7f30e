namespace ChainLink.Domain.Common;

/// <summary>A request would put an entity into a state its rules forbid; <see cref="Field"/> names the input at fault.</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
