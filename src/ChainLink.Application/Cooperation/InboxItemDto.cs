using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

public sealed record InboxItemDto(Guid Id, InboxItemKind Kind, string RecordType, Guid RecordId, string Text, DateTime CreatedAt, bool Read);
