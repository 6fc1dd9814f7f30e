using ChainLink.Domain.Common;
using ChainLink.Domain.Cooperation;

namespace ChainLink.Domain.Tests;

public sealed class CooperationRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Enterprise = Guid.NewGuid();
    private static readonly Guid College = Guid.NewGuid();

    private static Proposal Proposed(DateTime? validUntil = null) => Proposal.Create(Guid.NewGuid(), Enterprise, College,
        new ProposalTerms(null, null, null, CooperationMode.OrderClass | CooperationMode.Internship, "共建订单班", validUntil ?? Now.AddDays(14),
            new DateOnly(2027, 3, 1), new DateOnly(2030, 2, 28), CooperationEntityKind.IndustryCollege), Guid.NewGuid(), Now);

    private static Agreement Agreed() => Proposed().Accept(Guid.NewGuid(), Now.AddDays(1));

    private static InvestmentFigures Funds(long actual = 300_000) => new(Enterprise, 2026, 400_000, actual, 1_000_000, 500);

    [Fact]
    public void Accepting_a_proposal_makes_an_active_agreement_on_its_terms()
    {
        var proposal = Proposed();
        var agreement = proposal.Accept(Guid.NewGuid(), Now.AddDays(1));
        Assert.Equal((ProposalStatus.Accepted, agreement.Id, 2), (proposal.Status, proposal.AgreementId!.Value, proposal.Version));
        Assert.Equal((Enterprise, College, AgreementStatus.Active), (agreement.FirstPartyId, agreement.SecondPartyId, agreement.Status));
        Assert.True(agreement.RunsAsEntity);
        Assert.Equal(proposal.Modes, agreement.Modes);
    }

    [Fact]
    public void Only_a_pending_proposal_is_answered_and_the_refusal_names_its_state()
    {
        var declined = Proposed();
        declined.Decline("名额已满", Now);
        Assert.Contains("已拒绝", Assert.Throws<TransitionNotAllowedException>(() => declined.Accept(Guid.NewGuid(), Now)).Message);
        var withdrawn = Proposed();
        withdrawn.Withdraw(Now);
        Assert.Contains("已撤回", Assert.Throws<TransitionNotAllowedException>(() => withdrawn.Decline("晚了", Now)).Message);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => Proposed().Decline("  ", Now)).Field);
    }

    [Fact]
    public void A_pending_proposal_past_its_date_is_expired_and_nothing_can_be_done_with_it()
    {
        var proposal = Proposed(Now.AddDays(3));
        Assert.Equal(ProposalStatus.Pending, proposal.StatusAt(Now.AddDays(3)));
        var later = Now.AddDays(3).AddSeconds(1);
        Assert.Equal(ProposalStatus.Expired, proposal.StatusAt(later));
        Assert.Contains("已过期", Assert.Throws<TransitionNotAllowedException>(() => proposal.Accept(Guid.NewGuid(), later)).Message);
        Assert.Contains("已过期", Assert.Throws<TransitionNotAllowedException>(() => proposal.Withdraw(later)).Message);
    }

    [Fact]
    public void Proposal_terms_are_bounded_and_the_error_names_the_field()
    {
        static string Field(Action create) => Assert.Throws<DomainRuleException>(create).Field;
        var terms = new ProposalTerms(null, null, null, CooperationMode.Internship, "实习", Now.AddDays(10), new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), null);
        Assert.Equal("validUntil", Field(() => Proposal.Create(Guid.NewGuid(), Enterprise, College, terms with { ValidUntil = Now }, Guid.NewGuid(), Now)));
        Assert.Equal("validUntil", Field(() => Proposal.Create(Guid.NewGuid(), Enterprise, College, terms with { ValidUntil = Now.AddDays(181) }, Guid.NewGuid(), Now)));
        Assert.Equal("endDate", Field(() => Proposal.Create(Guid.NewGuid(), Enterprise, College, terms with { EndDate = new DateOnly(2027, 1, 1) }, Guid.NewGuid(), Now)));
        Assert.Equal("endDate", Field(() => Proposal.Create(Guid.NewGuid(), Enterprise, College, terms with { EndDate = new DateOnly(2048, 1, 1) }, Guid.NewGuid(), Now)));
        Assert.Equal("modes", Field(() => Proposal.Create(Guid.NewGuid(), Enterprise, College, terms with { Modes = CooperationMode.None }, Guid.NewGuid(), Now)));
        Assert.Equal("toOrganisationId", Field(() => Proposal.Create(Guid.NewGuid(), Enterprise, Enterprise, terms, Guid.NewGuid(), Now)));
    }

    [Fact]
    public void An_agreement_is_suspended_resumed_and_ended_and_an_ended_one_stays_ended()
    {
        var agreement = Agreed();
        Assert.Contains("执行中", Assert.Throws<TransitionNotAllowedException>(agreement.Resume).Message);
        agreement.Suspend("设备检修", Now);
        Assert.Equal((AgreementStatus.Suspended, "设备检修"), (agreement.Status, agreement.StatusReason));
        Assert.Contains("已暂停", Assert.Throws<TransitionNotAllowedException>(() => Investment.Report(Guid.NewGuid(), agreement, Funds(), College, Guid.NewGuid(), Now)).Message);
        agreement.Resume();
        agreement.End("期满", Now);
        Assert.Equal((AgreementStatus.Ended, 4), (agreement.Status, agreement.Version));
        Assert.Contains("已终止", Assert.Throws<TransitionNotAllowedException>(() => agreement.End("再次", Now)).Message);
        Assert.Contains("已终止", Assert.Throws<TransitionNotAllowedException>(() => agreement.Suspend("再次", Now)).Message);
    }

    [Fact]
    public void A_disputed_report_is_corrected_and_then_confirmed_and_a_confirmed_one_is_final()
    {
        var investment = Investment.Report(Guid.NewGuid(), Agreed(), Funds(), Enterprise, Guid.NewGuid(), Now);
        Assert.Contains("待确认", Assert.Throws<TransitionNotAllowedException>(() => investment.Correct(Funds(250_000), Now)).Message);
        investment.Dispute("资金未全部到位", College, Now);
        Assert.Equal((ReportStatus.Disputed, "资金未全部到位", 1), (investment.Status, investment.DisputeReason, investment.DisputeCount));
        investment.Correct(Funds(250_000), Now);
        Assert.Equal((ReportStatus.Reported, 250_000L), (investment.Status, investment.ActualFunds));
        investment.Confirm(College, Now);
        Assert.Equal((ReportStatus.Confirmed, null, 1), (investment.Status, investment.DisputeReason, investment.DisputeCount));
        Assert.Contains("已确认", Assert.Throws<TransitionNotAllowedException>(() => investment.Dispute("又不对了", College, Now)).Message);
        Assert.Contains("已确认", Assert.Throws<TransitionNotAllowedException>(() => investment.Confirm(College, Now)).Message);
    }

    [Fact]
    public void Amounts_and_counts_are_bounded_by_kind_and_the_error_names_the_field()
    {
        var agreement = Agreed();
        static string Field(Action report) => Assert.Throws<DomainRuleException>(report).Field;
        Assert.Equal("actualFunds", Field(() => Investment.Report(Guid.NewGuid(), agreement, Funds(-1), Enterprise, Guid.NewGuid(), Now)));
        Assert.Equal("equipmentValue", Field(() => Investment.Report(Guid.NewGuid(), agreement, Funds() with { EquipmentValue = CooperationLimits.MaxYuan + 1 }, Enterprise, Guid.NewGuid(), Now)));
        Assert.Equal("staffHours", Field(() => Investment.Report(Guid.NewGuid(), agreement, Funds() with { StaffHours = -5 }, Enterprise, Guid.NewGuid(), Now)));
        Assert.Equal("partyOrganisationId", Field(() => Investment.Report(Guid.NewGuid(), agreement, Funds() with { PartyOrganisationId = Guid.NewGuid() }, Enterprise, Guid.NewGuid(), Now)));

        OutcomeFigures Outcome(OutcomeKind kind, int quantity = 1, long? value = null, Guid? programme = null, params string[] patents) =>
            new(kind, 2026, quantity, value, programme, patents, null);
        Assert.Equal("programmeId", Field(() => Domain.Cooperation.Outcome.Report(Guid.NewGuid(), agreement, Outcome(OutcomeKind.GraduatesHired, 10), College, Guid.NewGuid(), Now)));
        Assert.Equal("contractValue", Field(() => Domain.Cooperation.Outcome.Report(Guid.NewGuid(), agreement, Outcome(OutcomeKind.TechnologyTransferred), College, Guid.NewGuid(), Now)));
        Assert.Equal("contractValue", Field(() => Domain.Cooperation.Outcome.Report(Guid.NewGuid(), agreement, Outcome(OutcomeKind.InternsHosted, 3, 100), College, Guid.NewGuid(), Now)));
        Assert.Equal("patentNumbers", Field(() => Domain.Cooperation.Outcome.Report(Guid.NewGuid(), agreement, Outcome(OutcomeKind.PatentsShared, 2, null, null, "ZL1"), College, Guid.NewGuid(), Now)));
        Assert.Equal("quantity", Field(() => Domain.Cooperation.Outcome.Report(Guid.NewGuid(), agreement, Outcome(OutcomeKind.InternsHosted, CooperationLimits.MaxCount + 1), College, Guid.NewGuid(), Now)));
        var hours = Domain.Cooperation.Outcome.Report(Guid.NewGuid(), agreement, Outcome(OutcomeKind.TrainingHours, CooperationLimits.MaxCount + 1), College, Guid.NewGuid(), Now);
        Assert.Equal(CooperationLimits.MaxCount + 1, hours.Quantity);
    }
}
