using Readout.Core.Layers;

namespace Readout.Nlp.Ner;

/// <summary>
/// The BILOU label set: class 0 is O, then B, I, L, U for each of <see cref="Kinds"/> in order
/// (class = 1 + 4 · kind + position).
/// </summary>
internal static class NerLabels
{
    public static readonly EntityKind[] Kinds = [EntityKind.Person, EntityKind.Organization, EntityKind.Place, EntityKind.Nationality];

    public const int Outside = 0;
    public const int Begin = 0;
    public const int Inside = 1;
    public const int Last = 2;
    public const int Unit = 3;

    public static int Count => 1 + (4 * Kinds.Length);

    public static int Class(int kindIndex, int position) => 1 + (4 * kindIndex) + position;

    public static int KindIndex(int label) => (label - 1) / 4;

    public static int Position(int label) => (label - 1) % 4;

    public static int IndexOf(EntityKind kind) => Array.IndexOf(Kinds, kind);

    // CanFollow for every (previous + 1, label): Viterbi asks for every pair at every token.
    private static readonly bool[] Follows = [.. Enumerable.Range(0, (Count + 1) * Count).Select(k => Allowed((k / Count) - 1, k % Count))];

    /// <summary>True when <paramref name="label"/> may follow <paramref name="previous"/> (−1 = sentence start).</summary>
    public static bool CanFollow(int previous, int label) => Follows[((previous + 1) * Count) + label];

    private static bool Allowed(int previous, int label)
    {
        bool open = previous > 0 && Position(previous) is Begin or Inside;
        if (label == Outside)
        {
            return !open;
        }

        int position = Position(label);
        if (position is Begin or Unit)
        {
            return !open;
        }

        return open && KindIndex(previous) == KindIndex(label);
    }

    /// <summary>True when a sentence may end after <paramref name="label"/>.</summary>
    public static bool CanEnd(int label) => label <= 0 || Position(label) is Last or Unit;

    public static int[] Encode(int count, IEnumerable<NerSpan> spans)
    {
        var labels = new int[count];
        foreach (var s in spans)
        {
            int k = IndexOf(s.Kind);
            if (k < 0 || s.End <= s.Start)
            {
                continue;
            }

            if (s.End - s.Start == 1)
            {
                labels[s.Start] = Class(k, Unit);
                continue;
            }

            labels[s.Start] = Class(k, Begin);
            for (int i = s.Start + 1; i < s.End - 1; i++)
            {
                labels[i] = Class(k, Inside);
            }

            labels[s.End - 1] = Class(k, Last);
        }

        return labels;
    }

    /// <summary>Spans of a (valid or not) label sequence: B…L and U make spans; stray I or L start one.</summary>
    public static List<NerSpan> Decode(ReadOnlySpan<int> labels)
    {
        var spans = new List<NerSpan>();
        int start = -1, kind = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            int l = labels[i];
            if (l == Outside)
            {
                Close(i);
                continue;
            }

            int k = KindIndex(l), p = Position(l);
            if (p is Begin or Unit || start < 0 || k != kind)
            {
                Close(i);
                start = i;
                kind = k;
            }

            if (p is Last or Unit)
            {
                Close(i + 1);
            }
        }

        Close(labels.Length);
        return spans;

        void Close(int end)
        {
            if (start >= 0)
            {
                spans.Add(new NerSpan(start, end, Kinds[kind]));
            }

            start = -1;
            kind = -1;
        }
    }
}
