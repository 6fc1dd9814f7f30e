using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using LuceneDirectory = Lucene.Net.Store.FSDirectory;

namespace ChainLink.Api.Tests.Crash;

/// <summary>
/// Reads what an API process left in its data folder — the SQLite file and the embedded Lucene index — directly, not
/// through the API, so that the check does not depend on the code it checks (and works while the process is dead).
/// </summary>
internal sealed class DataFolder(string path)
{
    /// <summary>A demand or programme as stored: <see cref="Marker"/> is what the test's last write changed (title or description).</summary>
    public sealed record Row(int Version, string Marker, bool Active);

    public sealed record IndexEntry(long Version, bool Active);

    public string Path => path;

    public Dictionary<Guid, Row> Demands() =>
        Read("SELECT Id, Version, Title, Status = 1 FROM Demands", r => (r.GetGuid(0), new Row(r.GetInt32(1), r.GetString(2), r.GetBoolean(3))))
            .ToDictionary(x => x.Item1, x => x.Item2);

    public Dictionary<Guid, Row> Programmes() =>
        Read("SELECT Id, Version, Description, 1 FROM Programmes", r => (r.GetGuid(0), new Row(r.GetInt32(1), r.GetString(2), true)))
            .ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>
    /// Demands whose barometer fact is missing, left over or out of step: a counted demand (opened, not a draft) has
    /// exactly one fact with its occupation, region and headcount; any other demand has none.
    /// </summary>
    public List<string> FactProblems() => Read("""
        SELECT d.Id, CASE
            WHEN f.Id IS NULL THEN 'counted demand without a fact'
            WHEN d.Status = 0 OR d.OpenedAt IS NULL THEN 'fact of an uncounted demand'
            ELSE 'fact differs from its demand' END
        FROM Demands d LEFT JOIN BarometerDemandFacts f ON f.DemandId = d.Id
        WHERE (f.Id IS NULL AND d.Status <> 0 AND d.OpenedAt IS NOT NULL)
           OR (f.Id IS NOT NULL AND (d.Status = 0 OR d.OpenedAt IS NULL))
           OR (f.Id IS NOT NULL AND (f.OccupationCode <> d.OccupationCode OR f.RegionCode <> d.RegionCode OR f.Headcount <> d.Headcount))
        UNION ALL
        SELECT f.DemandId, 'fact without a demand' FROM BarometerDemandFacts f WHERE NOT EXISTS (SELECT 1 FROM Demands d WHERE d.Id = f.DemandId)
        """, r => $"{r.GetGuid(0)}: {r.GetString(1)}");

    /// <summary>Outbox rows not yet processed, and how many of them a dispatcher holds a claim on.</summary>
    public (int Unprocessed, int Claimed) Outbox() =>
        Read("SELECT COUNT(*), COALESCE(SUM(LeaseOwner IS NOT NULL), 0) FROM OutboxMessages WHERE ProcessedAt IS NULL", r => (r.GetInt32(0), r.GetInt32(1))).Single();

    /// <summary>The last commit of one kind's Lucene index ("demand" or "programme"): every entry's version and whether it is active.</summary>
    public Dictionary<Guid, IndexEntry> Index(string kind)
    {
        using var directory = LuceneDirectory.Open(System.IO.Path.Combine(path, "index", kind));
        using var reader = DirectoryReader.Open(directory);
        var entries = new Dictionary<Guid, IndexEntry>();
        var key = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var ids = atomic.GetBinaryDocValues("id");
            var versions = atomic.GetNumericDocValues("version");
            if (ids is null || versions is null) continue;
            var active = new HashSet<int>();
            var docs = atomic.GetTermDocsEnum(new Term("active", "true"));
            if (docs is not null)
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) active.Add(doc);
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (atomic.LiveDocs is { } live && !live.Get(doc)) continue;
                ids.Get(doc, key);
                entries[Guid.Parse(key.Utf8ToString())] = new IndexEntry(versions.Get(doc), active.Contains(doc));
            }
        }
        return entries;
    }

    private List<T> Read<T>(string sql, Func<SqliteDataReader, T> row)
    {
        // No pooling: the file must not stay open once the check is done (the next process opens it).
        using var connection = new SqliteConnection($"Data Source={System.IO.Path.Combine(path, "chainlink.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }
}
