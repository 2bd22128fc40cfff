namespace Readout.Nlp.Training;

/// <summary>
/// 64-bit hashing for perceptron features: strings are hashed once per token, then combined
/// with a template id. Pure functions; the same input gives the same hash on every platform.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of the characters, optionally lower-cased, with curly quotes folded to straight ones.</summary>
    public static ulong Of(ReadOnlySpan<char> text, bool lower)
    {
        ulong h = Offset;
        foreach (char c0 in text)
        {
            char c = Fold(c0);
            if (lower)
            {
                c = char.ToLowerInvariant(c);
            }

            h = (h ^ c) * Prime;
        }

        return Mix(h ^ (ulong)text.Length);
    }

    /// <summary>
    /// Writes the characters folded and lower-cased as <see cref="Of(ReadOnlySpan{char}, bool)"/> sees
    /// them, so that <c>Raw(folded[a..b])</c> equals <c>Of(text[a..b], lower: true)</c>.
    /// </summary>
    public static void FoldLower(ReadOnlySpan<char> text, Span<char> folded)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            folded[i] = c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(Fold(c));
        }
    }

    /// <summary>Hash of characters already folded (and lower-cased if wanted) by <see cref="FoldLower"/>.</summary>
    public static ulong Raw(ReadOnlySpan<char> folded)
    {
        ulong h = Offset;
        foreach (char c in folded)
        {
            h = (h ^ c) * Prime;
        }

        return Mix(h ^ (ulong)folded.Length);
    }

    /// <summary>Hash of a string constant (used for padding tokens and class names).</summary>
    public static ulong Of(string text) => Of(text.AsSpan(), lower: false);

    public static ulong Combine(ulong a, ulong b) => Mix((a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL));

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    public static ulong Combine(ulong a, ulong b, ulong c, ulong d) => Combine(Combine(Combine(a, b), c), d);

    /// <summary>Feature hash for template <paramref name="template"/> with one value.</summary>
    public static ulong Feature(int template, ulong value) => Combine((ulong)template + 1, value);

    public static ulong Feature(int template, ulong a, ulong b) => Combine((ulong)template + 1, a, b);

    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Combine((ulong)template + 1, a, b, c);

    /// <summary>Folds typographic quotes and dashes onto the ASCII forms the treebanks mostly use.</summary>
    public static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
        '\u2013' or '\u2014' => '-',
        _ => c,
    };

    private static ulong Mix(ulong z)
    {
        // splitmix64 finalizer
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
