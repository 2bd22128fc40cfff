using System.Text;

namespace Readout.Storage;

/// <summary>
/// UTF-8 stores (SQLite, PostgreSQL) cannot hold an unpaired UTF-16 surrogate. The store replaces
/// each with U+FFFD, which is also one UTF-16 code unit, so every offset stays valid.
/// </summary>
internal static class LoneSurrogates
{
    /// <returns><paramref name="value"/> itself when it has none.</returns>
    public static string Replace(string value, out int replaced)
    {
        replaced = 0;
        int i = IndexOfLone(value, 0);
        if (i < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value);
        while (i >= 0)
        {
            sb[i] = '\uFFFD';
            replaced++;
            i = IndexOfLone(value, i + 1);
        }

        return sb.ToString();
    }

    public static string? Replace(string? value) => value is null ? null : Replace(value, out _);

    private static int IndexOfLone(string s, int from)
    {
        for (int i = from; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
