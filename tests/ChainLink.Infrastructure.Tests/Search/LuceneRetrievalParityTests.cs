using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure.Search;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChainLink.Infrastructure.Tests.Search;

/// <summary>
/// The index answers from postings it keeps in memory and scores text itself; this proves it returns what Lucene's own
/// query execution returns on the same index files: every matching document, each with the score of a BM25 boolean
/// query of its terms, in the contract's order (shared skills, text score, id), for lists cut short by skill matches
/// (text scored only for contenders) and lists that need a full text pass, over several segments with updates,
/// removals and a level filter.
/// </summary>
public sealed class LuceneRetrievalParityTests : IDisposable
{
    private static readonly string[] Words =
        ["光伏", "电站", "运维", "逆变器", "检修", "焊接", "机器人", "数控", "机床", "编程", "电气", "自动化", "储能", "电池", "新能源", "汽车", "装配", "质量", "检测", "安全"];

    private readonly string _path = Path.Combine(Path.GetTempPath(), "chainlink-tests", "parity-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path)) System.IO.Directory.Delete(_path, recursive: true);
    }

    [Fact]
    public async Task Candidates_and_text_scores_are_those_of_lucenes_own_query_execution()
    {
        var random = new Random(20261125);
        var org = Guid.NewGuid();
        string Text() => string.Join(random.Next(3) == 0 ? " " : "", Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]));
        string[] Skills() => Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"SK{random.Next(1, 15):D4}").ToArray();
        SearchDocument Programme(Guid id, long version) => new(SearchDocumentKind.Programme, id, version, org, "150200",
            random.Next(4) == 0 ? EducationLevel.VocationalBachelor : EducationLevel.HigherVocational, "430301", null, Skills(), Text(), Active: true);

        using var index = new LuceneSearchIndex(_path);
        var ids = Enumerable.Range(0, 400).Select(_ => Guid.NewGuid()).ToList();
        foreach (var batch in ids.Chunk(100))
            await index.ApplyAsync(batch.Select(id => Change(Programme(id, 1))).ToList(), CancellationToken.None);
        await index.ApplyAsync(ids.Take(40).Select(id => Change(Programme(id, 2))).ToList(), CancellationToken.None);
        await index.ApplyAsync(ids.Skip(40).Take(20).Select(id => new SearchDocumentChange(SearchDocumentKind.Programme, id, 2, null)).ToList(), CancellationToken.None);

        using var directory = FSDirectory.Open(Path.Combine(_path, "programme"));
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };

        var fullPasses = 0;
        var cutShort = 0;
        for (var q = 0; q < 60; q++)
        {
            var skills = Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"SK{random.Next(1, 15):D4}").ToArray();
            var text = q % 10 == 9 ? null : Text();
            var size = new[] { 3, 10, 50, 100 }[q % 4];
            EducationLevel[]? levels = q % 3 == 0 ? [EducationLevel.HigherVocational] : null;

            var actual = await index.SearchAsync(new CandidateQuery(SearchDocumentKind.Programme, skills, text, levels, null, size), CancellationToken.None);
            var expected = Reference(searcher, skills, text, levels);

            Assert.Equal(expected.Take(size).Select(c => (c.Id, c.SharedSkills, c.TextScore)), actual.Select(c => (c.Id, c.SharedSkills, c.TextScore)));
            if (expected.Count(c => c.SharedSkills > 0) >= size) cutShort++;
            else if (text is not null) fullPasses++;
        }
        Assert.True(fullPasses >= 10 && cutShort >= 10, $"both regimes exercised: {fullPasses} full passes, {cutShort} cut short");
    }

    private static SearchDocumentChange Change(SearchDocument d) => new(d.Kind, d.Id, d.Version, d);

    /// <summary>The contract computed with Lucene's queries on the index's fields (skill, text, active, level, id).</summary>
    private static List<SearchCandidate> Reference(IndexSearcher searcher, string[] skills, string? text, EducationLevel[]? levels)
    {
        var filter = new BooleanQuery { { new TermQuery(new Term("active", "true")), Occur.MUST } };
        if (levels is not null)
        {
            var anyLevel = new BooleanQuery();
            foreach (var level in levels) anyLevel.Add(new TermQuery(new Term("level", ((int)level).ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.SHOULD);
            filter.Add(anyLevel, Occur.MUST);
        }
        var accepted = new QueryWrapperFilter(filter);

        var shared = new Dictionary<int, int>();
        foreach (var code in skills.Distinct())
            foreach (var hit in searcher.Search(new TermQuery(new Term("skill", code)), accepted, int.MaxValue / 2).ScoreDocs)
                shared[hit.Doc] = shared.GetValueOrDefault(hit.Doc) + 1;

        var scores = new Dictionary<int, float>();
        var tokens = Tokens(text);
        if (tokens.Count > 0)
        {
            var query = new BooleanQuery();
            foreach (var group in tokens.GroupBy(t => t).OrderBy(g => tokens.IndexOf(g.Key)))
                query.Add(new TermQuery(new Term("text", group.Key)) { Boost = group.Count() }, Occur.SHOULD);
            foreach (var hit in searcher.Search(query, accepted, int.MaxValue / 2).ScoreDocs) scores[hit.Doc] = hit.Score;
        }

        var leaves = searcher.IndexReader.Leaves;
        string IdOf(int doc)
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            var bytes = new BytesRef();
            leaf.AtomicReader.GetBinaryDocValues("id").Get(doc - leaf.DocBase, bytes);
            return bytes.Utf8ToString();
        }
        return shared.Keys.Union(scores.Keys)
            .Select(doc => (Id: IdOf(doc), Shared: shared.GetValueOrDefault(doc), Text: scores.GetValueOrDefault(doc)))
            .OrderByDescending(c => c.Shared).ThenByDescending(c => c.Text).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new SearchCandidate(Guid.Parse(c.Id), c.Text, c.Shared))
            .ToList();
    }

    private static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (text is null) return tokens;
        using var analyzer = new CJKAnalyzer(LuceneVersion.LUCENE_48);
        using var stream = analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}
