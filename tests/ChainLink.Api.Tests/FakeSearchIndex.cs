using ChainLink.Application.Matching;

namespace ChainLink.Api.Tests;

/// <summary>
/// A search index the tests control: it can be down, it keeps the highest version per document (as the real back-ends
/// do), records every change it is given, and notices when two dispatchers apply the same entity at the same time.
/// </summary>
public sealed class FakeSearchIndex : ISearchIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(SearchDocumentKind, Guid), SearchDocumentChange> _documents = [];
    private readonly HashSet<Guid> _inFlight = [];
    private readonly List<SearchDocumentChange> _applied = [];

    public bool Down { get; set; }

    public int Clears { get; private set; }

    /// <summary>Entities that one dispatcher applied while another was still applying them.</summary>
    public List<Guid> Overlaps { get; } = [];

    public IReadOnlyList<SearchDocumentChange> Applied { get { lock (_gate) return [.. _applied]; } }

    public SearchDocumentChange? Current(SearchDocumentKind kind, Guid id)
    {
        lock (_gate) return _documents.GetValueOrDefault((kind, id));
    }

    public int Count { get { lock (_gate) return _documents.Values.Count(d => d.Document is not null); } }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Down ? Task.FromException(Unavailable()) : Task.CompletedTask;

    public async Task ApplyAsync(IReadOnlyList<SearchDocumentChange> changes, CancellationToken cancellationToken)
    {
        if (Down) throw Unavailable();
        lock (_gate)
            foreach (var change in changes)
                if (!_inFlight.Add(change.Id)) Overlaps.Add(change.Id);
        // Gives a concurrent dispatcher the chance to overlap, were claims not exclusive.
        await Task.Delay(1, cancellationToken);
        lock (_gate)
            foreach (var change in changes)
            {
                _inFlight.Remove(change.Id);
                _applied.Add(change);
                if (!_documents.TryGetValue((change.Kind, change.Id), out var held) || held.Version < change.Version)
                    _documents[(change.Kind, change.Id)] = change;
            }
    }

    public Task<IReadOnlyList<SearchCandidate>> SearchAsync(CandidateQuery query, CancellationToken cancellationToken) =>
        Down ? Task.FromException<IReadOnlyList<SearchCandidate>>(Unavailable()) : Task.FromResult<IReadOnlyList<SearchCandidate>>([]);

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        if (Down) return Task.FromException(Unavailable());
        lock (_gate)
        {
            _documents.Clear();
            Clears++;
        }
        return Task.CompletedTask;
    }

    private static SearchUnavailableException Unavailable() => new("The test index is down.");
}
