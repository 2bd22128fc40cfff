namespace Readout.Nlp.Parsing;

/// <summary>
/// Makes a tree projective by lifting (Nivre and Nilsson 2005, without label encoding): while an
/// arc crosses another, the dependent of the shortest non-projective arc moves to its head's head.
/// </summary>
internal static class Projectivizer
{
    /// <summary>Returns projective heads (index 1..n, 0 = root) and how many lifts were needed.</summary>
    public static (int[] Heads, int Lifts) Projectivize(int[] heads)
    {
        var h = (int[])heads.Clone();
        int lifts = 0;
        while (true)
        {
            int worst = -1, worstLength = int.MaxValue;
            for (int d = 1; d < h.Length; d++)
            {
                int length = Math.Abs(h[d] - d);
                if (h[d] > 0 && length < worstLength && !IsProjective(h, d))
                {
                    worst = d;
                    worstLength = length;
                }
            }

            if (worst < 0 || lifts > 4 * h.Length)
            {
                return (h, lifts);
            }

            h[worst] = h[h[worst]];
            lifts++;
        }
    }

    /// <summary>True when every word between <paramref name="d"/> and its head descends from that head.</summary>
    private static bool IsProjective(int[] h, int d)
    {
        int head = h[d];
        int lo = Math.Min(head, d), hi = Math.Max(head, d);
        for (int x = lo + 1; x < hi; x++)
        {
            int a = x, steps = 0;
            while (a != head && a != 0 && steps++ < h.Length)
            {
                a = h[a];
            }

            if (a != head)
            {
                return false;
            }
        }

        return true;
    }
}
