using System.Buffers;
using System.Collections.Frozen;
using ChainLink.Domain.Reference;

namespace ChainLink.Application.Skills;

/// <summary>
/// Every skill's names and aliases, folded and compiled into one automaton, with the clause markers
/// that make a mention optional (优先, a plus) or negated (不需要, not required). Immutable: built once
/// per taxonomy version and shared by all requests.
/// </summary>
public sealed class SkillDictionary
{
    private enum TermKind : byte
    {
        Skill,
        Optional,
        Negation,
        Cue,
    }

    private readonly record struct TermInfo(TermKind Kind, int Skill, int Length, bool LeftBoundary, bool RightBoundary);

    private readonly record struct Match(int Start, int End, int Term);

    private readonly record struct Clause(int Start, int End, int Sentence);

    private static readonly string[] OptionalMarkers =
    [
        "优先", "加分", "更佳", "为佳", "尤佳", "最好", "非必须", "非必需", "不强制", "可选",
        "preferred", "preferably", "nice to have", "nice-to-have", "a plus", "bonus", "desirable", "optional", "advantageous", "an advantage",
    ];

    private static readonly string[] NegationMarkers =
    [
        "不需要", "不需", "无需", "无须", "不要求", "不必", "不用",
        "not required", "not needed", "no need", "not necessary", "unnecessary",
    ];

    /// <summary>Words after which a Chinese ad names what it wants; "会" only counts at the start of a clause.</summary>
    private static readonly string[] CueWords = ["熟悉", "掌握", "精通", "具备", "具有", "了解", "懂得", "擅长", "能够", "熟练", "会"];

    /// <summary>Fillers trimmed from the end of an unknown phrase, longest first.</summary>
    private static readonly string[] PhraseSuffixes = ["相关工作", "者优先", "优先", "经验", "能力", "知识", "工作", "要求", "者", "等", "的"];
    private static readonly int MaxSuffixLength = PhraseSuffixes.Max(s => s.Length);

    /// <summary>Verbs trimmed from the start of an unknown phrase ("使用万用表" names 万用表); one-character verbs start too many nouns.</summary>
    private static readonly string[] PhrasePrefixes = ["熟练使用", "熟练操作", "使用", "运用", "看懂", "编写", "进行", "以"];

    private static readonly FrozenSet<string> EnglishStopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "and", "or", "the", "of", "in", "on", "for", "to", "with", "at", "by", "as", "is", "are", "be", "we", "you", "our",
        "years", "year", "yrs", "experience", "skills", "skill", "knowledge", "good", "strong", "able", "must", "have", "has", "will",
        "work", "team", "job", "role", "plus", "nice", "required", "preferred", "not", "no", "need", "needed", "etc", "ok",
    ], StringComparer.Ordinal);

    private readonly TermAutomaton _automaton;
    private readonly TermInfo[] _terms;
    private readonly string[] _codes;
    private readonly string[] _names;
    private readonly int[] _parents;
    private readonly FrozenDictionary<string, int> _owners;

    private SkillDictionary(TermAutomaton automaton, TermInfo[] terms, string[] codes, string[] names, int[] parents, FrozenDictionary<string, int> owners)
    {
        _automaton = automaton;
        _terms = terms;
        _codes = codes;
        _names = names;
        _parents = parents;
        _owners = owners;
    }

    public int SkillCount => _codes.Length;

    /// <summary>Number of distinct folded names and aliases.</summary>
    public int TermCount => _owners.Count;

    /// <summary>Compiles the skills' Chinese and English names and aliases; when two skills share a folded term the first by code keeps it.</summary>
    public static SkillDictionary Build(IEnumerable<Skill> skills)
    {
        var ordered = skills.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var index = ordered.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var parents = ordered.Select(s => s.ParentCode is { } p && index.TryGetValue(p, out var pi) ? pi : -1).ToArray();

        var texts = new List<string>();
        var infos = new List<TermInfo>();
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string raw, TermKind kind, int skill)
        {
            var folded = TextNormalizer.NormalizeTerm(raw);
            if (folded.Length < 2 || !seen.Add(folded)) return;
            if (kind == TermKind.Skill) owners[folded] = skill;
            texts.Add(folded);
            infos.Add(new TermInfo(kind, skill, folded.Length, TextNormalizer.IsWordChar(folded[0]), TextNormalizer.IsWordChar(folded[^1])));
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            Add(ordered[i].NameZh, TermKind.Skill, i);
            Add(ordered[i].NameEn, TermKind.Skill, i);
            foreach (var alias in ordered[i].Aliases) Add(alias.Text, TermKind.Skill, i);
        }
        foreach (var m in NegationMarkers) Add(m, TermKind.Negation, -1);
        foreach (var m in OptionalMarkers) Add(m, TermKind.Optional, -1);
        foreach (var m in CueWords)
        {
            // Single-character cues are found by AddSingleCharacterCues: the automaton keeps terms of two characters or more.
            if (m.Length > 1) Add(m, TermKind.Cue, -1);
        }

        return new SkillDictionary(new TermAutomaton(texts), [.. infos],
            ordered.Select(s => s.Code).ToArray(), ordered.Select(s => s.NameZh).ToArray(), parents, owners.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The code of the skill that already has <paramref name="term"/> (folded) as a name or alias, if any.</summary>
    public string? OwnerOf(string term) =>
        _owners.TryGetValue(TextNormalizer.NormalizeTerm(term), out var skill) ? _codes[skill] : null;

    public SkillExtraction Extract(string text) => Extract(text, out _);

    /// <summary>Also counts the <paramref name="steps"/> of the work that must grow linearly with the text, for a test to check.</summary>
    internal SkillExtraction Extract(string text, out long steps)
    {
        steps = 0;
        if (string.IsNullOrEmpty(text)) return SkillExtraction.Empty;
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        var origin = ArrayPool<int>.Shared.Rent(text.Length);
        try
        {
            var length = TextNormalizer.Normalize(text, chars, origin);
            if (length == 0) return SkillExtraction.Empty;
            var run = new Run(this, text, chars, origin, length);
            var extraction = run.Extract();
            steps = run.Steps;
            return extraction;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(origin);
        }
    }

    private struct MatchCollector(SkillDictionary dictionary, char[] chars, int length, List<Match> matches) : IMatchSink
    {
        public readonly void OnMatch(int end, int term)
        {
            var info = dictionary._terms[term];
            var start = end - info.Length;
            if (info.LeftBoundary && start > 0 && TextNormalizer.IsWordChar(chars[start - 1])) return;
            if (info.RightBoundary && end < length && TextNormalizer.IsWordChar(chars[end]))
            {
                // An English plural ("PLCs", "VFDs") still names the term.
                var plural = chars[end] == 's' && (end + 1 == length || !TextNormalizer.IsWordChar(chars[end + 1]));
                if (!plural || info.Kind != TermKind.Skill) return;
                end++;
            }
            matches.Add(new Match(start, end, term));
        }
    }

    /// <summary>State of one extraction; positions are indexes into the folded text unless named otherwise.</summary>
    private sealed class Run(SkillDictionary d, string text, char[] chars, int[] origin, int length)
    {
        private readonly List<Clause> _clauses = [];
        private readonly bool[] _known = new bool[length];
        private readonly Dictionary<int, int> _trimmedEnds = [];
        private int[] _tailStarts = [];

        /// <summary>
        /// Markers scoped, clauses marked by headings, stops visited and suffixes trimmed by the cue-phrase scan: the work
        /// that once grew with the square of hostile text and must now grow linearly.
        /// </summary>
        public long Steps { get; private set; }

        public SkillExtraction Extract()
        {
            var matches = new List<Match>();
            var collector = new MatchCollector(d, chars, length, matches);
            d._automaton.Scan(chars, length, ref collector);

            var skills = new List<Match>();
            var markers = new List<Match>();
            foreach (var m in matches)
            {
                (d._terms[m.Term].Kind == TermKind.Skill ? skills : markers).Add(m);
                for (var i = m.Start; i < m.End; i++) _known[i] = true;
            }
            AddSingleCharacterCues(markers);

            var kept = SelectLongestThenLeftmost(skills);
            SplitClauses();
            var optional = new bool[_clauses.Count];
            var negations = new Negations(_clauses.Count);
            _tailStarts = Enumerable.Repeat(-1, _clauses.Count).ToArray();
            var optionalToSentenceEnd = new bool[_clauses.Count];
            var nextColon = NextColons();
            foreach (var marker in markers)
            {
                if (marker.Term < 0) continue;
                var kind = d._terms[marker.Term].Kind;
                if (kind == TermKind.Cue) continue;
                var clause = ClauseAt(marker.Start);
                Steps++;
                if (kind == TermKind.Optional) optional[clause] = true;
                else negations.Add(clause, marker.Start, endsClause: marker.End >= TailStart(clause));
                if (!IsHeading(clause, marker.End, nextColon)) continue;
                // A heading covers the rest of its sentence; a clause already covered by an earlier heading has the rest
                // covered too, so each clause is marked once however many headings precede it.
                var toSentenceEnd = kind == TermKind.Optional ? optionalToSentenceEnd : negations.WholeClause;
                for (var c = clause + 1; c < _clauses.Count && _clauses[c].Sentence == _clauses[clause].Sentence && !toSentenceEnd[c]; c++)
                {
                    toSentenceEnd[c] = true;
                    Steps++;
                    if (kind == TermKind.Optional) optional[c] = true;
                }
            }

            var hits = new List<SkillHit>();
            var negated = new List<SkillHit>();
            var present = new List<(Match Match, bool Essential)>();
            foreach (var m in kept)
            {
                var clause = ClauseAt(m.Start);
                if (negations.Negates(clause, m)) negated.Add(ToHit(m, essential: false));
                else present.Add((m, !optional[clause]));
            }

            // A skill mentioned together with one of its descendants adds nothing: the specific skill says more.
            // This is also what keeps group-level skills (categories) out unless nothing under them matched.
            var covered = new HashSet<int>();
            foreach (var (m, _) in present)
                for (var p = d._parents[d._terms[m.Term].Skill]; p >= 0; p = d._parents[p]) covered.Add(p);
            var skillsSeen = new Dictionary<int, int>();
            var distinct = new List<ExtractedSkill>();
            foreach (var (m, essential) in present)
            {
                var skill = d._terms[m.Term].Skill;
                if (covered.Contains(skill)) continue;
                hits.Add(ToHit(m, essential));
                if (skillsSeen.TryGetValue(skill, out var at))
                {
                    if (essential && !distinct[at].Essential) distinct[at] = distinct[at] with { Essential = true };
                }
                else
                {
                    skillsSeen.Add(skill, distinct.Count);
                    distinct.Add(new ExtractedSkill(d._codes[skill], d._names[skill], essential));
                }
            }

            var unknown = new List<UnknownTerm>();
            FindUnknownLatin(unknown);
            FindUnknownAfterCues(markers, unknown);
            unknown.Sort((a, b) => a.Start.CompareTo(b.Start));
            return new SkillExtraction(hits, negated, distinct, unknown);
        }

        /// <summary>Longest match wins; between equally long ones the leftmost; kept matches are returned in text order.</summary>
        private List<Match> SelectLongestThenLeftmost(List<Match> candidates)
        {
            candidates.Sort((a, b) => (b.End - b.Start) != (a.End - a.Start) ? (b.End - b.Start).CompareTo(a.End - a.Start) : a.Start.CompareTo(b.Start));
            var taken = new bool[length];
            var kept = new List<Match>();
            foreach (var m in candidates)
            {
                var free = true;
                for (var i = m.Start; i < m.End && free; i++) free = !taken[i];
                if (!free) continue;
                for (var i = m.Start; i < m.End; i++) taken[i] = true;
                kept.Add(m);
            }
            kept.Sort((a, b) => a.Start.CompareTo(b.Start));
            return kept;
        }

        /// <summary>"会" is too common to be a cue anywhere ("社会", "会计"), so it counts only where a clause starts.</summary>
        private void AddSingleCharacterCues(List<Match> markers)
        {
            for (var i = 0; i < length; i++)
            {
                if (chars[i] != '会' || _known[i]) continue;
                if (i == 0 || IsClauseBreak(i - 1) || chars[i - 1] is ' ' or ':' or '、') markers.Add(new Match(i, i + 1, -1));
            }
        }

        /// <summary>
        /// Clauses end at ， , ; 。 ! ? and line breaks, and at "." unless it sits inside a token ("Node.js", "3.5").
        /// 、 lists items inside one clause, so "具备A、B经验者优先" makes both optional.
        /// </summary>
        private void SplitClauses()
        {
            var start = 0;
            var sentence = 0;
            for (var i = 0; i < length; i++)
            {
                if (!IsClauseBreak(i)) continue;
                _clauses.Add(new Clause(start, i, sentence));
                if (IsSentenceBreak(i)) sentence++;
                start = i + 1;
            }
            _clauses.Add(new Clause(start, length, sentence));
        }

        private bool IsClauseBreak(int i) => chars[i] is ',' or '，' || IsSentenceBreak(i);

        private bool IsSentenceBreak(int i) => chars[i] switch
        {
            ';' or '。' or '!' or '?' or '\n' => true,
            '.' => i + 1 >= length || !char.IsAsciiLetterOrDigit(chars[i + 1]),
            _ => false,
        };

        private int ClauseAt(int position)
        {
            int lo = 0, hi = _clauses.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_clauses[mid].Start <= position) lo = mid;
                else hi = mid - 1;
            }
            return lo;
        }

        /// <summary>A marker scopes its clause; followed by a colon ("加分项：", "Nice to have:") it heads the rest of its sentence.</summary>
        private bool IsHeading(int clause, int markerEnd, int[] nextColon) => markerEnd < length && nextColon[markerEnd] < _clauses[clause].End;

        /// <summary>Where the clause's closing run of spaces and full stops begins (its end if there is none).</summary>
        private int TailStart(int clause)
        {
            var (start, end) = (_clauses[clause].Start, _clauses[clause].End);
            if (_tailStarts[clause] < 0)
            {
                var t = end;
                while (t > start && chars[t - 1] is ' ' or '.' or '!' or '。') t--;
                _tailStarts[clause] = t;
            }
            return _tailStarts[clause];
        }

        /// <summary>For each position, the first ':' at or after it (the text's length if none).</summary>
        private int[] NextColons()
        {
            var next = new int[length + 1];
            next[length] = length;
            for (var i = length - 1; i >= 0; i--) next[i] = chars[i] == ':' ? i : next[i + 1];
            return next;
        }

        /// <summary>
        /// The negations of each clause, reduced to what decides whether a mention is negated, so the question costs
        /// the same however many negations the text holds.
        /// A negation applies to the mentions after it in its clause ("无需电工证"), and to those before it only when
        /// it ends the clause ("电工证不需要"): in "熟悉PLC无需经验" it negates the experience, not PLC.
        /// A heading negation ("不需要：") covers its sentence.
        /// </summary>
        private sealed class Negations(int clauses)
        {
            private readonly int[] _firstStart = Enumerable.Repeat(int.MaxValue, clauses).ToArray();
            private readonly bool[] _endsClause = new bool[clauses];

            /// <summary>Clauses a heading negation of an earlier clause covers whole.</summary>
            public bool[] WholeClause { get; } = new bool[clauses];

            public void Add(int clause, int start, bool endsClause)
            {
                _firstStart[clause] = Math.Min(_firstStart[clause], start);
                _endsClause[clause] |= endsClause;
            }

            public bool Negates(int clause, Match m) => WholeClause[clause] || m.Start >= _firstStart[clause] || _endsClause[clause];
        }

        private SkillHit ToHit(Match m, bool essential)
        {
            var (start, len) = OriginalSpan(m.Start, m.End);
            var skill = d._terms[m.Term].Skill;
            return new SkillHit(d._codes[skill], d._names[skill], text.Substring(start, len), start, len, essential);
        }

        /// <summary>The folded range [start, end) as (start, length) of the original string; folded characters never stand for half a surrogate pair.</summary>
        private (int Start, int Length) OriginalSpan(int start, int end)
        {
            var from = origin[start];
            var last = origin[end - 1];
            var to = char.IsHighSurrogate(text[last]) ? last + 2 : last + 1;
            return (from, to - from);
        }

        /// <summary>Latin tokens that look technical: acronyms, inner capitals, letters with digits, + or #, or a Latin word inside Chinese text.</summary>
        private void FindUnknownLatin(List<UnknownTerm> unknown)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            while (i < length)
            {
                if (!char.IsAsciiLetterOrDigit(chars[i]) || (i > 0 && TextNormalizer.IsWordChar(chars[i - 1])))
                {
                    i++;
                    continue;
                }
                var end = i + 1;
                while (end < length && (char.IsAsciiLetterOrDigit(chars[end]) || chars[end] is '+' or '#'
                    || (chars[end] is '.' or '-' && end + 1 < length && char.IsAsciiLetterOrDigit(chars[end + 1]))))
                    end++;
                var start = i;
                i = end;
                if (end - start < 2 || IsKnown(start, end)) continue;
                var token = new string(chars, start, end - start);
                if (EnglishStopWords.Contains(token) || !LooksTechnical(start, end, token) || !reported.Add(token)) continue;
                var (s, len) = OriginalSpan(start, end);
                unknown.Add(new UnknownTerm(text.Substring(s, len), s, len, UnknownTermKind.Latin));
            }
        }

        private bool LooksTechnical(int start, int end, string token)
        {
            var letters = token.Count(char.IsAsciiLetter);
            if (letters == 0) return false;
            // Salaries ("8k", "8k-12k", "1.2w") are numbers with a unit, not terms.
            if (char.IsAsciiDigit(token[0]) && token.All(c => !char.IsAsciiLetter(c) || c is 'k' or 'w')) return false;
            if (letters < token.Length) return true;
            var upper = 0;
            for (var i = start; i < end; i++)
                if (char.IsUpper(text[origin[i]])) upper++;
            if (upper >= 2 || (upper == 1 && !char.IsUpper(text[origin[start]]))) return true;
            if (upper == 1 && !IsSentenceStart(start)) return true;
            var before = start - 1;
            while (before >= 0 && chars[before] == ' ') before--;
            var after = end;
            while (after < length && chars[after] == ' ') after++;
            return (before >= 0 && TextNormalizer.IsCjk(chars[before])) || (after < length && TextNormalizer.IsCjk(chars[after]));
        }

        private bool IsSentenceStart(int position)
        {
            var i = position - 1;
            while (i >= 0 && chars[i] == ' ') i--;
            return i < 0 || IsClauseBreak(i) || chars[i] == ':';
        }

        /// <summary>Phrases after a cue word (熟悉/掌握/精通/具备/会…) up to the clause end, split at 、和及与或/, that are not mostly known terms.</summary>
        /// <remarks>
        /// Linear in the text: an item runs from one stop (a split character or the clause end) to the next, so once a
        /// cue's scan reaches a stop that an earlier cue of the clause scanned past, the items after it were all
        /// reported already (a phrase is reported once), and the scan ends there. Hostile text made only of cue words
        /// ("熟悉、熟悉、…") thus visits each stop a bounded number of times instead of once per cue before it.
        /// </remarks>
        private void FindUnknownAfterCues(List<Match> markers, List<UnknownTerm> unknown)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            var nextStop = NextStops();
            // Per clause, the leftmost position a cue scan has started from; every item after a stop beyond it is reported.
            var scannedFrom = new int[_clauses.Count];
            Array.Fill(scannedFrom, int.MaxValue);
            foreach (var cue in markers)
            {
                if (cue.Term >= 0 && d._terms[cue.Term].Kind != TermKind.Cue) continue;
                var clause = ClauseAt(cue.Start);
                var clauseEnd = _clauses[clause].End;
                var itemStart = cue.End;
                for (var i = cue.End; i <= clauseEnd; i++)
                {
                    i = nextStop[i];
                    Steps++;
                    ReportPhrase(itemStart, i, reported, unknown);
                    if (i >= scannedFrom[clause]) break;
                    itemStart = i + 1;
                }
                scannedFrom[clause] = Math.Min(scannedFrom[clause], cue.End);
            }
        }

        /// <summary>For each position, the first position at or after it where a cue phrase item ends: a split character or a clause end.</summary>
        private int[] NextStops()
        {
            var next = new int[length + 1];
            next[length] = length;
            var clause = _clauses.Count - 1;
            for (var i = length - 1; i >= 0; i--)
            {
                while (clause > 0 && _clauses[clause].Start > i) clause--;
                var stop = i == _clauses[clause].End || chars[i] is '、' or '和' or '及' or '与' or '或' or '/' or ' ' or '(' or ')' or '（' or '）' or ':';
                next[i] = stop ? i : next[i + 1];
            }
            return next;
        }

        private void ReportPhrase(int start, int end, HashSet<string> reported, List<UnknownTerm> unknown)
        {
            foreach (var prefix in PhrasePrefixes)
            {
                if (end - start <= prefix.Length || !chars.AsSpan(start, end - start).StartsWith(prefix)) continue;
                start += prefix.Length;
                break;
            }
            end = TrimSuffixes(start, end);
            // A phrase mostly made of known terms is covered; one where a known word is only a part ("风电场防雷设计") is news.
            if (end - start is < 2 or > 16 || KnownCount(start, end) * 2 >= end - start) return;
            var hasCjk = false;
            for (var i = start; i < end && !hasCjk; i++) hasCjk = TextNormalizer.IsCjk(chars[i]);
            if (!hasCjk || !reported.Add(new string(chars, start, end - start))) return;
            var (s, len) = OriginalSpan(start, end);
            unknown.Add(new UnknownTerm(text.Substring(s, len), s, len, UnknownTermKind.AfterCue));
        }

        /// <summary>
        /// The end of [start, end) without its trailing 经验/能力/者优先/的…. Many items share an end (each cue's first item
        /// runs to the same stop), and a long run of suffixes ("的的的…") would be trimmed again for each; far enough
        /// from the item's start the trimmed end depends on the end alone, so it is found once per end.
        /// </summary>
        private int TrimSuffixes(int start, int end)
        {
            if (!_trimmedEnds.TryGetValue(end, out var anyStart)) _trimmedEnds[end] = anyStart = TrimSuffixesFrom(0, end);
            return anyStart - start > 2 * MaxSuffixLength ? anyStart : TrimSuffixesFrom(start, end);
        }

        private int TrimSuffixesFrom(int start, int end)
        {
            var trimmed = true;
            while (trimmed)
            {
                trimmed = false;
                foreach (var suffix in PhraseSuffixes)
                {
                    if (end - start <= suffix.Length || !chars.AsSpan(start, end - start).EndsWith(suffix)) continue;
                    end -= suffix.Length;
                    Steps++;
                    trimmed = true;
                    break;
                }
            }
            return end;
        }

        private bool IsKnown(int start, int end)
        {
            for (var i = start; i < end; i++)
                if (_known[i]) return true;
            return false;
        }

        private int KnownCount(int start, int end)
        {
            var count = 0;
            for (var i = start; i < end; i++)
                if (_known[i]) count++;
            return count;
        }
    }
}
