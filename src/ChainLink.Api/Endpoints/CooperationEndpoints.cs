using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Application.Cooperation;
using ChainLink.Domain.Cooperation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

/// <summary>
/// Cooperation: proposals, technology needs, agreements with their investments and outcomes, the audit trail and the
/// inbox. Roles are checked here; who is a party, and so may see or act on a record, is checked by the handlers.
/// None of it is expensive, so none of it is behind the expensive-endpoint limiter.
/// </summary>
internal static class CooperationEndpoints
{
    public static IEndpointRouteBuilder MapCooperationEndpoints(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/api/proposals").WithTags("Cooperation").RequireAuthorization(Policies.SignedIn);
        proposals.MapPost("/", Propose).RequireAuthorization(Policies.TakePartInCooperation).WithName("ProposeCooperation")
            .WithSummary("Propose cooperation to an approved enterprise or college (about a demand, programme or technology need)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        proposals.MapGet("/", ListProposals).WithName("ListProposals").WithSummary("The caller's proposals (box=sent|received, status=); government: all")
            .ProducesValidationProblem();
        proposals.MapGet("/{id:guid}", GetProposal).WithName("GetProposal").WithSummary("One proposal; contact details only once accepted, only to the parties")
            .ProducesProblem(StatusCodes.Status404NotFound);
        proposals.MapGet("/{id:guid}/audit", ProposalAudit).WithName("GetProposalAudit").WithSummary("Every change to the proposal, with values before and after")
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapProposalAction(proposals, "accept", ProposalAction.Accept, "Accept a proposal you received: the agreement starts");
        MapProposalAction(proposals, "decline", ProposalAction.Decline, "Decline a proposal you received, with a reason");
        MapProposalAction(proposals, "withdraw", ProposalAction.Withdraw, "Withdraw a proposal you sent");

        var needs = app.MapGroup("/api/technology-needs").WithTags("Cooperation").RequireAuthorization(Policies.SignedIn);
        needs.MapPost("/", PostNeed).RequireAuthorization(Policies.WriteTechnologyNeeds).WithName("PostTechnologyNeed")
            .WithSummary("Post a technology need (Enterprise)").ProducesValidationProblem();
        needs.MapGet("/", ListNeeds).WithName("ListTechnologyNeeds").WithSummary("Technology needs of approved enterprises (and your own)").ProducesValidationProblem();
        needs.MapPost("/{id:guid}/close", CloseNeed).RequireAuthorization(Policies.WriteTechnologyNeeds).WithName("CloseTechnologyNeed")
            .WithSummary("Close your technology need").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var agreements = app.MapGroup("/api/agreements").WithTags("Cooperation").RequireAuthorization(Policies.SignedIn);
        agreements.MapGet("/", ListAgreements).WithName("ListAgreements").WithSummary("The caller's agreements; government: all").ProducesValidationProblem();
        agreements.MapGet("/{id:guid}", GetAgreement).WithName("GetAgreement")
            .WithSummary("An agreement with its investments and outcomes (government: confirmed ones, no contacts)").ProducesProblem(StatusCodes.Status404NotFound);
        agreements.MapGet("/{id:guid}/audit", AgreementAudit).WithName("GetAgreementAudit")
            .WithSummary("Every change to the agreement, its investments and outcomes").ProducesProblem(StatusCodes.Status404NotFound);
        MapAgreementAction(agreements, "suspend", AgreementAction.Suspend, "Suspend an active agreement, with a reason");
        MapAgreementAction(agreements, "resume", AgreementAction.Resume, "Resume a suspended agreement");
        MapAgreementAction(agreements, "end", AgreementAction.End, "End an agreement, with a reason");
        agreements.MapPost("/{id:guid}/investments", ReportInvestment).RequireAuthorization(Policies.TakePartInCooperation).WithName("ReportInvestment")
            .WithSummary("Report one party's investment in a year; the other party confirms it").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        agreements.MapPost("/{id:guid}/outcomes", ReportOutcome).RequireAuthorization(Policies.TakePartInCooperation).WithName("ReportOutcome")
            .WithSummary("Report an outcome; the other party confirms it").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var investments = app.MapGroup("/api/investments").WithTags("Cooperation").RequireAuthorization(Policies.TakePartInCooperation);
        MapReview(investments, ReportKind.Investment);
        investments.MapPost("/{id:guid}/correct", CorrectInvestment).WithName("CorrectInvestment")
            .WithSummary("Correct your disputed investment; it awaits confirmation again").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        var outcomes = app.MapGroup("/api/outcomes").WithTags("Cooperation").RequireAuthorization(Policies.TakePartInCooperation);
        MapReview(outcomes, ReportKind.Outcome);
        outcomes.MapPost("/{id:guid}/correct", CorrectOutcome).WithName("CorrectOutcome")
            .WithSummary("Correct your disputed outcome; it awaits confirmation again").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var inbox = app.MapGroup("/api/inbox").WithTags("Cooperation").RequireAuthorization(Policies.SignedIn);
        inbox.MapGet("/", ListInbox).WithName("ListInbox").WithSummary("What awaits your organisation, newest first (unreadOnly=true for unread)");
        inbox.MapGet("/unread-count", UnreadCount).WithName("CountUnreadInbox").WithSummary("Unread items, in all and by kind");
        inbox.MapPost("/{id:guid}/read", MarkRead).WithName("MarkInboxItemRead").WithSummary("Mark an item read").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static void MapProposalAction(RouteGroupBuilder group, string path, ProposalAction action, string summary) =>
        group.MapPost($"/{{id:guid}}/{path}", async Task<Ok<ProposalDto>> (Guid id, VersionAndReason body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AnswerProposal(id, action, body.Version, body.Reason), ct)))
            .RequireAuthorization(Policies.TakePartInCooperation).WithName($"{action}Proposal").WithSummary(summary).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static void MapAgreementAction(RouteGroupBuilder group, string path, AgreementAction action, string summary) =>
        group.MapPost($"/{{id:guid}}/{path}", async Task<Ok<AgreementDto>> (Guid id, VersionAndReason body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ChangeAgreementStatus(id, action, body.Version, body.Reason), ct)))
            .RequireAuthorization(Policies.TakePartInCooperation).WithName($"{action}Agreement").WithSummary(summary).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static void MapReview(RouteGroupBuilder group, ReportKind kind)
    {
        foreach (var action in Enum.GetValues<ReviewAction>())
            group.MapPost($"/{{id:guid}}/{action.ToString().ToLowerInvariant()}", async Task<Ok<ReportReviewed>> (Guid id, VersionAndReason body, IMediator m, CancellationToken ct) =>
                    TypedResults.Ok(await m.Send(new ReviewReport(kind, id, action, body.Version, body.Reason), ct)))
                .WithName($"{action}{kind}").WithSummary($"{action} the other party's {kind.ToString().ToLowerInvariant()} (not your own: 403)")
                .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Created<ProposalDto>> Propose(ProposeCooperation command, IMediator m, CancellationToken ct)
    {
        var proposal = await m.Send(command, ct);
        return TypedResults.Created($"/api/proposals/{proposal.Id}", proposal);
    }

    private static async Task<Ok<Page<ProposalDto>>> ListProposals(string? box, ProposalStatus? status, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new Application.Cooperation.ListProposals(box, status, page ?? 1, pageSize ?? 20), ct));

    private static async Task<Ok<ProposalDto>> GetProposal(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new Application.Cooperation.GetProposal(id), ct));

    private static async Task<Ok<IReadOnlyList<AuditEntryDto>>> ProposalAudit(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GetAuditTrail(AuditSubject.Proposal, id), ct));

    private static async Task<Created<TechnologyNeedDto>> PostNeed(PostTechnologyNeed command, IMediator m, CancellationToken ct)
    {
        var need = await m.Send(command, ct);
        return TypedResults.Created($"/api/technology-needs/{need.Id}", need);
    }

    private static async Task<Ok<Page<TechnologyNeedDto>>> ListNeeds(string? q, TechnologyNeedStatus? status, bool? mine, int? page, int? pageSize,
        IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ListTechnologyNeeds(q, status, mine ?? false, page ?? 1, pageSize ?? 20), ct));

    private static async Task<Ok<TechnologyNeedDto>> CloseNeed(Guid id, VersionBody body, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new CloseTechnologyNeed(id, body.Version), ct));

    private static async Task<Ok<Page<AgreementSummaryDto>>> ListAgreements(AgreementStatus? status, bool? runsAsEntity, int? page, int? pageSize,
        IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new Application.Cooperation.ListAgreements(status, runsAsEntity, page ?? 1, pageSize ?? 20), ct));

    private static async Task<Ok<AgreementDto>> GetAgreement(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new Application.Cooperation.GetAgreement(id), ct));

    private static async Task<Ok<IReadOnlyList<AuditEntryDto>>> AgreementAudit(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GetAuditTrail(AuditSubject.Agreement, id), ct));

    private static async Task<Created<InvestmentDto>> ReportInvestment(Guid id, Application.Cooperation.ReportInvestment command, IMediator m, CancellationToken ct)
    {
        var investment = await m.Send(command with { AgreementId = id }, ct);
        return TypedResults.Created($"/api/agreements/{id}", investment);
    }

    private static async Task<Created<OutcomeDto>> ReportOutcome(Guid id, Application.Cooperation.ReportOutcome command, IMediator m, CancellationToken ct)
    {
        var outcome = await m.Send(command with { AgreementId = id }, ct);
        return TypedResults.Created($"/api/agreements/{id}", outcome);
    }

    private static async Task<Ok<InvestmentDto>> CorrectInvestment(Guid id, Application.Cooperation.CorrectInvestment command, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(command with { Id = id }, ct));

    private static async Task<Ok<OutcomeDto>> CorrectOutcome(Guid id, Application.Cooperation.CorrectOutcome command, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(command with { Id = id }, ct));

    private static async Task<Ok<Page<InboxItemDto>>> ListInbox(bool? unreadOnly, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new Application.Cooperation.ListInbox(unreadOnly ?? false, page ?? 1, pageSize ?? 20), ct));

    private static async Task<Ok<UnreadCountDto>> UnreadCount(IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new CountUnreadInbox(), ct));

    private static async Task<NoContent> MarkRead(Guid id, IMediator m, CancellationToken ct)
    {
        await m.Send(new MarkInboxItemRead(id), ct);
        return TypedResults.NoContent();
    }
}
