namespace ChainLink.Domain.Cooperation;

/// <summary>Something that awaits an organisation: every user of it sees the item, and reading it marks it read for all.</summary>
public sealed class InboxItem
{
    private InboxItem() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public InboxItemKind Kind { get; private set; }

    /// <summary>Proposal, Agreement, Investment or Outcome.</summary>
    public string RecordType { get; private set; } = "";

    public Guid RecordId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public static InboxItem For(Guid organisationId, InboxItemKind kind, string recordType, Guid recordId, string text, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = organisationId, Kind = kind, RecordType = recordType, RecordId = recordId, Text = text, CreatedAt = now,
    };

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
