namespace ChainLink.Domain.Common;

/// <summary>
/// The entity's current state does not allow the requested change (approving an organisation twice, for instance): the
/// request was valid, the state has moved on, so it is a conflict rather than bad input.
/// </summary>
public sealed class TransitionNotAllowedException(string message) : Exception(message);
