using System.Runtime.InteropServices;
using ChainLink.Domain.Barometer;

namespace ChainLink.Application.Barometer;

/// <summary>
/// Groups the demands open in an edition's window as the calculator reads them (docs/barometer-methodology.md §2, §5):
/// demands and headcount per occupation, region, organisation and span of window positions; headcount per skill,
/// organisation and span. Codes and organisations are numbered as first seen, so groups are keyed by small integers.
/// </summary>
internal sealed class OpenDemands
{
    // Occupation, region and skill codes share one numbering: only equality matters.
    private readonly Numbering<string> _codes = new(StringComparer.Ordinal);
    private readonly Numbering<Guid> _organisations = new(EqualityComparer<Guid>.Default);
    private readonly Dictionary<Guid, OpenDemand> _demands = [];
    private readonly Dictionary<FlowKey, (int Demands, long Headcount)> _flows = [];
    private readonly Dictionary<SkillFlowKey, long> _skillFlows = [];

    /// <summary>A demand open over window positions <paramref name="from"/>..<paramref name="to"/> (inclusive).</summary>
    public void Add(Guid id, string occupationCode, string regionCode, Guid organisationId, int from, int to, int headcount)
    {
        var demand = new OpenDemand(_organisations.Of(organisationId), (byte)from, (byte)to, headcount);
        _demands.Add(id, demand);
        var key = new FlowKey(_codes.Of(occupationCode), _codes.Of(regionCode), demand.Organisation, demand.From, demand.To);
        ref var flow = ref CollectionsMarshal.GetValueRefOrAddDefault(_flows, key, out _);
        flow = (flow.Demands + 1, flow.Headcount + headcount);
    }

    /// <summary>A skill listed by a demand; skills of demands not open in the window are ignored.</summary>
    public void AddSkill(Guid demandId, int skillNumber)
    {
        if (!_demands.TryGetValue(demandId, out var demand)) return;
        var key = new SkillFlowKey(skillNumber, demand.Organisation, demand.From, demand.To);
        CollectionsMarshal.GetValueRefOrAddDefault(_skillFlows, key, out _) += demand.Headcount;
    }

    /// <summary>
    /// The groups as flows, with window positions turned into quarter indexes, ordered by organisation: the calculator
    /// then meets each organisation's flows together and need not sort them per cell.
    /// </summary>
    public (List<DemandFlow> Demands, List<SkillDemandFlow> SkillDemands) Flows(int firstQuarter)
    {
        var flows = new List<DemandFlow>(_flows.Count);
        foreach (var (k, (demands, headcount)) in ByOrganisation(_flows, k => k.Organisation))
            flows.Add(new DemandFlow(_codes[k.Occupation], _codes[k.Region], _organisations[k.Organisation],
                firstQuarter + k.From, firstQuarter + k.To, demands, headcount));
        var skillFlows = new List<SkillDemandFlow>(_skillFlows.Count);
        foreach (var (k, headcount) in ByOrganisation(_skillFlows, k => k.Organisation))
            skillFlows.Add(new SkillDemandFlow(_codes[k.Skill], _organisations[k.Organisation], firstQuarter + k.From, firstQuarter + k.To, headcount));
        return (flows, skillFlows);
    }

    private static KeyValuePair<TKey, TValue>[] ByOrganisation<TKey, TValue>(Dictionary<TKey, TValue> groups, Func<TKey, int> organisation)
        where TKey : notnull
    {
        var sorted = groups.ToArray();
        var order = Array.ConvertAll(sorted, g => organisation(g.Key));
        Array.Sort(order, sorted);
        return sorted;
    }

    /// <summary>The number of an occupation, region or skill code (numbered as first seen).</summary>
    public int CodeNumber(string code) => _codes.Of(code);

    private readonly record struct OpenDemand(int Organisation, byte From, byte To, int Headcount);

    private readonly record struct FlowKey(int Occupation, int Region, int Organisation, byte From, byte To);

    private readonly record struct SkillFlowKey(int Skill, int Organisation, byte From, byte To);
}

/// <summary>
/// The rows of DemandSkills as read, kept until the demands they belong to are known; skill codes are numbered here
/// (not in <see cref="OpenDemands"/>) so the rows can be read while the demands are.
/// </summary>
internal sealed class DemandSkillRows
{
    private readonly Numbering<string> _codes = new(StringComparer.Ordinal);
    private readonly List<(Guid Demand, int Skill)> _rows = [];

    public void Add(Guid demandId, string skillCode) => _rows.Add((demandId, _codes.Of(skillCode)));

    /// <summary>Adds the rows to <paramref name="demands"/> in the order they were read.</summary>
    public void AddTo(OpenDemands demands)
    {
        var numbers = _codes.Values.ConvertAll(demands.CodeNumber);
        foreach (var (demand, skill) in CollectionsMarshal.AsSpan(_rows)) demands.AddSkill(demand, numbers[skill]);
    }
}

/// <summary>Numbers values 0, 1, 2, … in the order they are first seen, so groups can be keyed by small integers.</summary>
internal sealed class Numbering<T>(IEqualityComparer<T> comparer) where T : notnull
{
    private readonly Dictionary<T, int> _numbers = new(comparer);

    /// <summary>The values by their number.</summary>
    public List<T> Values { get; } = [];

    public T this[int number] => Values[number];

    public int Of(T value)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, value, out var exists);
        if (!exists)
        {
            number = Values.Count;
            Values.Add(value);
        }
        return number;
    }
}
