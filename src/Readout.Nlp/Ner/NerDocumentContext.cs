using Readout.Nlp.Training;

namespace Readout.Nlp.Ner;

/// <summary>
/// What the rest of a document says about a capitalized word, without labels: the words around its other
/// occurrences ("town of Coron", "in Coron", "Byron 's") and whether it also appears in lower case. A name
/// typed from one sentence alone ("Coron was registered") takes the evidence of the others.
/// Built once per document; read-only afterwards.
/// </summary>
public sealed class NerDocumentContext
{
    /// <summary>Other occurrences whose neighbours become features, per token.</summary>
    public const int MaxOccurrences = 6;

    private readonly Dictionary<string, List<(int Sentence, int Token, ulong Previous, ulong Next)>> _occurrences = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lowerCase = new(StringComparer.Ordinal);

    public NerDocumentContext(IEnumerable<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        int s = 0;
        foreach (var forms in sentences)
        {
            for (int i = 0; i < forms.Count; i++)
            {
                string form = forms[i];
                if (form.Length == 0)
                {
                    continue;
                }

                if (!char.IsUpper(form[0]))
                {
                    _lowerCase.Add(form);
                    continue;
                }

                if (!_occurrences.TryGetValue(form, out var list))
                {
                    list = [];
                    _occurrences[form] = list;
                }

                ulong previous = i > 0 ? FeatureHash.Of(forms[i - 1], lower: true) : 1;
                ulong next = i + 1 < forms.Count ? FeatureHash.Of(forms[i + 1], lower: true) : 2;
                list.Add((s, i, previous, next));
            }

            s++;
        }
    }

    /// <summary>A document of one sentence: no evidence from elsewhere.</summary>
    public static NerDocumentContext Empty { get; } = new([]);

    /// <summary>
    /// Writes features for token <paramref name="token"/> of sentence <paramref name="sentence"/>: the neighbours
    /// of up to <see cref="MaxOccurrences"/> other occurrences of the same capitalized form, and a mark when the
    /// form is also written in lower case. Returns the count written.
    /// </summary>
    public int Features(string form, int sentence, int token, Span<ulong> features)
    {
        int n = 0;
        if (form.Length == 0 || !char.IsUpper(form[0]))
        {
            return 0;
        }

        // Lower-cased into a buffer and looked up as a span: this runs for every capitalized token.
        Span<char> buffer = form.Length <= 64 ? stackalloc char[64] : new char[form.Length];
        var lower = buffer[..form.AsSpan().ToLowerInvariant(buffer)];
        if (_lowerCase.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower))
        {
            features[n++] = FeatureHash.Feature(60, 1);
        }

        if (_occurrences.TryGetValue(form, out var list))
        {
            int used = 0;
            foreach (var (s, t, previous, next) in list)
            {
                if (s == sentence && t == token)
                {
                    continue;
                }

                features[n++] = FeatureHash.Feature(61, previous);
                features[n++] = FeatureHash.Feature(62, next);
                if (++used == MaxOccurrences)
                {
                    break;
                }
            }
        }

        return n;
    }
}
