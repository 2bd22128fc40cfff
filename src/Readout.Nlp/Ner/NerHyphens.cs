using Readout.Core.Layers;

namespace Readout.Nlp.Ner;

/// <summary>
/// Hyphenated words as the name tagger reads them. The tokenizer splits "al-Qaeda" into "al", "-", "Qaeda", as
/// the treebanks do; the tagger reads such a run, hyphens written without spaces, as one word ("al-Qaeda"), whose
/// word classes, gazetteer entry ("Guinea-Bissau") and shape say what the parts alone do not. Spans are mapped back
/// to the tokens. A hyphen with a space on either side is a dash and splits ("Bryan Hull - Analyst").
/// </summary>
internal sealed class NerHyphens
{
    private readonly int[] _starts;

    private NerHyphens(int[] starts) => _starts = starts;

    /// <summary>Number of words the tagger reads.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>True when no hyphen joins anything: the tagger reads the tokens as they are.</summary>
    public bool IsIdentity => _starts[^1] == Count;

    /// <summary>
    /// The words of a sentence's tokens. <paramref name="spaceAfter"/> tells for each token whether a space follows
    /// it; null when the source does not say, and then a hyphen between two words joins them.
    /// </summary>
    public static NerHyphens Of(IReadOnlyList<string> forms, IReadOnlyList<bool>? spaceAfter)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var starts = new List<int>(forms.Count + 1);
        for (int i = 0; i < forms.Count; i++)
        {
            // A joining hyphen, and the word after it, continue the word before.
            if (!Joins(forms, spaceAfter, i) && !Joins(forms, spaceAfter, i - 1))
            {
                starts.Add(i);
            }
        }

        starts.Add(forms.Count);
        return new NerHyphens([.. starts]);
    }

    /// <summary>Whether the token at <paramref name="i"/> is a hyphen that joins the words on either side of it.</summary>
    private static bool Joins(IReadOnlyList<string> forms, IReadOnlyList<bool>? spaceAfter, int i) =>
        i > 0 && i + 1 < forms.Count && forms[i] == "-" && IsWord(forms[i - 1]) && IsWord(forms[i + 1])
        && (spaceAfter is null || (!spaceAfter[i - 1] && !spaceAfter[i]));

    /// <summary>
    /// True for a word written as a name: capitalized, or a hyphenated word whose last part is ("al-Sadr",
    /// "bin-Laden"), which a name may run on into.
    /// </summary>
    public static bool IsCapitalized(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        int last = form.LastIndexOf('-');
        return form.Length > 0 && (char.IsUpper(form[0]) || (last >= 0 && last + 1 < form.Length && char.IsUpper(form[last + 1])));
    }

    private static bool IsWord(string form) => form.Length > 0 && char.IsLetterOrDigit(form[0]) && char.IsLetterOrDigit(form[^1]);

    /// <summary>The words: joined runs written as one ("al-Qaeda").</summary>
    public string[] Forms(IReadOnlyList<string> forms)
    {
        var words = new string[Count];
        for (int j = 0; j < words.Length; j++)
        {
            words[j] = _starts[j + 1] - _starts[j] == 1 ? forms[_starts[j]] : string.Concat(Enumerable.Range(_starts[j], _starts[j + 1] - _starts[j]).Select(i => forms[i]));
        }

        return words;
    }

    /// <summary>Each word's part of speech: that of its last token ("al-Qaeda" a proper noun, "long-term" a noun).</summary>
    public Upos[] PartsOfSpeech(IReadOnlyList<Upos> upos)
    {
        var words = new Upos[Count];
        for (int j = 0; j < words.Length; j++)
        {
            words[j] = upos[_starts[j + 1] - 1];
        }

        return words;
    }

    /// <summary>Each word's score for being no name: the lowest of its tokens'.</summary>
    public float[] Outside(float[] outside)
    {
        var words = new float[Count];
        for (int j = 0; j < words.Length; j++)
        {
            words[j] = outside[_starts[j]];
            for (int i = _starts[j] + 1; i < _starts[j + 1]; i++)
            {
                words[j] = Math.Min(words[j], outside[i]);
            }
        }

        return words;
    }

    /// <summary>A span over words as a span over tokens.</summary>
    public NerSpan ToTokens(NerSpan span) => span with { Start = _starts[span.Start], End = _starts[span.End] };

    /// <summary>Spans over tokens as spans over words: a span that starts or ends inside a word takes the whole word.</summary>
    public List<NerSpan> ToWords(IReadOnlyList<NerSpan> spans)
    {
        var words = new List<NerSpan>(spans.Count);
        foreach (var span in spans)
        {
            int start = WordOf(span.Start), end = WordOf(span.End - 1) + 1;
            if (words.Count == 0 || words[^1].End <= start)
            {
                words.Add(span with { Start = start, End = end });
            }
        }

        return words;
    }

    private int WordOf(int token)
    {
        int j = Array.BinarySearch(_starts, token);
        return j >= 0 ? j : ~j - 1;
    }

    /// <summary>
    /// Whether a space follows each token, read from the sentence's text (a CoNLL-U <c># text</c> line); null when the
    /// tokens are not found in order in the text.
    /// </summary>
    public static bool[]? SpaceAfter(string text, IReadOnlyList<string> forms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(forms);
        var spaces = new bool[forms.Count];
        int position = 0;
        for (int i = 0; i < forms.Count; i++)
        {
            int at = text.IndexOf(forms[i], position, StringComparison.Ordinal);
            if (at < 0 || !string.IsNullOrWhiteSpace(text[position..at]))
            {
                return null;
            }

            if (i > 0)
            {
                spaces[i - 1] = at > position;
            }

            position = at + forms[i].Length;
        }

        if (forms.Count > 0)
        {
            spaces[^1] = true;
        }

        return spaces;
    }
}
