using ChainLink.Domain.Common;

namespace ChainLink.Domain.Organisations;

public enum OrganisationKind
{
    Enterprise = 1,
    College = 2,
    Government = 3,
    Platform = 4,
}

/// <summary>An enterprise, college or government body; users belong to exactly one.</summary>
public sealed class Organisation
{
    /// <summary>The name key's column length: NFKC may expand a 120-character name (㍿ becomes 株式会社).</summary>
    public const int NameKeyMaxLength = 400;

    public const int RejectionReasonMaxLength = 500;

    private Organisation() { }

    /// <summary>An organisation the platform creates (seed data, an administrator): approved from the start.</summary>
    public Organisation(Guid id, string name, OrganisationKind kind, string regionCode, IEnumerable<string> clusterCodes, string? contactEmail, string? contactPhone)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException(nameof(name), "机构需要名称。");
        Id = id;
        Name = name.Trim();
        NameKey = OrganisationNameKey.Of(Name);
        if (NameKey.Length is 0 or > NameKeyMaxLength) throw new DomainRuleException(nameof(name), "机构名称为空或过长。");
        Kind = kind;
        RegionCode = regionCode;
        ClusterCodes = clusterCodes.Distinct(StringComparer.Ordinal).ToList();
        ContactEmail = contactEmail;
        ContactPhone = contactPhone;
        Status = OrganisationStatus.Approved;
    }

    /// <summary>An organisation that registers itself: pending until an administrator or its region's government approves it.</summary>
    public static Organisation Register(Guid id, string name, OrganisationKind kind, string regionCode, string? contactEmail, string? contactPhone) =>
        new(id, name, kind, regionCode, [], contactEmail, contactPhone) { Status = OrganisationStatus.Pending };

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>
    /// <see cref="OrganisationNameKey.Of"/> of the name, unique. Null only for a row stored before names were compared
    /// this way, until the start-up fills it in.
    /// </summary>
    public string? NameKey { get; private set; }

    public OrganisationKind Kind { get; private set; }
    public string RegionCode { get; private set; } = "";
    public List<string> ClusterCodes { get; private set; } = [];

    /// <summary>Contact details are personal data: shown only to the organisation itself.</summary>
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }

    public OrganisationStatus Status { get; private set; }

    /// <summary>When and by which user the organisation was approved or rejected; null while pending or when created approved.</summary>
    public DateTime? ReviewedAt { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>What the organisation's users read about its status (GET /api/auth/me); null once approved.</summary>
    public string? StatusNote => Status switch
    {
        OrganisationStatus.Pending => "本机构正在等待审核：审核通过前，本机构的需求、专业和资源只有本机构可见，不出现在资源地图、匹配结果和晴雨表中。",
        OrganisationStatus.Rejected => $"本机构的注册已被驳回（理由：{RejectionReason}）：本机构的数据只有本机构可见。",
        _ => null,
    };

    public void Approve(Guid byUserId, TimeProvider clock)
    {
        EnsurePending("批准");
        Review(OrganisationStatus.Approved, byUserId, clock);
    }

    public void Reject(string reason, Guid byUserId, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException(nameof(reason), "驳回时请写明理由。");
        if (reason.Trim().Length > RejectionReasonMaxLength)
            throw new DomainRuleException(nameof(reason), $"驳回理由最多 {RejectionReasonMaxLength} 个字符。");
        EnsurePending("驳回");
        Review(OrganisationStatus.Rejected, byUserId, clock);
        RejectionReason = reason.Trim();
    }

    /// <summary>Fills <see cref="NameKey"/> of a row stored before it existed.</summary>
    public void RefreshNameKey() => NameKey = OrganisationNameKey.Of(Name);

    /// <summary>How the status reads in messages to people.</summary>
    public static string StatusName(OrganisationStatus status) => status switch
    {
        OrganisationStatus.Pending => "待审核",
        OrganisationStatus.Approved => "已批准",
        OrganisationStatus.Rejected => "已驳回",
        _ => status.ToString(),
    };

    private void EnsurePending(string action)
    {
        if (Status != OrganisationStatus.Pending)
            throw new TransitionNotAllowedException($"该机构当前状态为“{StatusName(Status)}”，只有待审核的机构可以{action}。");
    }

    private void Review(OrganisationStatus to, Guid byUserId, TimeProvider clock)
    {
        Status = to;
        ReviewedAt = clock.GetUtcNow().UtcDateTime;
        ReviewedByUserId = byUserId;
    }
}
