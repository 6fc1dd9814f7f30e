namespace ChainLink.Application.Skills;

/// <summary>
/// Aho–Corasick automaton over folded terms: one pass over a text finds every occurrence of every term,
/// whatever the number of terms. The root's transitions are a dense table (most characters of a text
/// start nothing), the rest sit in one open-addressing hash table keyed by (state, character), each key beside its
/// value so a lookup in the grown taxonomy's table of several megabytes costs one cache miss, not two.
/// </summary>
internal sealed class TermAutomaton
{
    private struct Entry
    {
        public ulong Key;
        public int Value;
    }

    private readonly int[] _rootNext;
    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly int[] _fail;
    private readonly int[] _term;
    private readonly int[] _output;

    /// <param name="terms">Folded terms; the automaton reports matches by index into this list.</param>
    public TermAutomaton(IReadOnlyList<string> terms)
    {
        var edges = new Dictionary<ulong, int>();
        var term = new List<int> { -1 };
        for (var t = 0; t < terms.Count; t++)
        {
            var state = 0;
            foreach (var c in terms[t])
            {
                var key = Key(state, c);
                if (!edges.TryGetValue(key, out var next))
                {
                    next = term.Count;
                    term.Add(-1);
                    edges.Add(key, next);
                }
                state = next;
            }
            if (state != 0 && term[state] < 0) term[state] = t;
        }

        var count = term.Count;
        _term = [.. term];
        _fail = new int[count];
        _output = new int[count];
        _rootNext = new int[char.MaxValue + 1];
        var children = new List<(char Char, int Child)>[count];
        foreach (var (key, child) in edges)
        {
            var parent = (int)(key >> 16);
            (children[parent] ??= []).Add(((char)(key & 0xFFFF), child));
            if (parent == 0) _rootNext[(char)(key & 0xFFFF)] = child;
        }

        var capacity = 1;
        while (capacity < edges.Count * 2) capacity <<= 1;
        _entries = new Entry[capacity];
        _mask = capacity - 1;
        Array.Fill(_entries, new Entry { Key = ulong.MaxValue });
        foreach (var (key, child) in edges)
        {
            if ((key >> 16) == 0) continue;
            var slot = Slot(key);
            while (_entries[slot].Key != ulong.MaxValue) slot = (slot + 1) & _mask;
            _entries[slot] = new Entry { Key = key, Value = child };
        }

        // Breadth-first, so a node's failure target is finished before the node itself.
        var queue = new Queue<int>();
        _output[0] = -1;
        foreach (var (_, child) in children[0] ?? [])
        {
            _fail[child] = 0;
            _output[child] = -1;
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in children[node] ?? [])
            {
                var f = _fail[node];
                int target;
                while ((target = Next(f, c)) < 0 && f != 0) f = _fail[f];
                _fail[child] = target < 0 ? 0 : target;
                _output[child] = _term[_fail[child]] >= 0 ? _fail[child] : _output[_fail[child]];
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Tells <paramref name="sink"/> (end exclusive, term index) of every term occurrence in text[0..length).</summary>
    public void Scan<TSink>(char[] text, int length, ref TSink sink) where TSink : struct, IMatchSink
    {
        var state = 0;
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            while (true)
            {
                if (state == 0)
                {
                    state = _rootNext[c];
                    break;
                }
                var next = Next(state, c);
                if (next >= 0)
                {
                    state = next;
                    break;
                }
                state = _fail[state];
            }
            if (state == 0) continue;
            for (var s = _term[state] >= 0 ? state : _output[state]; s > 0; s = _output[s])
                sink.OnMatch(i + 1, _term[s]);
        }
    }

    private int Next(int state, char c)
    {
        if (state == 0)
        {
            var root = _rootNext[c];
            return root == 0 ? -1 : root;
        }
        var key = Key(state, c);
        for (var slot = Slot(key); ; slot = (slot + 1) & _mask)
        {
            ref readonly var entry = ref _entries[slot];
            if (entry.Key == key) return entry.Value;
            if (entry.Key == ulong.MaxValue) return -1;
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & _mask;

    private static ulong Key(int state, char c) => ((ulong)(uint)state << 16) | c;
}

internal interface IMatchSink
{
    void OnMatch(int end, int term);
}
