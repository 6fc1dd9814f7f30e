using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

public sealed record UnreadCountDto(int Unread, IReadOnlyDictionary<InboxItemKind, int> ByKind);
