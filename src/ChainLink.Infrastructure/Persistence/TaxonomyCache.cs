using System.Collections.Frozen;
using ChainLink.Application.Common;
using ChainLink.Domain.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChainLink.Infrastructure.Persistence;

/// <summary>Loads the reference tables once into frozen dictionaries; <see cref="Invalidate"/> drops them.</summary>
internal sealed class TaxonomyCache(IServiceScopeFactory scopes) : ITaxonomyCache
{
    private sealed record Snapshot(
        FrozenDictionary<string, string> Regions,
        FrozenDictionary<string, string> Occupations,
        FrozenSet<string> LeafOccupations,
        FrozenDictionary<string, string> Majors,
        FrozenDictionary<string, string> Skills,
        FrozenDictionary<string, string> Clusters,
        FrozenDictionary<string, GeoPoint> RegionSeats,
        FrozenDictionary<string, string> SkillParents);

    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    public string? RegionName(string code) => Lookup(Current.Regions, code);
    public string? OccupationName(string code) => Lookup(Current.Occupations, code);
    public string? MajorName(string code) => Lookup(Current.Majors, code);
    public string? SkillName(string code) => Lookup(Current.Skills, code);
    public string? ClusterName(string code) => Lookup(Current.Clusters, code);
    public bool IsLeafOccupation(string code) => code is not null && Current.LeafOccupations.Contains(code);
    public GeoPoint? RegionSeat(string code) => code is not null && Current.RegionSeats.TryGetValue(code, out var seat) ? seat : null;
    public string? ParentOf(string skillCode) => Lookup(Current.SkillParents, skillCode);

    public void Invalidate()
    {
        lock (_gate) _snapshot = null;
    }

    private static string? Lookup(FrozenDictionary<string, string> map, string? code) =>
        code is not null && map.TryGetValue(code, out var name) ? name : null;

    private Snapshot Current
    {
        get
        {
            var snapshot = _snapshot;
            if (snapshot is not null) return snapshot;
            lock (_gate)
            {
                return _snapshot ??= Load();
            }
        }
    }

    private Snapshot Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var occupations = db.Occupations.AsNoTracking().Select(o => new { o.Code, o.Name, o.Level }).ToList();
        var regions = db.Regions.AsNoTracking().ToList();
        var skills = db.Skills.AsNoTracking().Select(s => new { s.Code, s.NameZh, s.ParentCode }).ToList();
        return new Snapshot(
            regions.ToFrozenDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal),
            occupations.ToFrozenDictionary(o => o.Code, o => o.Name, StringComparer.Ordinal),
            occupations.Where(o => o.Level == "细类").Select(o => o.Code).ToFrozenSet(StringComparer.Ordinal),
            db.Majors.AsNoTracking().ToFrozenDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal),
            skills.ToFrozenDictionary(s => s.Code, s => s.NameZh, StringComparer.Ordinal),
            db.Clusters.AsNoTracking().ToFrozenDictionary(c => c.Code, c => c.NameZh, StringComparer.Ordinal),
            regions.ToFrozenDictionary(r => r.Code, r => new GeoPoint(r.Longitude, r.Latitude), StringComparer.Ordinal),
            skills.Where(s => s.ParentCode is not null).ToFrozenDictionary(s => s.Code, s => s.ParentCode!, StringComparer.Ordinal));
    }
}
