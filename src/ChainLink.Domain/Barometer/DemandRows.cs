using System.Runtime.InteropServices;

namespace ChainLink.Domain.Barometer;

/// <summary>
/// The demands an edition counts, one row per demand as <see cref="DemandFact"/> holds it, kept compactly: codes and
/// organisations are numbered as first seen, so the calculator works on small integers and arrays, not strings.
/// </summary>
public sealed class DemandRows
{
    private readonly List<Row> _rows = [];
    private readonly List<int> _skills = [];
    private readonly Dictionary<Guid, int> _organisations = [];
    private readonly List<Guid> _organisationIds = [];
    private readonly Codes _occupations = new();
    private readonly Codes _regions = new();
    private readonly Codes _skillCodes = new();

    public int Count => _rows.Count;

    /// <summary>
    /// A demand open from quarter index <paramref name="firstQuarter"/> to <paramref name="lastQuarter"/> (inclusive;
    /// null while open) that lists <paramref name="skillCodes"/> (codes separated by single spaces).
    /// </summary>
    public void Add(Guid organisationId, ReadOnlySpan<char> occupationCode, ReadOnlySpan<char> regionCode, int firstQuarter, int? lastQuarter, int headcount, ReadOnlySpan<char> skillCodes)
    {
        var skillStart = _skills.Count;
        foreach (var range in skillCodes.Split(' '))
            if (!skillCodes[range].IsEmpty) _skills.Add(_skillCodes.Of(skillCodes[range]));
        _rows.Add(new Row(OrganisationNumber(organisationId), _occupations.Of(occupationCode), _regions.Of(regionCode), firstQuarter,
            lastQuarter ?? int.MaxValue, headcount, skillStart, _skills.Count - skillStart));
    }

    /// <summary>The rows of <paramref name="parts"/> (read side by side) as one, in the parts' order.</summary>
    public static DemandRows Concat(IReadOnlyList<DemandRows> parts)
    {
        if (parts.Count == 1) return parts[0];
        var all = new DemandRows();
        all._rows.Capacity = parts.Sum(p => p._rows.Count);
        all._skills.Capacity = parts.Sum(p => p._skills.Count);
        foreach (var part in parts)
        {
            var organisations = part._organisationIds.ConvertAll(all.OrganisationNumber);
            var occupations = part._occupations.Values.Select(c => all._occupations.Of(c)).ToArray();
            var regions = part._regions.Values.Select(c => all._regions.Of(c)).ToArray();
            var skills = part._skillCodes.Values.Select(c => all._skillCodes.Of(c)).ToArray();
            var offset = all._skills.Count;
            foreach (var skill in CollectionsMarshal.AsSpan(part._skills)) all._skills.Add(skills[skill]);
            foreach (var row in part.Rows)
                all._rows.Add(row with
                {
                    Organisation = organisations[row.Organisation],
                    Occupation = occupations[row.Occupation],
                    Region = regions[row.Region],
                    SkillStart = row.SkillStart + offset,
                });
        }
        return all;
    }

    private int OrganisationNumber(Guid id)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_organisations, id, out var known);
        if (!known)
        {
            number = _organisationIds.Count;
            _organisationIds.Add(id);
        }
        return number;
    }

    internal ReadOnlySpan<Row> Rows => CollectionsMarshal.AsSpan(_rows);

    internal ReadOnlySpan<int> SkillsOf(in Row row) => CollectionsMarshal.AsSpan(_skills).Slice(row.SkillStart, row.SkillCount);

    internal int Organisations => _organisationIds.Count;

    internal IReadOnlyList<string> OccupationCodes => _occupations.Values;

    internal IReadOnlyList<string> RegionCodes => _regions.Values;

    internal IReadOnlyList<string> SkillCodes => _skillCodes.Values;

    /// <summary>One demand; <see cref="Last"/> is <see cref="int.MaxValue"/> while it is open.</summary>
    internal readonly record struct Row(int Organisation, int Occupation, int Region, int First, int Last, int Headcount, int SkillStart, int SkillCount);

    /// <summary>Codes numbered 0, 1, 2, … as first seen; looked up by span, so a code read as part of a longer text is not copied.</summary>
    private sealed class Codes
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public IReadOnlyList<string> Values => _values;

        public int Of(ReadOnlySpan<char> code)
        {
            var lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(code, out var number)) return number;
            number = _values.Count;
            var text = code.ToString();
            _numbers.Add(text, number);
            _values.Add(text);
            return number;
        }
    }
}
