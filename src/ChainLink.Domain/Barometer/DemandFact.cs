using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;

namespace ChainLink.Domain.Barometer;

/// <summary>
/// What the barometer reads of one demand, kept in step with the demand on every save (docs/barometer-methodology.md
/// §10): the quarters it was open in as quarter indexes and its skills as one column, so an edition reads one narrow
/// row per demand instead of the demand, its dates and one row per skill. Only demands the barometer counts — not
/// drafts, and opened at least once — have a fact.
/// </summary>
public sealed class DemandFact
{
    /// <summary>Skill codes are at most 12 characters; one space between codes.</summary>
    public const int SkillCodesMaxLength = Demand.MaxSkills * 13;

    public long Id { get; private set; }
    public Guid DemandId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string OccupationCode { get; private set; } = "";
    public string RegionCode { get; private set; } = "";

    /// <summary>Index (<see cref="Quarter.Index"/>) of the quarter the demand was opened in.</summary>
    public int FirstQuarter { get; private set; }

    /// <summary>Index of the last quarter the demand was open in; null while it is open.</summary>
    public int? LastQuarter { get; private set; }

    public int Headcount { get; private set; }

    /// <summary>The demand's skill codes separated by single spaces, in the demand's order.</summary>
    public string SkillCodes { get; private set; } = "";

    /// <summary>The fact of <paramref name="demand"/>, or null when the barometer does not count it.</summary>
    public static DemandFact? Of(Demand demand)
    {
        if (demand.Status == DemandStatus.Draft || demand.OpenedAt is not { } opened) return null;
        return new DemandFact
        {
            DemandId = demand.Id,
            OrganisationId = demand.OrganisationId,
            OccupationCode = demand.OccupationCode,
            RegionCode = demand.RegionCode,
            FirstQuarter = QuarterOf(opened),
            // Open over [OpenedAt, ClosedAt): a demand closed at a quarter's first instant was not open in that quarter.
            LastQuarter = demand.ClosedAt is { } closed ? QuarterOf(closed.AddTicks(-1)) : null,
            Headcount = demand.Headcount,
            SkillCodes = string.Join(' ', demand.Skills.Select(s => s.SkillCode)),
        };
    }

    /// <summary>Takes the figures of <paramref name="current"/>, a fact of the same demand.</summary>
    public void Update(DemandFact current)
    {
        if (current.DemandId != DemandId) throw new ArgumentException("A fact is updated only from a fact of the same demand.", nameof(current));
        OrganisationId = current.OrganisationId;
        OccupationCode = current.OccupationCode;
        RegionCode = current.RegionCode;
        FirstQuarter = current.FirstQuarter;
        LastQuarter = current.LastQuarter;
        Headcount = current.Headcount;
        SkillCodes = current.SkillCodes;
    }

    private static int QuarterOf(DateTime utc) => Quarter.Of(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).Index;
}
