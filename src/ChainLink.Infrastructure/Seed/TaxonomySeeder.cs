using ChainLink.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Infrastructure.Seed;

/// <summary>Loads the taxonomy from seed/: inserts what the database lacks, so a second start adds nothing.</summary>
public static class TaxonomySeeder
{
    public static async Task<int> SeedAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        // Tens of thousands of new rows, each added once and never changed: scanning them all for changes at every
        // save is what made a first start slow.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SeedRowsAsync(db, files, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static async Task<int> SeedRowsAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var added = 0;
        added += await AddMissingAsync(db, db.Regions, files.Regions(), r => r.Code, ct);
        added += await AddMissingAsync(db, db.MajorCategories, files.MajorCategories(), c => c.Code, ct);
        added += await AddMissingAsync(db, db.Majors, files.Majors(), m => m.Code, ct);
        added += await AddMissingAsync(db, db.Occupations, files.Occupations(), o => o.Code, ct);
        added += await AddMissingAsync(db, db.Clusters, files.Clusters(), c => c.Code, ct);

        var skills = files.Skills();
        var knownSkills = (await db.Skills.Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var knownAliases = (await db.SkillAliases.Select(a => new { a.SkillCode, a.Text }).ToListAsync(ct))
            .Select(a => (a.SkillCode, a.Text)).ToHashSet();
        foreach (var skill in skills)
        {
            if (knownSkills.Add(skill.Code))
            {
                db.Skills.Add(skill);
                added += 1 + skill.Aliases.Count;
                continue;
            }
            foreach (var alias in skill.Aliases.Where(a => knownAliases.Add((a.SkillCode, a.Text))))
            {
                db.SkillAliases.Add(alias);
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        added += await AddMissingAsync(db, db.MajorSkills, files.MajorSkills(), l => (l.MajorCode, l.SkillCode), ct);
        added += await AddMissingAsync(db, db.OccupationSkills, files.OccupationSkills(), l => (l.OccupationCode, l.SkillCode), ct);
        added += await AddMissingAsync(db, db.MajorOccupations, files.MajorOccupations(), l => (l.MajorCode, l.OccupationCode), ct);
        added += await AddMissingAsync(db, db.ClusterRegions, files.ClusterRegions(), l => (l.ClusterCode, l.RegionCode), ct);
        added += await AddMissingAsync(db, db.ClusterOccupations, files.ClusterOccupations(), l => (l.ClusterCode, l.OccupationCode), ct);
        added += await AddMissingAsync(db, db.ClusterMajors, files.ClusterMajors(), l => (l.ClusterCode, l.MajorCode), ct);
        return added;
    }

    private static async Task<int> AddMissingAsync<T, TKey>(AppDbContext db, DbSet<T> set, IReadOnlyList<T> rows, Func<T, TKey> key, CancellationToken ct)
        where T : class
    {
        var existing = (await set.AsNoTracking().ToListAsync(ct)).Select(key).ToHashSet();
        var missing = rows.Where(r => existing.Add(key(r))).ToList();
        if (missing.Count == 0) return 0;
        set.AddRange(missing);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return missing.Count;
    }
}
