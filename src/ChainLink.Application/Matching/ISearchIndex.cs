using ChainLink.Domain.Common;

namespace ChainLink.Application.Matching;

public enum SearchDocumentKind
{
    Programme = 1,
    Demand = 2,
}

/// <summary>
/// What the search index holds for one programme or demand: skill codes as exact keywords (so segmentation never
/// decides a skill match), free text for CJK-bigram relevance, and the fields retrieval filters on.
/// </summary>
/// <param name="Version">The entity's concurrency version; an index never lets an older version replace a newer one.</param>
/// <param name="Active">Programmes are always active; a demand only while open (drafts are private, closed ones done).</param>
public sealed record SearchDocument(
    SearchDocumentKind Kind,
    Guid Id,
    long Version,
    Guid OrganisationId,
    string RegionCode,
    EducationLevel Level,
    string? MajorCode,
    string? OccupationCode,
    IReadOnlyList<string> SkillCodes,
    string Text,
    bool Active);

/// <summary>One change to apply: the current document, or its removal when <see cref="Document"/> is null.</summary>
public sealed record SearchDocumentChange(SearchDocumentKind Kind, Guid Id, long Version, SearchDocument? Document);

/// <summary>
/// Retrieval input. Candidates share at least one of <see cref="SkillCodes"/> or match <see cref="Text"/>; only active
/// documents of <see cref="Kind"/> are returned, restricted to <see cref="Levels"/> and to regions whose code starts with
/// <see cref="RegionPrefix"/> when given.
/// </summary>
public sealed record CandidateQuery(
    SearchDocumentKind Kind,
    IReadOnlyList<string> SkillCodes,
    string? Text,
    IReadOnlyCollection<EducationLevel>? Levels,
    string? RegionPrefix,
    int Size);

/// <param name="TextScore">The back-end's BM25 relevance of the text part alone (0 when the text did not match).</param>
/// <param name="SharedSkills">How many of the query's skill codes the document carries.</param>
public sealed record SearchCandidate(Guid Id, double TextScore, int SharedSkills);

/// <summary>
/// The search port. Lucene.NET (embedded default) and Elasticsearch (production) implement it and must return the same
/// candidates for the same data; ranking happens afterwards in domain code, identically for both.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Creates the index (mapping, analysers) if it does not exist yet.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies upserts and removals. Idempotent: re-applying a change, or applying an older version after a newer one,
    /// leaves the index as the newest version left it.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<SearchDocumentChange> changes, CancellationToken cancellationToken);

    Task<IReadOnlyList<SearchCandidate>> SearchAsync(CandidateQuery query, CancellationToken cancellationToken);

    /// <summary>Removes every document (the first step of a reindex).</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}

/// <summary>The index cannot be reached or refused the request; matching answers 503, writes are unaffected.</summary>
public sealed class SearchUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
