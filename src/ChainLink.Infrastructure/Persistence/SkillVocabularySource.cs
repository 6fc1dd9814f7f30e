using ChainLink.Application.Skills;
using ChainLink.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Infrastructure.Persistence;

internal sealed class SkillVocabularySource(AppDbContext db) : ISkillVocabularySource
{
    public async Task<IReadOnlyList<Skill>> LoadSkillsAsync(CancellationToken ct) =>
        await db.Skills.AsNoTracking().Include(s => s.Aliases).OrderBy(s => s.Code).ToListAsync(ct);
}
