using System.Globalization;
using System.Text;
using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChainLink.Infrastructure.Search;

/// <summary>
/// The embedded search index: Lucene.NET on disk (or in memory for tests and benchmarks). One writer per process
/// (Lucene's write lock enforces it), readers through a <see cref="SearcherManager"/>; BM25 scoring and CJK bigrams
/// so that Elasticsearch's built-in <c>cjk</c> analyser finds the same candidates.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Lucene's default BooleanQuery limit; the text part of a query keeps its first tokens up to it.</summary>
    private const int MaxTextClauses = 1024;

    private static class Field
    {
        public const string Key = "key";
        public const string Id = "id";
        public const string Kind = "kind";
        public const string Active = "active";
        public const string Level = "level";
        public const string Region = "region";
        public const string Skill = "skill";
        public const string Text = "text";
        public const string Version = "version";
    }

    private readonly Func<LuceneDirectory> _openDirectory;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly System.Threading.Lock _openGate = new();
    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly BM25Similarity _similarity = new();
    private State? _state;
    private bool _disposed;

    /// <summary>
    /// The version of every document (removals stay as inactive tombstones), so an older change never replaces a newer
    /// one. The process's single writer owns the index, so this map is the truth once loaded at open.
    /// </summary>
    private sealed record State(LuceneDirectory Directory, IndexWriter Writer, SearcherManager Searchers, Dictionary<string, long> Versions);

    public LuceneSearchIndex(string path) : this(() => FSDirectory.Open(path)) { }

    private LuceneSearchIndex(Func<LuceneDirectory> openDirectory) => _openDirectory = openDirectory;

    /// <summary>An index that lives in memory only (tests, benchmarks).</summary>
    public static LuceneSearchIndex InMemory() => new(() => new RAMDirectory());

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        _ = Open();
        return Task.CompletedTask;
    }

    public async Task ApplyAsync(IReadOnlyList<SearchDocumentChange> changes, CancellationToken cancellationToken)
    {
        var state = Open();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Guard(() =>
            {
                var applied = 0;
                foreach (var change in changes)
                {
                    var key = KeyOf(change.Kind, change.Id);
                    if (state.Versions.TryGetValue(key, out var current) && change.Version <= current) continue;
                    state.Writer.UpdateDocument(new Term(Field.Key, key), change.Document is { } document
                        ? ToLucene(key, document, change.Version)
                        : Tombstone(key, change.Kind, change.Id, change.Version));
                    state.Versions[key] = change.Version;
                    applied++;
                }
                if (applied == 0) return;
                state.Writer.Commit();
                state.Searchers.MaybeRefreshBlocking();
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var state = Open();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Guard(() =>
            {
                state.Writer.DeleteAll();
                state.Writer.Commit();
                state.Versions.Clear();
                state.Searchers.MaybeRefreshBlocking();
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task<IReadOnlyList<SearchCandidate>> SearchAsync(CandidateQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Size, 1);
        var state = Open();
        return Task.FromResult(Guard(() =>
        {
            var searcher = state.Searchers.Acquire();
            try
            {
                return (IReadOnlyList<SearchCandidate>)Search(searcher, query);
            }
            finally
            {
                state.Searchers.Release(searcher);
            }
        }));
    }

    private List<SearchCandidate> Search(IndexSearcher searcher, CandidateQuery query)
    {
        var filter = new QueryWrapperFilter(FilterOf(query));
        var hits = new Dictionary<int, Hit>();

        var skills = query.SkillCodes.Distinct(StringComparer.Ordinal).ToList();
        if (skills.Count > 0)
        {
            // Each shared code scores exactly 1 (constant score; BM25's query norm and coord are 1), so the sum is the count.
            var skillQuery = new BooleanQuery(disableCoord: true);
            foreach (var code in skills) skillQuery.Add(new ConstantScoreQuery(new TermQuery(new Term(Field.Skill, code))), Occur.SHOULD);
            searcher.Search(skillQuery, filter, new HitCollector(hits, text: false));
        }

        var tokens = Tokens(query.Text);
        if (tokens.Count > 0)
        {
            var textQuery = new BooleanQuery();
            foreach (var token in tokens) textQuery.Add(new TermQuery(new Term(Field.Text, token)), Occur.SHOULD);
            searcher.Search(textQuery, filter, new HitCollector(hits, text: true));
        }

        var ordered = hits.Values.ToArray();
        Array.Sort(ordered, static (a, b) =>
            b.Shared != a.Shared ? b.Shared.CompareTo(a.Shared)
            : b.TextScore != a.TextScore ? b.TextScore.CompareTo(a.TextScore)
            : string.CompareOrdinal(a.Id, b.Id));
        return ordered.Take(query.Size).Select(h => new SearchCandidate(Guid.Parse(h.Id), h.TextScore, h.Shared)).ToList();
    }

    private static BooleanQuery FilterOf(CandidateQuery query)
    {
        var filter = new BooleanQuery
        {
            { new TermQuery(new Term(Field.Kind, query.Kind.ToString())), Occur.MUST },
            { new TermQuery(new Term(Field.Active, "true")), Occur.MUST },
        };
        if (query.Levels is { } levels)
        {
            var anyLevel = new BooleanQuery();
            foreach (var level in levels) anyLevel.Add(new TermQuery(new Term(Field.Level, LevelTerm(level))), Occur.SHOULD);
            filter.Add(anyLevel, Occur.MUST);
        }
        if (!string.IsNullOrEmpty(query.RegionPrefix)) filter.Add(new PrefixQuery(new Term(Field.Region, query.RegionPrefix)), Occur.MUST);
        return filter;
    }

    /// <summary>The query text as the index analysed documents: CJK bigrams, lower-cased Latin words, English stop words dropped.</summary>
    private List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return tokens;
        using var stream = _analyzer.GetTokenStream(Field.Text, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (tokens.Count < MaxTextClauses && stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    private static Document ToLucene(string key, SearchDocument d, long version)
    {
        var document = Common(key, d.Kind, d.Id, version, d.Active);
        document.Add(new StringField(Field.Level, LevelTerm(d.Level), Lucene.Net.Documents.Field.Store.NO));
        document.Add(new StringField(Field.Region, d.RegionCode, Lucene.Net.Documents.Field.Store.NO));
        foreach (var code in d.SkillCodes.Distinct(StringComparer.Ordinal))
            document.Add(new StringField(Field.Skill, code, Lucene.Net.Documents.Field.Store.NO));
        document.Add(new TextField(Field.Text, d.Text, Lucene.Net.Documents.Field.Store.NO));
        return document;
    }

    /// <summary>A removed document stays as an inactive entry carrying its version, so a late older upsert cannot revive it.</summary>
    private static Document Tombstone(string key, SearchDocumentKind kind, Guid id, long version) => Common(key, kind, id, version, active: false);

    private static Document Common(string key, SearchDocumentKind kind, Guid id, long version, bool active) =>
    [
        new StringField(Field.Key, key, Lucene.Net.Documents.Field.Store.NO),
        new BinaryDocValuesField(Field.Key, new BytesRef(key)),
        new BinaryDocValuesField(Field.Id, new BytesRef(id.ToString("D"))),
        new NumericDocValuesField(Field.Version, version),
        new StringField(Field.Kind, kind.ToString(), Lucene.Net.Documents.Field.Store.NO),
        new StringField(Field.Active, active ? "true" : "false", Lucene.Net.Documents.Field.Store.NO),
    ];

    private static string KeyOf(SearchDocumentKind kind, Guid id) => $"{kind}:{id:D}";

    private static string LevelTerm(EducationLevel level) => ((int)level).ToString(CultureInfo.InvariantCulture);

    private State Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_state is { } state) return state;
        lock (_openGate)
        {
            return _state ??= Guard(() =>
            {
                var directory = _openDirectory();
                try
                {
                    var config = new IndexWriterConfig(Version, _analyzer) { Similarity = _similarity, OpenMode = OpenMode.CREATE_OR_APPEND };
                    var writer = new IndexWriter(directory, config);
                    var searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory(_similarity));
                    return new State(directory, writer, searchers, LoadVersions(writer));
                }
                catch
                {
                    directory.Dispose();
                    throw;
                }
            });
        }
    }

    private static Dictionary<string, long> LoadVersions(IndexWriter writer)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        var key = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var keys = leaf.AtomicReader.GetBinaryDocValues(Field.Key);
            var numbers = leaf.AtomicReader.GetNumericDocValues(Field.Version);
            var live = leaf.AtomicReader.LiveDocs;
            if (keys is null || numbers is null) continue;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                keys.Get(doc, key);
                versions[key.Utf8ToString()] = numbers.Get(doc);
            }
        }
        return versions;
    }

    /// <summary>Turns the index's I/O and lock failures into the port's "unavailable" (503), never a 500.</summary>
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new SearchUnavailableException($"The search index cannot be used: {e.Message}", e);
        }
    }

    private static void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    public void Dispose()
    {
        lock (_openGate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_state is { } state)
            {
                state.Searchers.Dispose();
                state.Writer.Dispose();
                state.Directory.Dispose();
            }
            _analyzer.Dispose();
            _writeGate.Dispose();
        }
    }

    private sealed class Hit(string id)
    {
        public string Id { get; } = id;
        public int Shared { get; set; }
        public double TextScore { get; set; }
    }

    /// <summary>Collects every hit of one part of the query (skills or text) with that part's score alone.</summary>
    private sealed class HitCollector(Dictionary<int, Hit> hits, bool text) : ICollector
    {
        private readonly BytesRef _id = new();
        private Scorer? _scorer;
        private BinaryDocValues? _ids;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            _docBase = context.DocBase;
            _ids = context.AtomicReader.GetBinaryDocValues(Field.Id);
        }

        public void Collect(int doc)
        {
            var score = _scorer!.GetScore();
            if (!hits.TryGetValue(_docBase + doc, out var hit))
            {
                _ids!.Get(doc, _id);
                hit = new Hit(Encoding.ASCII.GetString(_id.Bytes, _id.Offset, _id.Length));
                hits.Add(_docBase + doc, hit);
            }
            if (text) hit.TextScore = score;
            else hit.Shared = (int)Math.Round(score);
        }
    }

    private sealed class Bm25SearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}
