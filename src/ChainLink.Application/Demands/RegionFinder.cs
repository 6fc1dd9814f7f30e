using ChainLink.Application.Skills;

namespace ChainLink.Application.Demands;

/// <summary>A region of the taxonomy as the finder needs it.</summary>
internal sealed record RegionName(string Code, string Name, string Level);

/// <summary>
/// The 盟市 or province an ad names, by its full name (鄂尔多斯市) or its name without the division word (鄂尔多斯): one
/// pass of an Aho–Corasick automaton, linear in the text. A prefecture wins over a province (内蒙古鄂尔多斯 is 鄂尔多斯),
/// else the first named; a short name two regions share (吉林) goes to the prefecture.
/// </summary>
internal static class RegionFinder
{
    private const string Prefecture = "prefecture";

    /// <summary>Division words, longest first, so 广西壮族自治区 becomes 广西 rather than 广西壮族.</summary>
    private static readonly string[] Suffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"];

    public static TextGuess<string>? Find(string text, IReadOnlyList<RegionName> regions)
    {
        if (string.IsNullOrEmpty(text) || regions.Count == 0) return null;
        var ordered = regions.OrderBy(r => r.Level == Prefecture ? 0 : 1).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var terms = new List<string>();
        var owners = new List<int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            foreach (var term in new[] { ordered[i].Name, ShortName(ordered[i].Name) }.Distinct(StringComparer.Ordinal))
            {
                if (term.Length < 2) continue;
                terms.Add(term);
                owners.Add(i);
            }
        }
        var sink = new Sink(terms, owners, ordered);
        new TermAutomaton(terms).Scan(text.ToCharArray(), text.Length, ref sink);
        if (sink.Best is not { } best) return null;
        var region = ordered[best.Region];
        var words = text.Substring(best.Start, best.Length);
        return new(region.Code, words, $"文中提到“{words}”：{region.Name}。");
    }

    internal static string ShortName(string name)
    {
        foreach (var suffix in Suffixes)
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal)) return name[..^suffix.Length];
        return name;
    }

    private readonly record struct Found(int Region, int Start, int Length, bool IsPrefecture);

    private struct Sink(List<string> terms, List<int> owners, List<RegionName> regions) : IMatchSink
    {
        public Found? Best { get; private set; }

        public void OnMatch(int end, int term)
        {
            var length = terms[term].Length;
            var found = new Found(owners[term], end - length, length, regions[owners[term]].Level == Prefecture);
            if (Best is not { } best || Better(found, best)) Best = found;
        }

        /// <summary>A prefecture over a province; then the earlier; at the same start the longer name.</summary>
        private static bool Better(Found a, Found b) =>
            a.IsPrefecture != b.IsPrefecture ? a.IsPrefecture
            : a.Start != b.Start ? a.Start < b.Start
            : a.Length > b.Length;
    }
}
