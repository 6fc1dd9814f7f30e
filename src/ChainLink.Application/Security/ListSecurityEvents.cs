using ChainLink.Application.Common;
using ChainLink.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Security;

public sealed record ListSecurityEvents(SecurityEventKind? Kind = null, string? Email = null, int PageNumber = 1, int PageSize = 50)
    : IQuery<Page<SecurityEventDto>>, IPagedQuery;

public sealed record SecurityEventDto(Guid Id, SecurityEventKind Kind, DateTime OccurredAt, Guid? UserId, string? Email, Guid? OrganisationId, string? ClientAddress, string? Detail);

internal sealed class ListSecurityEventsValidator : AbstractValidator<ListSecurityEvents>
{
    public ListSecurityEventsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Email).MaximumLength(SecurityEvent.EmailLength);
    }
}

/// <summary>Newest first; administrators only (the endpoint's policy).</summary>
internal sealed class ListSecurityEventsHandler(IAppDbContext db) : IQueryHandler<ListSecurityEvents, Page<SecurityEventDto>>
{
    public async ValueTask<Page<SecurityEventDto>> Handle(ListSecurityEvents query, CancellationToken ct)
    {
        var events = db.SecurityEvents.AsNoTracking();
        if (query.Kind is { } kind) events = events.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var email = query.Email.Trim().ToLowerInvariant();
            events = events.Where(e => e.Email == email);
        }
        return await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new SecurityEventDto(e.Id, e.Kind, e.OccurredAt, e.UserId, e.Email, e.OrganisationId, e.ClientAddress, e.Detail))
            .ToPageAsync(query, ct);
    }
}
