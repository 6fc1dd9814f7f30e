using System.Collections.Concurrent;
using System.Collections.Immutable;
using ChainLink.Application.Common;
using ChainLink.Application.Matching;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Matching;
using ChainLink.Infrastructure.Outbox;
using ChainLink.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Search;

/// <summary>
/// Programmes and open demands in memory, kept in step through the outbox: every change of a demand or programme writes
/// an outbox row in its own transaction, so a catch-up reads the rows past the last one applied (one indexed range read,
/// empty when nothing changed) and reloads just the entities they name. Every API instance does this against the shared
/// database, so a write through one instance is in the next match of every other.
/// </summary>
/// <remarks>
/// Two cases need more than "rows past the last id". SQL Server hands out identities before commit, so a row with a lower
/// id can become visible after a higher one: ids skipped over are remembered as gaps and read again until they appear or
/// are older than <see cref="GapTimeout"/> (rolled back, or an identity jump). And processed rows are deleted after
/// <see cref="OutboxOptions.Retention"/>: an instance that has not caught up for that long may have missed some, so it
/// loads everything again.
/// </remarks>
internal sealed class MatchProfileStore(IServiceScopeFactory scopes, ITaxonomyCache taxonomy, TimeProvider clock, IOptions<OutboxOptions> outbox)
    : IMatchProfileStore, IDisposable
{
    /// <summary>Longer than any write transaction lasts.</summary>
    private static readonly TimeSpan GapTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Margin for clocks of instances that do not quite agree.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>How many ids below the newest a fresh load treats as possibly still uncommitted.</summary>
    private const int InFlightWindow = 64;

    /// <summary>Above this many new rows, loading everything is cheaper than loading the entities one set at a time.</summary>
    private const int MaxIncrementalRows = 5_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private State? _state;
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Dispose() => _gate.Dispose();

    public StoredProgramme? Programme(Guid id) => Volatile.Read(ref _state)?.Programmes.GetValueOrDefault(id);

    public StoredDemand? OpenDemand(Guid id) => Volatile.Read(ref _state)?.Demands.GetValueOrDefault(id);

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (state is not null && !IsStale(state, now))
        {
            var mark = state.Mark;
            var rows = await RowsAfterAsync(db, mark, cancellationToken);
            if (!rows.Any(r => !mark.Seen(r.Id)) && !mark.HasExpiredGaps(now))
            {
                state.CheckedAt = now;
                return;
            }
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have applied the same rows, or loaded everything, while this one waited.
            state = Volatile.Read(ref _state);
            if (state is null || IsStale(state, now))
            {
                Volatile.Write(ref _state, await LoadAllAsync(db, now, cancellationToken));
                Interlocked.Increment(ref _version);
                return;
            }
            var rows = await RowsAfterAsync(db, state.Mark, cancellationToken);
            if (rows.Count > MaxIncrementalRows)
            {
                Volatile.Write(ref _state, await LoadAllAsync(db, now, cancellationToken));
                Interlocked.Increment(ref _version);
                return;
            }
            var fresh = rows.Where(r => !state.Mark.Seen(r.Id)).ToList();
            await ApplyAsync(db, state, fresh, cancellationToken);
            if (fresh.Count > 0) Interlocked.Increment(ref _version);
            state.Mark = state.Mark.After(fresh.Select(r => r.Id), now);
            state.CheckedAt = now;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsStale(State state, DateTimeOffset now) => now - state.CheckedAt >= outbox.Value.Retention - ClockSkew;

    private static async Task<List<OutboxRow>> RowsAfterAsync(AppDbContext db, Watermark mark, CancellationToken ct)
    {
        var from = mark.From;
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Id > from).OrderBy(m => m.Id)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.EntityId)).Take(MaxIncrementalRows + 1).ToListAsync(ct);
    }

    private async Task<State> LoadAllAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // The watermark is read first: a change committed while the rest loads is applied again by the next catch-up.
        var high = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, ct) ?? 0;
        var recent = await db.OutboxMessages.Where(m => m.Id > high - InFlightWindow).Select(m => m.Id).ToListAsync(ct);
        var gaps = Enumerable.Range(0, InFlightWindow).Select(i => high - i).Where(id => id > 0).Except(recent)
            .ToImmutableDictionary(id => id, _ => now);
        var programmes = new ConcurrentDictionary<Guid, StoredProgramme>(await LoadProgrammesAsync(db, null, ct));
        var demands = new ConcurrentDictionary<Guid, StoredDemand>(await LoadDemandsAsync(db, null, ct));
        return new State(programmes, demands, new Watermark(high, gaps), now);
    }

    private async Task ApplyAsync(AppDbContext db, State state, List<OutboxRow> rows, CancellationToken ct)
    {
        var programmeIds = rows.Where(r => r.Kind == SearchDocumentKind.Programme).Select(r => r.EntityId).Distinct().ToList();
        var demandIds = rows.Where(r => r.Kind == SearchDocumentKind.Demand).Select(r => r.EntityId).Distinct().ToList();
        if (programmeIds.Count > 0)
        {
            var loaded = await LoadProgrammesAsync(db, programmeIds, ct);
            foreach (var id in programmeIds)
                if (loaded.TryGetValue(id, out var programme)) state.Programmes[id] = programme;
                else state.Programmes.TryRemove(id, out _);
        }
        if (demandIds.Count > 0)
        {
            // Only open demands are loaded: one that closed, expired or was deleted leaves the store.
            var loaded = await LoadDemandsAsync(db, demandIds, ct);
            foreach (var id in demandIds)
                if (loaded.TryGetValue(id, out var demand)) state.Demands[id] = demand;
                else state.Demands.TryRemove(id, out _);
        }
    }

    private async Task<Dictionary<Guid, StoredProgramme>> LoadProgrammesAsync(AppDbContext db, List<Guid>? ids, CancellationToken ct)
    {
        var programmes = db.Programmes.AsNoTracking();
        if (ids is not null) programmes = programmes.Where(p => ids.Contains(p.Id));
        // Three flat reads instead of the aggregates: modules × skills and cohorts in one query would multiply.
        var rows = await programmes.Select(p => new { p.Id, p.OrganisationId, p.Name, p.MajorCode, p.Level, p.CampusRegionCode }).ToListAsync(ct);
        // Result selectors rather than nested projections: those would need SQL APPLY, which SQLite does not have.
        var skills = (await programmes.SelectMany(p => p.Modules, (p, m) => new { ProgrammeId = p.Id, Module = m })
            .SelectMany(x => x.Module.Skills, (x, s) => new
            {
                x.ProgrammeId, x.Module.Position, ModuleId = EF.Property<int>(x.Module, "Id"), Module = x.Module.Name, SkillId = EF.Property<int>(s, "Id"), s.SkillCode,
            })
            .ToListAsync(ct)).ToLookup(s => s.ProgrammeId);
        var cohorts = (await programmes.SelectMany(p => p.Cohorts, (p, c) => new { ProgrammeId = p.Id, c.Year, Graduates = c.Actual ?? c.Expected })
            .ToListAsync(ct)).ToLookup(c => c.ProgrammeId);
        return rows.ToDictionary(p => p.Id, p => new StoredProgramme(p.Id, p.OrganisationId, p.Name, p.MajorCode, p.Level, p.CampusRegionCode,
            MatchProfiles.Programme(
                // The modules in the college's order, as the aggregate keeps them (position, then the order they were stored in).
                skills[p.Id].OrderBy(s => s.Position).ThenBy(s => s.ModuleId).ThenBy(s => s.SkillId).Select(s => (s.SkillCode, s.Module)),
                p.CampusRegionCode, p.Level, cohorts[p.Id].OrderBy(c => c.Year).Select(c => (c.Year, c.Graduates)), taxonomy.RegionSeat)));
    }

    private async Task<Dictionary<Guid, StoredDemand>> LoadDemandsAsync(AppDbContext db, List<Guid>? ids, CancellationToken ct)
    {
        var demands = db.Demands.AsNoTracking().Where(d => d.Status == DemandStatus.Open);
        if (ids is not null) demands = demands.Where(d => ids.Contains(d.Id));
        var rows = await demands.Select(d => new { d.Id, d.OrganisationId, d.Title, d.OccupationCode, d.EducationLevel, d.Headcount, d.NeededBy, d.RegionCode })
            .ToListAsync(ct);
        var skills = (await demands.SelectMany(d => d.Skills, (d, s) => new { DemandId = d.Id, SkillId = EF.Property<int>(s, "Id"), s.SkillCode, s.Essential })
            .ToListAsync(ct)).ToLookup(s => s.DemandId);
        return rows.ToDictionary(d => d.Id, d => new StoredDemand(d.Id, d.OrganisationId, d.Title, d.OccupationCode, d.EducationLevel, d.Headcount,
            d.NeededBy, d.RegionCode,
            MatchProfiles.Demand(skills[d.Id].OrderBy(s => s.SkillId).Select(s => new WantedSkill(s.SkillCode, s.Essential)),
                d.RegionCode, d.EducationLevel, d.Headcount, d.NeededBy, taxonomy.RegionSeat)));
    }

    private sealed record OutboxRow(long Id, SearchDocumentKind Kind, Guid EntityId);

    /// <summary>Every outbox row up to <see cref="High"/> has been applied, except the <see cref="Gaps"/> (with when each was first missed).</summary>
    private sealed record Watermark(long High, ImmutableDictionary<long, DateTimeOffset> Gaps)
    {
        /// <summary>The catch-up reads rows after this id.</summary>
        public long From => Gaps.IsEmpty ? High : Gaps.Keys.Min() - 1;

        public bool Seen(long id) => id <= High && !Gaps.ContainsKey(id);

        public bool HasExpiredGaps(DateTimeOffset now) => Gaps.Values.Any(t => now - t > GapTimeout);

        public Watermark After(IEnumerable<long> applied, DateTimeOffset now)
        {
            var ids = applied.Order().ToList();
            var gaps = Gaps.ToBuilder();
            var high = High;
            foreach (var id in ids)
            {
                gaps.Remove(id);
                if (id <= high) continue;
                // Only ids just below a new one can belong to a write still in flight; a longer run of missing ids is
                // an identity jump or rows already purged.
                for (var skipped = Math.Max(high + 1, id - InFlightWindow); skipped < id; skipped++) gaps[skipped] = now;
                high = id;
            }
            foreach (var (id, since) in Gaps)
                if (now - since > GapTimeout) gaps.Remove(id);
            return new Watermark(high, gaps.ToImmutable());
        }
    }

    private sealed class State(
        ConcurrentDictionary<Guid, StoredProgramme> programmes, ConcurrentDictionary<Guid, StoredDemand> demands, Watermark mark, DateTimeOffset checkedAt)
    {
        public ConcurrentDictionary<Guid, StoredProgramme> Programmes { get; } = programmes;
        public ConcurrentDictionary<Guid, StoredDemand> Demands { get; } = demands;

        /// <summary>Replaced, never changed, and only under the store's gate.</summary>
        public Watermark Mark { get; set; } = mark;

        private long _checkedAt = checkedAt.UtcTicks;

        /// <summary>When the store last knew it had every change (requests write it without the gate).</summary>
        public DateTimeOffset CheckedAt
        {
            get => new(Interlocked.Read(ref _checkedAt), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _checkedAt, value.UtcTicks);
        }
    }
}
