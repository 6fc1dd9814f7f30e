using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// map is the truth once loaded at open. <see cref="Segments"/> keeps what queries read from each segment in memory.
    /// </summary>
    private sealed record Shard(LuceneDirectory Directory, IndexWriter Writer, SearcherManager Searchers, Dictionary<string, long> Versions,
        ConcurrentDictionary<string, Filter> Filters, SegmentCache Segments);

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
                return (IReadOnlyList<SearchCandidate>)Search(searcher, shard, query);
            }
            finally
            {
                shard.Searchers.Release(searcher);
            }
        }));
    }

    /// <summary>
    /// The retrieval contract (skills OR text, then shared skills, text score, id) computed over postings cached in
    /// memory per segment: the skill part counts shared codes per document, the text part adds up each term's BM25
    /// score — the similarity's own <see cref="Similarity.SimScorer"/> with the same statistics a
    /// <see cref="TermQuery"/> of that boost would get — in clause order, as Lucene's boolean scorer sums a SHOULD
    /// query. Walking arrays instead of building weights and decoding postings per query is what makes it fast.
    /// </summary>
    private List<SearchCandidate> Search(IndexSearcher searcher, Shard shard, CandidateQuery query)
    {
        var (filterKey, filter) = FilterOf(shard, query);
        var segments = searcher.IndexReader.Leaves
            .Select(leaf => new Leaf(leaf, shard.Segments.Core(leaf.AtomicReader), shard.Segments.Accepted(leaf, filterKey, filter)))
            .ToList();
        var hits = new Hits(searcher.IndexReader.MaxDoc);

        foreach (var code in query.SkillCodes.Distinct(StringComparer.Ordinal))
        {
            foreach (var segment in segments)
            {
                var docs = segment.Core.Skill(code).Docs;
                foreach (var doc in docs)
                    if (segment.Accepted.Get(doc)) hits.AddShared(segment.Context.DocBase + doc);
            }
        }

        var terms = TextTerms(query.Text);
        if (terms.Count > 0)
        {
            // When enough documents share skills to fill the list, shared skills order first: only those that can still
            // make the cut need a text score (the same score a full pass would give them), and no text-only document competes.
            var boundary = hits.ContenderBoundary(query.Size);
            var collection = searcher.CollectionStatistics(Field.Text);
            foreach (var (token, count) in terms)
            {
                var postings = segments.Select(segment => segment.Core.Text(token)).ToList();
                var documentFrequency = postings.Sum(p => (long)p.Docs.Length);
                if (documentFrequency == 0) continue;
                var weight = _similarity.ComputeWeight(count, collection,
                    new TermStatistics(new BytesRef(token), documentFrequency, postings.Sum(p => p.TotalFrequency)));
                weight.Normalize(1f, 1f);
                for (var i = 0; i < segments.Count; i++)
                {
                    var segment = segments[i];
                    var scorer = _similarity.GetSimScorer(weight, segment.Context);
                    var (docs, frequencies, _) = postings[i];
                    for (var j = 0; j < docs.Length; j++)
                    {
                        var doc = docs[j];
                        var global = segment.Context.DocBase + doc;
                        if (boundary is { } least ? hits.Shared(global) >= least : segment.Accepted.Get(doc))
                            hits.AddText(global, scorer.Score(doc, frequencies[j]));
                    }
                }
            }
        }

        return hits.Top(segments, query.Size);
    }

    /// <summary>
    /// The text part: each distinct token once, boosted by how often it occurs, which scores exactly like one clause
    /// per occurrence (what a match query on the same analyser does) with fewer postings to walk.
    /// </summary>
    private List<(string Token, int Count)> TextTerms(string? text)
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
        return order.Select(token => (token, counts[token])).ToList();
    }

    private static (string Key, Filter Filter) FilterOf(Shard shard, CandidateQuery query)
    {
        var levels = query.Levels is { } l ? string.Join(',', l.Order().Select(LevelTerm)) : "*";
        var region = string.IsNullOrEmpty(query.RegionPrefix) ? "*" : query.RegionPrefix;
        var key = $"{levels}|{region}";
        return (key, shard.Filters.GetOrAdd(key, _ =>
        {
            var filter = new BooleanQuery { { new TermQuery(new Term(Field.Active, "true")), Occur.MUST } };
            if (query.Levels is { } wanted)
            {
                var anyLevel = new BooleanQuery();
                foreach (var level in wanted) anyLevel.Add(new TermQuery(new Term(Field.Level, LevelTerm(level))), Occur.SHOULD);
                filter.Add(anyLevel, Occur.MUST);
            }
            if (!string.IsNullOrEmpty(query.RegionPrefix)) filter.Add(new PrefixQuery(new Term(Field.Region, query.RegionPrefix)), Occur.MUST);
            return new QueryWrapperFilter(filter);
        }));
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
            var segments = new SegmentCache();
            var searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory(_similarity, segments));
            return new Shard(directory, writer, searchers, LoadVersions(writer), new ConcurrentDictionary<string, Filter>(StringComparer.Ordinal), segments);
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

    /// <summary>One segment as a query sees it: its reader, its cached core data, the documents the filter accepts.</summary>
    private sealed record Leaf(AtomicReaderContext Context, SegmentCore Core, FixedBitSet Accepted);

    /// <summary>A document's id, and as text (the contract orders ties by the id as a string).</summary>
    private sealed record DocumentId(string Text, Guid Id);

    /// <summary>A term's postings in one segment, deleted documents included (as in the term statistics BM25 uses).</summary>
    private sealed record TermPostings(int[] Docs, int[] Frequencies, long TotalFrequency)
    {
        public static readonly TermPostings None = new([], [], 0);
    }

    /// <summary>
    /// What queries read from segments, kept in memory: per segment core (immutable: a segment never changes, deletions
    /// live beside it) the postings of every term queried so far and the ids; per segment reader (a reader's deletions
    /// are fixed) the documents each filter accepts. Entries go with their segment or reader (weak keys).
    /// </summary>
    private sealed class SegmentCache
    {
        private readonly ConditionalWeakTable<object, SegmentCore> _cores = new();
        private readonly ConditionalWeakTable<AtomicReader, ConcurrentDictionary<string, FixedBitSet>> _accepted = new();

        public SegmentCore Core(AtomicReader reader) => _cores.GetValue(reader.CoreCacheKey, _ => new SegmentCore(reader));

        public FixedBitSet Accepted(AtomicReaderContext context, string key, Filter filter) =>
            _accepted.GetValue(context.AtomicReader, _ => new ConcurrentDictionary<string, FixedBitSet>(StringComparer.Ordinal))
                .GetOrAdd(key, _ =>
                {
                    var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
                    if (filter.GetDocIdSet(context, context.AtomicReader.LiveDocs)?.GetIterator() is { } accepted) bits.Or(accepted);
                    return bits;
                });
    }

    /// <summary>
    /// One segment core's skill and text postings, all loaded at once (one sequential walk of the terms is far cheaper
    /// than a seek and a decode per query term), and its ids, read as they are first needed.
    /// </summary>
    private sealed class SegmentCore(AtomicReader reader)
    {
        private readonly Dictionary<string, TermPostings> _skills = Load(reader, Field.Skill);
        private readonly Dictionary<string, TermPostings> _text = Load(reader, Field.Text);
        // References, so that a reader on another thread sees a whole id or none.
        private readonly DocumentId?[] _ids = new DocumentId?[reader.MaxDoc];

        public TermPostings Skill(string code) => _skills.GetValueOrDefault(code, TermPostings.None);

        public TermPostings Text(string token) => _text.GetValueOrDefault(token, TermPostings.None);

        public DocumentId Id(AtomicReader reader, int doc)
        {
            if (_ids[doc] is { } known) return known;
            var bytes = new BytesRef();
            reader.GetBinaryDocValues(Field.Id).Get(doc, bytes);
            var text = Encoding.ASCII.GetString(bytes.Bytes, bytes.Offset, bytes.Length);
            return _ids[doc] = new DocumentId(text, Guid.Parse(text));
        }

        private static Dictionary<string, TermPostings> Load(AtomicReader reader, string field)
        {
            var all = new Dictionary<string, TermPostings>(StringComparer.Ordinal);
            var terms = reader.GetTerms(field)?.GetEnumerator();
            if (terms is null) return all;
            DocsEnum? postings = null;
            var docs = new List<int>();
            var frequencies = new List<int>();
            while (terms.MoveNext())
            {
                postings = terms.Docs(null, postings, DocsFlags.FREQS);
                docs.Clear();
                frequencies.Clear();
                long total = 0;
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    docs.Add(doc);
                    frequencies.Add(postings.Freq);
                    total += postings.Freq;
                }
                all[terms.Term.Utf8ToString()] = new TermPostings([.. docs], [.. frequencies], total);
            }
            return all;
        }
    }

    /// <summary>
    /// The hits of one query — shared skill count and summed text score per document (global number) — and the cut:
    /// ids are read only for the documents that can make it.
    /// </summary>
    private sealed class Hits(int maxDoc)
    {
        private readonly int[] _shared = new int[maxDoc];
        private readonly double[] _textSum = new double[maxDoc];
        private readonly bool[] _seen = new bool[maxDoc];
        private readonly List<int> _hits = [];
        private float[]? _text;

        public int Shared(int doc) => _shared[doc];

        public void AddShared(int doc)
        {
            See(doc);
            _shared[doc]++;
        }

        public void AddText(int doc, float score)
        {
            See(doc);
            _textSum[doc] += score;
        }

        private void See(int doc)
        {
            if (_seen[doc]) return;
            _seen[doc] = true;
            _hits.Add(doc);
        }

        /// <summary>
        /// After the skill part: the least shared-skill count that can still reach the first <paramref name="size"/>
        /// places (that of the document in place <paramref name="size"/>), or null when fewer than
        /// <paramref name="size"/> share any skill (then text-only documents compete too).
        /// </summary>
        public int? ContenderBoundary(int size)
        {
            if (_hits.Count < size) return null;
            var byShared = new SortedDictionary<int, int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
            foreach (var doc in _hits) byShared[_shared[doc]] = byShared.GetValueOrDefault(_shared[doc]) + 1;
            var count = 0;
            foreach (var (shared, n) in byShared)
            {
                count += n;
                if (count >= size) return shared;
            }
            return null;
        }

        /// <summary>Shared skills descending, text score descending, id ascending; the id is read only where it decides.</summary>
        public List<SearchCandidate> Top(List<Leaf> segments, int size)
        {
            if (_hits.Count == 0) return [];
            // A sum of float clause scores cast back to float, as Lucene's boolean scorer reports it.
            var text = _text = new float[_textSum.Length];
            foreach (var doc in _hits) text[doc] = (float)_textSum[doc];
            // The key of the last place that fits; everything at or above it is a contender, ties included.
            var worstFirst = Comparer<int>.Create(Compare);
            var heap = new PriorityQueue<int, int>(size + 1, worstFirst);
            foreach (var doc in _hits)
            {
                if (heap.Count < size) heap.Enqueue(doc, doc);
                else if (Compare(doc, heap.Peek()) > 0) heap.DequeueEnqueue(doc, doc);
            }
            var last = heap.Peek();

            var starts = segments.Select(s => s.Context.DocBase).ToArray();
            var contenders = _hits.Where(doc => Compare(doc, last) >= 0).Select(doc =>
            {
                var segment = segments[ReaderUtil.SubIndex(doc, starts)];
                return (Doc: doc, Key: segment.Core.Id(segment.Context.AtomicReader, doc - segment.Context.DocBase));
            }).ToList();
            contenders.Sort((a, b) => Compare(a.Doc, b.Doc) is var c && c != 0 ? -c : string.CompareOrdinal(a.Key.Text, b.Key.Text));
            return contenders.Take(size).Select(c => new SearchCandidate(c.Key.Id, text[c.Doc], _shared[c.Doc])).ToList();
        }

        /// <summary>Positive when <paramref name="a"/> ranks above <paramref name="b"/> on shared skills, then text.</summary>
        private int Compare(int a, int b) =>
            _shared[a] != _shared[b] ? _shared[a].CompareTo(_shared[b]) : _text![a].CompareTo(_text[b]);
    }

    /// <summary>BM25 searchers whose segments are loaded into the cache before the searcher is handed out, so no query pays for it.</summary>
    private sealed class Bm25SearcherFactory(Similarity similarity, SegmentCache segments) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves) segments.Core(leaf.AtomicReader);
            return new IndexSearcher(reader) { Similarity = similarity };
        }
    }
}
