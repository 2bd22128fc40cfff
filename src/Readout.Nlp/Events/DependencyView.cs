using Readout.Core.Layers;

namespace Readout.Nlp.Events;

/// <summary>
/// A dependency tree read from the head's side: each token's dependents in text order (one flat array,
/// offsets per head), and the clause relations the event coder asks for (nsubj, obj, obl + case, …).
/// Token indices are document-level, as in <see cref="DependencyTree"/>. Built once per document in O(n).
/// </summary>
internal sealed class DependencyView
{
    private readonly int[] _heads;
    private readonly string[] _relations;
    private readonly int[] _childStart;
    private readonly int[] _children;

    public DependencyView(DependencyTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        _heads = tree.Heads;
        _relations = tree.Relations;
        int n = _heads.Length;
        _childStart = new int[n + 1];
        foreach (int h in _heads)
        {
            if (h >= 0)
            {
                _childStart[h + 1]++;
            }
        }

        for (int i = 0; i < n; i++)
        {
            _childStart[i + 1] += _childStart[i];
        }

        _children = new int[_childStart[n]];
        var fill = new int[n];
        for (int d = 0; d < n; d++)
        {
            // Dependents are visited in text order, so each head's list is in text order too.
            if (_heads[d] is var h and >= 0)
            {
                _children[_childStart[h] + fill[h]++] = d;
            }
        }
    }

    public int Count => _heads.Length;

    /// <summary>The head of <paramref name="token"/>, -1 for a sentence root.</summary>
    public int Head(int token) => _heads[token];

    /// <summary>The full UD relation, with subtype ("nsubj:pass").</summary>
    public string Relation(int token) => _relations[token];

    /// <summary>True when the relation is <paramref name="relation"/> or one of its subtypes ("obl" matches "obl:agent").</summary>
    public bool Is(int token, string relation)
    {
        string r = _relations[token];
        return r.StartsWith(relation, StringComparison.Ordinal) && (r.Length == relation.Length || r[relation.Length] == ':');
    }

    /// <summary>The dependents of <paramref name="head"/>, in text order.</summary>
    public ReadOnlySpan<int> Children(int head) => _children.AsSpan(_childStart[head], _childStart[head + 1] - _childStart[head]);

    /// <summary>The first dependent of <paramref name="head"/> with exactly this relation, or -1.</summary>
    public int Child(int head, string relation)
    {
        foreach (int c in Children(head))
        {
            if (_relations[c] == relation)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The dependents of <paramref name="head"/> coordinated with it ("Abe and Cerar": Cerar is conj of Abe).</summary>
    public IEnumerable<int> Conjuncts(int head)
    {
        for (int i = _childStart[head]; i < _childStart[head + 1]; i++)
        {
            if (_relations[_children[i]] == "conj")
            {
                yield return _children[i];
            }
        }
    }
}
