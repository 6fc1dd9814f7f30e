using ChainLink.Domain.Common;
using ChainLink.Domain.Organisations;
using Microsoft.Extensions.Time.Testing;

namespace ChainLink.Domain.Tests;

public sealed class OrganisationRulesTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private static readonly Guid Reviewer = Guid.NewGuid();

    private static Organisation Registered() =>
        Organisation.Register(Guid.NewGuid(), "包头测试稀土（集团）有限公司", OrganisationKind.Enterprise, "150200", "hr@example.cn", null);

    [Fact]
    public void A_self_registered_organisation_is_pending_and_one_the_platform_creates_is_approved()
    {
        var registered = Registered();
        Assert.Equal(OrganisationStatus.Pending, registered.Status);
        Assert.NotNull(registered.StatusNote);
        Assert.Equal("包头测试稀土(集团)有限公司", registered.NameKey);
        var seeded = new Organisation(Guid.NewGuid(), "某职业技术学院（演示）", OrganisationKind.College, "150100", [], null, null);
        Assert.Equal(OrganisationStatus.Approved, seeded.Status);
        Assert.Null(seeded.StatusNote);
    }

    [Fact]
    public void Approval_records_who_and_when()
    {
        var organisation = Registered();
        organisation.Approve(Reviewer, Clock);
        Assert.Equal(OrganisationStatus.Approved, organisation.Status);
        Assert.Equal(Reviewer, organisation.ReviewedByUserId);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, organisation.ReviewedAt);
        Assert.Null(organisation.StatusNote);
    }

    [Fact]
    public void Rejection_needs_a_reason_and_keeps_it()
    {
        var organisation = Registered();
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => organisation.Reject("  ", Reviewer, Clock)).Field);
        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
        organisation.Reject(" 营业执照与名称不符 ", Reviewer, Clock);
        Assert.Equal(OrganisationStatus.Rejected, organisation.Status);
        Assert.Equal("营业执照与名称不符", organisation.RejectionReason);
        Assert.Contains("营业执照与名称不符", organisation.StatusNote);
    }

    [Fact]
    public void Only_a_pending_organisation_can_be_approved_or_rejected_and_the_refusal_names_the_current_state()
    {
        var approved = Registered();
        approved.Approve(Reviewer, Clock);
        Assert.Contains("已批准", Assert.Throws<TransitionNotAllowedException>(() => approved.Approve(Reviewer, Clock)).Message);
        Assert.Contains("已批准", Assert.Throws<TransitionNotAllowedException>(() => approved.Reject("重复", Reviewer, Clock)).Message);

        var rejected = Registered();
        rejected.Reject("材料不全", Reviewer, Clock);
        Assert.Contains("已驳回", Assert.Throws<TransitionNotAllowedException>(() => rejected.Approve(Reviewer, Clock)).Message);
        Assert.Equal(OrganisationStatus.Rejected, rejected.Status);

        var seeded = new Organisation(Guid.NewGuid(), "某企业（演示）", OrganisationKind.Enterprise, "150200", [], null, null);
        Assert.Throws<TransitionNotAllowedException>(() => seeded.Approve(Reviewer, Clock));
    }
}
