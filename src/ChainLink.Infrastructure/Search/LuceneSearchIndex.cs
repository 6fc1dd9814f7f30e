using System.Collections.Concurrent;
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
/// The embedded search index: Lucene.NET on disk (or in memory for tests and benchmarks), one index per kind so that
/// a programme query never walks the postings of 200,000 demands. One writer per index per process (Lucene's write
/// lock enforces it), readers through a <see cref="SearcherManager"/>; BM25 scoring and CJK bigrams so that
/// Elasticsearch's built-in <c>cjk</c> analyser finds the same candidates.
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
        public const string Active = "active";
        public const string Level = "level";
        public const string Region = "region";
        public const string Skill = "skill";
        public const string Text = "text";
        public const string Version = "version";
    }

    private readonly Func<SearchDocumentKind, LuceneDirectory> _openDirectory;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly System.Threading.Lock _openGate = new();
    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly BM25Similarity _similarity = new();
    private Dictionary<SearchDocumentKind, Shard>? _shards;
    private bool _disposed;

    /// <summary>
    /// One kind's index. <see cref="Versions"/> holds the version of every document (removals stay as inactive
    /// tombstones), so an older change never replaces a newer one; the process's single writer owns the index, so the
    /// map is the truth once loaded at open. Filters are cached per segment, so a repeated filter costs a bitset lookup.
    /// </summary>
    private sealed record Shard(LuceneDirectory Directory, IndexWriter Writer, SearcherManager Searchers, Dictionary<string, long> Versions,
        ConcurrentDictionary<string, Filter> Filters);

    /// <param name="path">The index folder; each kind gets a subfolder.</param>
    public LuceneSearchIndex(string path) : this(kind => FSDirectory.Open(Path.Combine(path, kind.ToString().ToLowerInvariant()))) { }

    private LuceneSearchIndex(Func<SearchDocumentKind, LuceneDirectory> openDirectory) => _openDirectory = openDirectory;

    /// <summary>An index that lives in memory only (tests).</summary>
    public static LuceneSearchIndex InMemory() => new(_ => new RAMDirectory());

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        _ = Open();
        return Task.CompletedTask;
    }

    public async Task ApplyAsync(IReadOnlyList<SearchDocumentChange> changes, CancellationToken cancellationToken)
    {
        var shards = Open();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Guard(() =>
            {
                var touched = new HashSet<Shard>();
                foreach (var change in changes)
                {
                    var shard = shards[change.Kind];
                    var key = change.Id.ToString("D");
                    if (shard.Versions.TryGetValue(key, out var current) && change.Version <= current) continue;
                    shard.Writer.UpdateDocument(new Term(Field.Key, key), change.Document is { } document
                        ? ToLucene(key, document, change.Version)
                        : Common(key, change.Version, active: false));
                    shard.Versions[key] = change.Version;
                    touched.Add(shard);
                }
                foreach (var shard in touched)
                {
                    shard.Writer.Commit();
                    shard.Searchers.MaybeRefreshBlocking();
                }
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var shards = Open();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Guard(() =>
            {
                foreach (var shard in shards.Values)
                {
                    shard.Writer.DeleteAll();
                    shard.Writer.Commit();
                    shard.Versions.Clear();
                    shard.Searchers.MaybeRefreshBlocking();
                }
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
        var shard = Open()[query.Kind];
        return Task.FromResult(Guard(() =>
        {
            var searcher = shard.Searchers.Acquire();
            try
            {
                return (IReadOnlyList<SearchCandidate>)Search(searcher, FilterOf(shard, query), query);
            }
            finally
            {
                shard.Searchers.Release(searcher);
            }
        }));
    }

    private List<SearchCandidate> Search(IndexSearcher searcher, Filter filter, CandidateQuery query)
    {
        var collector = new HitCollector(searcher.IndexReader.MaxDoc);

        var skills = query.SkillCodes.Distinct(StringComparer.Ordinal).ToList();
        if (skills.Count > 0)
        {
            // Each shared code scores exactly 1 (constant score; BM25's query norm and coord are 1), so the sum is the count.
            var skillQuery = new BooleanQuery(disableCoord: true);
            foreach (var code in skills) skillQuery.Add(new ConstantScoreQuery(new TermQuery(new Term(Field.Skill, code))), Occur.SHOULD);
            collector.Text = false;
            searcher.Search(skillQuery, filter, collector);
        }

        var textQuery = TextQuery(query.Text);
        if (textQuery is not null)
        {
            collector.Text = true;
            if (collector.Contenders(query.Size) is { } contenders)
            {
                // Enough documents share skills to fill the list, and shared skills order first: only those that can
                // still make the cut need a text score, and leap-frogging over them skips the rest of the postings.
                // The scores are the same BM25 scores a full pass would give them.
                searcher.Search(new FilteredQuery(textQuery, new DocSetFilter(contenders), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), collector);
            }
            else
            {
                searcher.Search(textQuery, filter, collector);
            }
        }

        return collector.Top(searcher.IndexReader.Leaves, query.Size);
    }

    /// <summary>
    /// The text part: one SHOULD clause per distinct token, boosted by how often the token occurs, which scores exactly
    /// like one clause per occurrence (what a match query on the same analyser does) with fewer postings to walk.
    /// </summary>
    private BooleanQuery? TextQuery(string? text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var token in Tokens(text))
        {
            if (counts.TryGetValue(token, out var n)) counts[token] = n + 1;
            else
            {
                counts[token] = 1;
                order.Add(token);
            }
        }
        if (order.Count == 0) return null;
        var textQuery = new BooleanQuery();
        foreach (var token in order) textQuery.Add(new TermQuery(new Term(Field.Text, token)) { Boost = counts[token] }, Occur.SHOULD);
        return textQuery;
    }

    private static Filter FilterOf(Shard shard, CandidateQuery query)
    {
        var levels = query.Levels is { } l ? string.Join(',', l.Order().Select(LevelTerm)) : "*";
        var region = string.IsNullOrEmpty(query.RegionPrefix) ? "*" : query.RegionPrefix;
        return shard.Filters.GetOrAdd($"{levels}|{region}", _ =>
        {
            var filter = new BooleanQuery { { new TermQuery(new Term(Field.Active, "true")), Occur.MUST } };
            if (query.Levels is { } wanted)
            {
                var anyLevel = new BooleanQuery();
                foreach (var level in wanted) anyLevel.Add(new TermQuery(new Term(Field.Level, LevelTerm(level))), Occur.SHOULD);
                filter.Add(anyLevel, Occur.MUST);
            }
            if (!string.IsNullOrEmpty(query.RegionPrefix)) filter.Add(new PrefixQuery(new Term(Field.Region, query.RegionPrefix)), Occur.MUST);
            return new CachingWrapperFilter(new QueryWrapperFilter(filter));
        });
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
        var document = Common(key, version, d.Active);
        document.Add(new StringField(Field.Level, LevelTerm(d.Level), Lucene.Net.Documents.Field.Store.NO));
        document.Add(new StringField(Field.Region, d.RegionCode, Lucene.Net.Documents.Field.Store.NO));
        foreach (var code in d.SkillCodes.Distinct(StringComparer.Ordinal))
            document.Add(new StringField(Field.Skill, code, Lucene.Net.Documents.Field.Store.NO));
        document.Add(new TextField(Field.Text, d.Text, Lucene.Net.Documents.Field.Store.NO));
        return document;
    }

    /// <summary>What every entry has; a removed document keeps only this, inactive, so a late older upsert cannot revive it.</summary>
    private static Document Common(string key, long version, bool active) =>
    [
        new StringField(Field.Key, key, Lucene.Net.Documents.Field.Store.NO),
        new BinaryDocValuesField(Field.Id, new BytesRef(key)),
        new NumericDocValuesField(Field.Version, version),
        new StringField(Field.Active, active ? "true" : "false", Lucene.Net.Documents.Field.Store.NO),
    ];

    private static string LevelTerm(EducationLevel level) => ((int)level).ToString(CultureInfo.InvariantCulture);

    private Dictionary<SearchDocumentKind, Shard> Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_shards is { } shards) return shards;
        lock (_openGate)
        {
            if (_shards is not null) return _shards;
            var opened = new Dictionary<SearchDocumentKind, Shard>();
            try
            {
                foreach (var kind in Enum.GetValues<SearchDocumentKind>()) opened[kind] = Guard(() => OpenShard(kind));
            }
            catch
            {
                foreach (var shard in opened.Values) Dispose(shard);
                throw;
            }
            return _shards = opened;
        }
    }

    private Shard OpenShard(SearchDocumentKind kind)
    {
        var directory = _openDirectory(kind);
        try
        {
            var config = new IndexWriterConfig(Version, _analyzer) { Similarity = _similarity, OpenMode = OpenMode.CREATE_OR_APPEND };
            var writer = new IndexWriter(directory, config);
            var searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory(_similarity));
            return new Shard(directory, writer, searchers, LoadVersions(writer), new ConcurrentDictionary<string, Filter>(StringComparer.Ordinal));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private static Dictionary<string, long> LoadVersions(IndexWriter writer)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        var key = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var keys = leaf.AtomicReader.GetBinaryDocValues(Field.Id);
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

    private static void Dispose(Shard shard)
    {
        shard.Searchers.Dispose();
        shard.Writer.Dispose();
        shard.Directory.Dispose();
    }

    public void Dispose()
    {
        lock (_openGate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var shard in _shards?.Values ?? Enumerable.Empty<Shard>()) Dispose(shard);
            _analyzer.Dispose();
            _writeGate.Dispose();
        }
    }

    /// <summary>
    /// Collects every hit of the skill part and of the text part, each with its own score, in arrays indexed by
    /// document number; ids are read only for the documents that can make the cut.
    /// </summary>
    private sealed class HitCollector(int maxDoc) : ICollector
    {
        private readonly int[] _shared = new int[maxDoc];
        private readonly float[] _text = new float[maxDoc];
        private readonly bool[] _seen = new bool[maxDoc];
        private readonly List<int> _hits = [];
        private Scorer? _scorer;
        private int _docBase;

        public bool Text { get; set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            var global = _docBase + doc;
            var score = _scorer!.GetScore();
            if (!_seen[global])
            {
                _seen[global] = true;
                _hits.Add(global);
            }
            if (Text) _text[global] = score;
            else _shared[global] = (int)Math.Round(score);
        }

        /// <summary>
        /// After the skill part: the documents that can still reach the first <paramref name="size"/> places — those
        /// sharing at least as many skills as the one in place <paramref name="size"/> — or null when fewer than
        /// <paramref name="size"/> share any skill (then text-only documents compete too).
        /// </summary>
        public List<int>? Contenders(int size)
        {
            if (_hits.Count < size) return null;
            var byShared = new SortedDictionary<int, int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
            foreach (var doc in _hits) byShared[_shared[doc]] = byShared.GetValueOrDefault(_shared[doc]) + 1;
            var boundary = 0;
            var count = 0;
            foreach (var (shared, n) in byShared)
            {
                boundary = shared;
                count += n;
                if (count >= size) break;
            }
            return _hits.Where(doc => _shared[doc] >= boundary).ToList();
        }

        /// <summary>Shared skills descending, text score descending, id ascending; the id is read only where it decides.</summary>
        public List<SearchCandidate> Top(IList<AtomicReaderContext> leaves, int size)
        {
            if (_hits.Count == 0) return [];
            // The key of the last place that fits; everything at or above it is a contender, ties included.
            var worstFirst = Comparer<int>.Create(Compare);
            var heap = new PriorityQueue<int, int>(size + 1, worstFirst);
            foreach (var doc in _hits)
            {
                if (heap.Count < size) heap.Enqueue(doc, doc);
                else if (Compare(doc, heap.Peek()) > 0) heap.DequeueEnqueue(doc, doc);
            }
            var last = heap.Peek();

            var bytes = new BytesRef();
            var contenders = _hits.Where(doc => Compare(doc, last) >= 0).Select(doc =>
            {
                var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
                leaf.AtomicReader.GetBinaryDocValues(Field.Id).Get(doc - leaf.DocBase, bytes);
                return (Doc: doc, Id: Encoding.ASCII.GetString(bytes.Bytes, bytes.Offset, bytes.Length));
            }).ToList();
            contenders.Sort((a, b) => Compare(a.Doc, b.Doc) is var c && c != 0 ? -c : string.CompareOrdinal(a.Id, b.Id));
            return contenders.Take(size).Select(c => new SearchCandidate(Guid.Parse(c.Id), _text[c.Doc], _shared[c.Doc])).ToList();
        }

        /// <summary>Positive when <paramref name="a"/> ranks above <paramref name="b"/> on shared skills, then text.</summary>
        private int Compare(int a, int b) =>
            _shared[a] != _shared[b] ? _shared[a].CompareTo(_shared[b]) : _text[a].CompareTo(_text[b]);
    }

    /// <summary>A fixed set of documents (global numbers) as a filter.</summary>
    private sealed class DocSetFilter(List<int> documents) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
        {
            var reader = context.AtomicReader;
            var bits = new FixedBitSet(reader.MaxDoc);
            var any = false;
            foreach (var doc in documents)
            {
                var local = doc - context.DocBase;
                if (local < 0 || local >= reader.MaxDoc || (acceptDocs is not null && !acceptDocs.Get(local))) continue;
                bits.Set(local);
                any = true;
            }
            return any ? bits : null;
        }
    }

    private sealed class Bm25SearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}
