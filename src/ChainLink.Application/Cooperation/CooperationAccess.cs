using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>
/// Who sees and who acts on a cooperation: its two parties see it in full and act on it; government reads every one
/// (confirmed figures only, no contact details) and acts on none (403); anyone else is told it does not exist (404).
/// </summary>
internal static class CooperationAccess
{
    public const string NotFoundMessage = "找不到该合作记录。";

    public static bool IsGovernment(this ICurrentUser user) => user.IsInRole(Roles.Government);

    public static bool CanRead(this ICurrentUser user, Guid firstParty, Guid secondParty) =>
        user.OrganisationId == firstParty || user.OrganisationId == secondParty || user.IsGovernment();

    /// <summary>The agreement the caller is a party of, tracked for a change.</summary>
    public static async Task<Agreement> AgreementToActOnAsync(IAppDbContext db, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(NotFoundMessage);
        EnsureParty(user, agreement.FirstPartyId, agreement.SecondPartyId);
        return agreement;
    }

    /// <summary>Government reads but never acts (403); an organisation that is no party does not learn the record exists (404).</summary>
    public static void EnsureParty(ICurrentUser user, Guid firstParty, Guid secondParty)
    {
        if (user.OrganisationId == firstParty || user.OrganisationId == secondParty) return;
        if (user.IsGovernment()) throw new ForbiddenException("政府用户可以查阅合作记录，但不能代替合作双方操作。");
        throw new NotFoundException(NotFoundMessage);
    }

    /// <summary>Only the party that reported an investment or outcome corrects it; returns that party.</summary>
    public static Guid EnsureReporter(ICurrentUser user, PartyReport report)
    {
        var own = user.RequireOrganisationId();
        if (report.ReportedByOrganisationId != own) throw new ForbiddenException("只有填报该记录的一方可以更正。");
        return own;
    }

    /// <summary>
    /// A stale version is a 409 in the users' language; the check of <see cref="IAppDbContext.ExpectVersion{TEntity}"/>
    /// then also catches a write racing past this one.
    /// </summary>
    public static void ExpectVersion<TEntity>(this IAppDbContext db, TEntity entity, int current, int sent, string what) where TEntity : class
    {
        if (current != sent) throw new ConflictException($"{what}已被修改（您提交的版本为 {sent}，当前版本为 {current}），请刷新后重试。");
        db.ExpectVersion(entity, sent, what);
    }

    public static IReadOnlyList<CooperationMode> ModeList(CooperationMode modes) =>
        [.. Enum.GetValues<CooperationMode>().Where(m => m != CooperationMode.None && modes.HasFlag(m))];

    public static CooperationMode Combine(IEnumerable<CooperationMode>? modes) =>
        modes?.Aggregate(CooperationMode.None, (all, m) => all | m) ?? CooperationMode.None;

    /// <summary>The organisations named, with contact details only where <paramref name="showContacts"/> allows.</summary>
    public static async Task<Dictionary<Guid, PartyDto>> PartiesAsync(IAppDbContext db, IEnumerable<Guid> ids, Func<Guid, bool> showContacts, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Kind, o.RegionCode, o.ContactEmail, o.ContactPhone }).ToListAsync(ct);
        return rows.ToDictionary(o => o.Id, o => showContacts(o.Id)
            ? new PartyDto(o.Id, o.Name, o.Kind, o.RegionCode, o.ContactEmail, o.ContactPhone)
            : new PartyDto(o.Id, o.Name, o.Kind, o.RegionCode, null, null));
    }

    /// <summary>Contact details go to the parties once the proposal is accepted, never to government or before acceptance.</summary>
    public static bool ShowsContacts(ICurrentUser user, Guid firstParty, Guid secondParty, bool accepted) =>
        accepted && (user.OrganisationId == firstParty || user.OrganisationId == secondParty);

    public static async Task<ProposalDto> ToDtoAsync(this Proposal p, IAppDbContext db, ICurrentUser user, DateTime now, CancellationToken ct)
    {
        var status = p.StatusAt(now);
        var contacts = ShowsContacts(user, p.FromOrganisationId, p.ToOrganisationId, status == ProposalStatus.Accepted);
        var parties = await PartiesAsync(db, [p.FromOrganisationId, p.ToOrganisationId], _ => contacts, ct);
        return ToDto(p, parties, status);
    }

    public static ProposalDto ToDto(Proposal p, IReadOnlyDictionary<Guid, PartyDto> parties, ProposalStatus status) => new(
        p.Id, parties[p.FromOrganisationId], parties[p.ToOrganisationId], p.DemandId, p.ProgrammeId, p.TechnologyNeedId, ModeList(p.Modes), p.Message,
        p.ValidUntil, p.StartDate, p.EndDate, p.EntityKind, status, p.DeclineReason, p.CreatedAt, p.AnsweredAt, p.AgreementId, p.Version);

    public static string Summary(CooperationMode modes) => string.Join("、", ModeList(modes).Select(Chinese));

    public static string Chinese(OutcomeKind kind) => CooperationNames.Of(kind);

    public static string Chinese(CooperationMode mode) => CooperationNames.Of(mode);
}
