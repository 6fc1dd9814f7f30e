namespace ChainLink.Application.Demands;

/// <summary>Why a field of a draft holds what it holds: the JSON field, the words it came from, and the reason in Chinese.</summary>
public sealed record DraftGuess(string Field, string Text, string Reason);
