using ChainLink.Application.Common;
using ChainLink.Application.Cooperation;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Dashboard;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Dashboard;

/// <summary>The drill-down: exactly the records one figure was computed from, for the same filter.</summary>
public sealed record GetFigureRecords(string Figure, DashboardFilter Filter) : IQuery<FigureRecordsDto>;

internal sealed class GetFigureRecordsValidator : AbstractValidator<GetFigureRecords>
{
    public GetFigureRecordsValidator()
    {
        RuleFor(x => x.Figure).Must(f => DashboardCalculator.Figures.Contains(f))
            .WithMessage($"没有这个图表；可选：{string.Join("、", DashboardCalculator.Figures)}。");
        this.AddFilterRules(x => x.Filter);
    }
}

internal sealed class GetFigureRecordsHandler(IAppDbContext db, DashboardSource source, IOptions<DashboardOptions> options)
    : IQueryHandler<GetFigureRecords, FigureRecordsDto>
{
    public async ValueTask<FigureRecordsDto> Handle(GetFigureRecords query, CancellationToken ct)
    {
        var filter = source.Scope(query.Filter);
        var figure = DashboardCalculator.Compute(await source.LoadAsync(filter, ct), options.Value.ToValuation()).Single(f => f.Key == query.Figure);
        var wanted = figure.Records.ToLookup(r => r.Type, r => r.Id);
        var names = new Dictionary<Guid, string>();
        async Task<string> NamesAsync(params Guid[] ids)
        {
            var missing = ids.Where(id => !names.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0)
                foreach (var o in await db.Organisations.AsNoTracking().Where(o => missing.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
                    names[o.Id] = o.Name;
            return string.Join(" — ", ids.Select(id => names.GetValueOrDefault(id, "")));
        }

        var records = new List<FigureRecordDto>();
        var agreementIds = wanted[RecordRef.Agreement].ToList();
        foreach (var a in await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id)).ToListAsync(ct))
            records.Add(new(RecordRef.Agreement, a.Id, a.RunsAsEntity ? "实体运作" : "协议合作", await NamesAsync(a.FirstPartyId, a.SecondPartyId), a.Id, null,
                CooperationAccess.Summary(a.Modes), null, null, CooperationNames.Of(a.Status), null, a.StartDate.ToDateTime(TimeOnly.MinValue)));
        var investmentIds = wanted[RecordRef.Investment].ToList();
        foreach (var i in await db.Investments.AsNoTracking().Where(i => investmentIds.Contains(i.Id)).ToListAsync(ct))
            records.Add(new(RecordRef.Investment, i.Id, $"资金 {i.ActualFunds} 元，设备 {i.EquipmentValue} 元，人员 {i.StaffHours} 小时", await NamesAsync(i.PartyOrganisationId),
                i.AgreementId, i.Year, "投入", i.StaffHours, i.ActualFunds + i.EquipmentValue, CooperationNames.Of(i.Status), i.DisputeCount, i.ReviewedAt));
        var outcomeIds = wanted[RecordRef.Outcome].ToList();
        foreach (var o in await db.Outcomes.AsNoTracking().Where(o => outcomeIds.Contains(o.Id)).ToListAsync(ct))
            records.Add(new(RecordRef.Outcome, o.Id, CooperationNames.Of(o.Kind), await NamesAsync(o.ReportedByOrganisationId), o.AgreementId, o.Year, o.Kind.ToString(),
                o.Quantity, o.ContractValue, CooperationNames.Of(o.Status), o.DisputeCount, o.ReviewedAt));
        var programmeIds = wanted[RecordRef.Programme].ToList();
        foreach (var p in await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.MajorCode, p.OrganisationId }).ToListAsync(ct))
            records.Add(new(RecordRef.Programme, p.Id, p.Name, await NamesAsync(p.OrganisationId), null, null, p.MajorCode, null, null, null, null, null));
        var demandIds = wanted[RecordRef.Demand].ToList();
        foreach (var d in await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id))
                     .Select(d => new { d.Id, d.Title, d.OrganisationId, d.OccupationCode, d.Headcount, d.Status, Opened = d.OpenedAt ?? d.CreatedAt }).ToListAsync(ct))
            records.Add(new(RecordRef.Demand, d.Id, d.Title, await NamesAsync(d.OrganisationId), null, d.Opened.Year, d.OccupationCode, d.Headcount, null, d.Status.ToString(), null, d.Opened));
        var proposalIds = wanted[RecordRef.Proposal].ToList();
        foreach (var p in await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToListAsync(ct))
            records.Add(new(RecordRef.Proposal, p.Id, CooperationAccess.Summary(p.Modes), await NamesAsync(p.FromOrganisationId, p.ToOrganisationId), p.AgreementId,
                p.CreatedAt.Year, null, null, null, CooperationNames.Of(p.Status), null, p.CreatedAt));
        var baseIds = wanted[RecordRef.TrainingBase].ToList();
        foreach (var b in await db.TrainingBases.AsNoTracking().Where(b => baseIds.Contains(b.Id)).Select(b => new { b.Id, b.Name, b.OrganisationId, b.CapacityHoursPerYear }).ToListAsync(ct))
            records.Add(new(RecordRef.TrainingBase, b.Id, b.Name, await NamesAsync(b.OrganisationId), null, null, null, b.CapacityHoursPerYear, null, null, null, null));

        var order = figure.Records.Select((r, i) => (r.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
        return new FigureRecordsDto(figure.Key, figure.Title, filter, [.. records.OrderBy(r => order[r.Id])]);
    }
}
