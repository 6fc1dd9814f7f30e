using ChainLink.Application.Skills;
using ChainLink.Infrastructure.Seed;

namespace ChainLink.Application.Tests.Skills;

/// <summary>The dictionary built from the seed skills.csv (copied next to the test assembly), built once for all tests.</summary>
internal static class SeedDictionary
{
    private static readonly Lazy<SkillDictionary> Built = new(() =>
        SkillDictionary.Build(new SeedFiles(Path.Combine(AppContext.BaseDirectory, "seed")).Skills()));

    public static SkillDictionary Instance => Built.Value;
}
