using ChainLink.Application.Skills;
using ChainLink.Domain.Reference;
using Microsoft.Extensions.DependencyInjection;

namespace ChainLink.Application.Tests.Skills;

public sealed class SkillDictionaryProviderTests
{
    private sealed class FakeVocabulary : ISkillVocabularySource
    {
        public List<Skill> Skills { get; } = [new Skill { Code = "SK0073", NameZh = "PLC编程", NameEn = "PLC programming" }];
        public int Loads { get; private set; }

        public Task<IReadOnlyList<Skill>> LoadSkillsAsync(CancellationToken ct)
        {
            Loads++;
            return Task.FromResult<IReadOnlyList<Skill>>(Skills);
        }
    }

    [Fact]
    public async Task Dictionary_is_built_once_and_rebuilt_after_invalidation()
    {
        var vocabulary = new FakeVocabulary();
        await using var services = new ServiceCollection().AddScoped<ISkillVocabularySource>(_ => vocabulary).BuildServiceProvider();
        using var provider = new SkillDictionaryProvider(services.GetRequiredService<IServiceScopeFactory>());

        var first = await provider.GetAsync(CancellationToken.None);
        vocabulary.Skills[0].Aliases.Add(new SkillAlias { SkillCode = "SK0073", Text = "可编程逻辑控制器" });
        var cached = await provider.GetAsync(CancellationToken.None);
        provider.Invalidate();
        var rebuilt = await provider.GetAsync(CancellationToken.None);

        Assert.Same(first, cached);
        Assert.Empty(cached.Extract("可编程逻辑控制器").Hits);
        Assert.Equal("SK0073", Assert.Single(rebuilt.Extract("可编程逻辑控制器").Hits).SkillCode);
        Assert.Equal(2, vocabulary.Loads);
    }
}
