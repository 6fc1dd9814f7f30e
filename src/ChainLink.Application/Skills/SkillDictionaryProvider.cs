using ChainLink.Domain.Reference;
using Microsoft.Extensions.DependencyInjection;

namespace ChainLink.Application.Skills;

/// <summary>Port: the skills with their aliases, as the database holds them now.</summary>
public interface ISkillVocabularySource
{
    Task<IReadOnlyList<Skill>> LoadSkillsAsync(CancellationToken ct);
}

/// <summary>The current <see cref="SkillDictionary"/>; <see cref="Invalidate"/> after names or aliases change and the next caller gets a rebuilt one.</summary>
public interface ISkillDictionaryProvider
{
    ValueTask<SkillDictionary> GetAsync(CancellationToken ct);
    void Invalidate();
}

/// <summary>
/// Builds the dictionary on first use and keeps it until invalidated. An invalidation that lands while a
/// build is running bumps the generation, so that build's result is not mistaken for current.
/// </summary>
internal sealed class SkillDictionaryProvider(IServiceScopeFactory scopes) : ISkillDictionaryProvider, IDisposable
{
    private sealed record Built(SkillDictionary Dictionary, int Generation);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Built? _built;
    private int _generation;

    public async ValueTask<SkillDictionary> GetAsync(CancellationToken ct)
    {
        var built = Volatile.Read(ref _built);
        if (built is not null && built.Generation == Volatile.Read(ref _generation)) return built.Dictionary;
        await _gate.WaitAsync(ct);
        try
        {
            var generation = Volatile.Read(ref _generation);
            built = _built;
            if (built is not null && built.Generation == generation) return built.Dictionary;
            await using var scope = scopes.CreateAsyncScope();
            var skills = await scope.ServiceProvider.GetRequiredService<ISkillVocabularySource>().LoadSkillsAsync(ct);
            built = new Built(SkillDictionary.Build(skills), generation);
            Volatile.Write(ref _built, built);
            return built.Dictionary;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose() => _gate.Dispose();
}
