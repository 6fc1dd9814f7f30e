using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure.Search;

namespace ChainLink.Infrastructure.Tests.Search;

public sealed class LuceneSearchIndexTests : IDisposable
{
    private readonly LuceneSearchIndex _index = LuceneSearchIndex.InMemory();

    public void Dispose() => _index.Dispose();

    private static readonly Guid Org = Guid.NewGuid();

    private static SearchDocument Programme(Guid id, long version, string text, string region = "150200",
        EducationLevel level = EducationLevel.HigherVocational, params string[] skills) =>
        new(SearchDocumentKind.Programme, id, version, Org, region, level, "430301", null, skills, text, Active: true);

    private static SearchDocumentChange Upsert(SearchDocument d) => new(d.Kind, d.Id, d.Version, d);

    private Task ApplyAsync(params SearchDocumentChange[] changes) => _index.ApplyAsync(changes, CancellationToken.None);

    private Task<IReadOnlyList<SearchCandidate>> SearchAsync(string? text, string[]? skills = null, SearchDocumentKind kind = SearchDocumentKind.Programme,
        EducationLevel[]? levels = null, string? region = null, int size = 20) =>
        _index.SearchAsync(new CandidateQuery(kind, skills ?? [], text, levels, region, size), CancellationToken.None);

    [Fact]
    public async Task Chinese_text_matches_on_bigrams_so_光伏_and_逆变器_find_their_documents()
    {
        Guid solar = Guid.NewGuid(), inverter = Guid.NewGuid(), welding = Guid.NewGuid();
        await ApplyAsync(
            Upsert(Programme(solar, 1, "光伏电站运维")),
            Upsert(Programme(inverter, 1, "熟悉逆变器检修")),
            Upsert(Programme(welding, 1, "焊接技术与自动化")));

        Assert.Equal([solar], (await SearchAsync("光伏")).Select(c => c.Id));
        Assert.Equal([inverter], (await SearchAsync("逆变器")).Select(c => c.Id));
        var both = await SearchAsync("招聘光伏电站运维，熟悉逆变器检修");
        Assert.Equal(new[] { inverter, solar }.Order(), both.Select(c => c.Id).Order());
        Assert.All(both, c => Assert.True(c.TextScore > 0));
        Assert.All(both, c => Assert.Equal(0, c.SharedSkills));
    }

    [Fact]
    public async Task Skill_codes_match_exactly_and_order_comes_before_text_relevance()
    {
        Guid two = Guid.NewGuid(), one = Guid.NewGuid(), textOnly = Guid.NewGuid();
        await ApplyAsync(
            Upsert(Programme(two, 1, "机电一体化", skills: ["SK0002", "SK0003"])),
            Upsert(Programme(one, 1, "光伏电站运维 光伏 光伏", skills: ["SK0002"])),
            Upsert(Programme(textOnly, 1, "光伏电站运维 光伏", skills: ["SK0099"])));

        var candidates = await SearchAsync("光伏", ["SK0002", "SK0003", "SK0004"]);

        Assert.Equal([two, one, textOnly], candidates.Select(c => c.Id));
        Assert.Equal([2, 1, 0], candidates.Select(c => c.SharedSkills));
        Assert.Equal(0, candidates[0].TextScore);
        Assert.True(candidates[1].TextScore > 0);
        Assert.Empty(await SearchAsync(null, ["SK0002"], kind: SearchDocumentKind.Demand));
    }

    [Fact]
    public async Task A_short_list_filled_by_skill_matches_gives_the_same_candidates_and_text_scores_as_a_long_one()
    {
        // With size 3, four documents share a skill, so only they are scored on text (the shortcut); with size 20 every
        // text match is scored. The first three must be the same, with the same BM25 scores (the shorter text of
        // docs[1] outscores docs[2]: BM25 normalises by length).
        var docs = new[]
        {
            Programme(Guid.NewGuid(), 1, "光伏 光伏 光伏 电站", skills: ["SK0002", "SK0003"]),
            Programme(Guid.NewGuid(), 1, "光伏 电站", skills: ["SK0002"]),
            Programme(Guid.NewGuid(), 1, "光伏 光伏 电站 运维", skills: ["SK0002"]),
            Programme(Guid.NewGuid(), 1, "焊接", skills: ["SK0002"]),
            Programme(Guid.NewGuid(), 1, "光伏 光伏 光伏 光伏 光伏", skills: ["SK0099"]),
        };
        await ApplyAsync(docs.Select(Upsert).ToArray());

        var shortList = await SearchAsync("光伏电站", ["SK0002", "SK0003"], size: 3);
        var longList = await SearchAsync("光伏电站", ["SK0002", "SK0003"], size: 20);

        Assert.Equal([docs[0].Id, docs[1].Id, docs[2].Id], shortList.Select(c => c.Id));
        Assert.Equal(longList.Take(3), shortList);
        Assert.Equal(5, longList.Count);
        Assert.Equal(docs[4].Id, longList[^1].Id);
    }

    [Fact]
    public async Task Equal_candidates_order_by_id_and_size_cuts_the_list()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        await ApplyAsync(ids.Select(id => Upsert(Programme(id, 1, "机电", skills: ["SK0002"]))).ToArray());

        var candidates = await SearchAsync(null, ["SK0002"], size: 3);

        Assert.Equal(ids.Select(i => i.ToString("D")).Order(StringComparer.Ordinal).Take(3), candidates.Select(c => c.Id.ToString("D")));
    }

    [Fact]
    public async Task Filters_keep_only_active_documents_of_the_kind_level_and_region_asked()
    {
        Guid baotou = Guid.NewGuid(), bachelor = Guid.NewGuid(), beijing = Guid.NewGuid(), closed = Guid.NewGuid();
        await ApplyAsync(
            Upsert(Programme(baotou, 1, "光伏", region: "150200", skills: ["SK0002"])),
            Upsert(Programme(bachelor, 1, "光伏", region: "150200", level: EducationLevel.VocationalBachelor, skills: ["SK0002"])),
            Upsert(Programme(beijing, 1, "光伏", region: "110000", skills: ["SK0002"])),
            Upsert(new SearchDocument(SearchDocumentKind.Demand, closed, 1, Org, "150200", EducationLevel.HigherVocational, null, "5-05-03-03",
                ["SK0002"], "光伏", Active: false)));

        Assert.Equal([baotou], (await SearchAsync("光伏", ["SK0002"], levels: [EducationLevel.HigherVocational], region: "15")).Select(c => c.Id));
        Assert.Equal(3, (await SearchAsync("光伏")).Count);
        Assert.Empty(await SearchAsync("光伏", kind: SearchDocumentKind.Demand));
    }

    [Fact]
    public async Task An_older_version_never_replaces_a_newer_one_and_reapplying_changes_nothing()
    {
        var id = Guid.NewGuid();
        var v2 = Upsert(Programme(id, 2, "焊接", skills: ["SK0050"]));
        await ApplyAsync(v2);
        await ApplyAsync(Upsert(Programme(id, 1, "光伏", skills: ["SK0002"])));
        await ApplyAsync(v2);

        Assert.Empty(await SearchAsync("光伏", ["SK0002"]));
        Assert.Equal([id], (await SearchAsync("焊接", ["SK0050"])).Select(c => c.Id));
    }

    [Fact]
    public async Task A_removal_is_not_undone_by_a_late_older_upsert_but_a_newer_one_restores()
    {
        var id = Guid.NewGuid();
        await ApplyAsync(Upsert(Programme(id, 1, "光伏", skills: ["SK0002"])), new SearchDocumentChange(SearchDocumentKind.Programme, id, 2, null));
        Assert.Empty(await SearchAsync("光伏", ["SK0002"]));

        await ApplyAsync(Upsert(Programme(id, 2, "光伏", skills: ["SK0002"])));
        Assert.Empty(await SearchAsync("光伏", ["SK0002"]));

        await ApplyAsync(Upsert(Programme(id, 3, "光伏", skills: ["SK0002"])));
        Assert.Equal([id], (await SearchAsync("光伏", ["SK0002"])).Select(c => c.Id));
    }

    [Fact]
    public async Task Clear_empties_the_index_and_forgets_versions()
    {
        var id = Guid.NewGuid();
        await ApplyAsync(Upsert(Programme(id, 5, "光伏")));
        await _index.ClearAsync(CancellationToken.None);
        Assert.Empty(await SearchAsync("光伏"));

        await ApplyAsync(Upsert(Programme(id, 1, "光伏")));
        Assert.Single(await SearchAsync("光伏"));
    }

    [Fact]
    public async Task Versions_survive_a_reopen_and_a_second_writer_on_the_folder_is_unavailable()
    {
        var path = Path.Combine(Path.GetTempPath(), "chainlink-tests", "index-" + Guid.NewGuid().ToString("N"));
        var id = Guid.NewGuid();
        using (var first = new LuceneSearchIndex(path))
        {
            await first.ApplyAsync([Upsert(Programme(id, 3, "焊接"))], CancellationToken.None);
            using var second = new LuceneSearchIndex(path);
            await Assert.ThrowsAsync<SearchUnavailableException>(() => second.EnsureCreatedAsync(CancellationToken.None));
        }
        using var reopened = new LuceneSearchIndex(path);
        await reopened.ApplyAsync([Upsert(Programme(id, 2, "光伏"))], CancellationToken.None);
        var query = new CandidateQuery(SearchDocumentKind.Programme, [], "焊接", null, null, 10);
        Assert.Equal([id], (await reopened.SearchAsync(query, CancellationToken.None)).Select(c => c.Id));
        Directory.Delete(path, recursive: true);
    }
}
