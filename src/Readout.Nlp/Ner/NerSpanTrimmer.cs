namespace Readout.Nlp.Ner;

/// <summary>
/// Holds predicted names to the conventional span, a chain of names: a capitalized name runs into no lower-case
/// word (so no e-mail address) other than a link between two capitalized words ("Bank of England", "al - Sadr"),
/// no quote, bracket or colon. Web text puts names straight before such words ("Holly - the owner", "Ryan Reynolds " &lt;
/// rreynol...@cogeco.ca", "Drs. Ali work wonders"), where the tagger, trained on edited text, runs on.
/// </summary>
internal static class NerSpanTrimmer
{
    private static readonly HashSet<string> Links = new(StringComparer.Ordinal) { "of", "&", "and", "for", "de", "du", "la", "le", "al", "el", "the", "on", "von", "van", "der", "den", "da", "di", "bin", "ibn", "-", "'s", "’s", "s", "." };

    /// <summary>
    /// The spans cut before the first token that cannot be inside a name; each keeps at least its first token. With a
    /// <paramref name="gazetteer"/>, a person's name also loses the titles before it ("Dr. Dorn", "President Bush"), as
    /// the training names from GUM do.
    /// </summary>
    public static List<NerSpan> Trim(IReadOnlyList<string> forms, List<NerSpan> spans, NerGazetteer? gazetteer = null)
    {
        for (int s = spans.Count - 1; s >= 0; s--)
        {
            var span = spans[s];
            if (!NerHyphens.IsCapitalized(forms[span.Start]))
            {
                // A name written in lower case gives no capitals to tell where it ends.
                continue;
            }

            int end = span.Start + 1;
            while (end < span.End && Continues(forms, end, span.End))
            {
                end++;
            }

            while (end > span.Start + 1 && Links.Contains(forms[end - 1]))
            {
                end--;
            }

            int start = gazetteer is not null && span.Kind == Core.Layers.EntityKind.Person ? NerCorpus.SkipTitles(forms, span.Start, end, gazetteer) : span.Start;
            if (end != span.End || start != span.Start)
            {
                spans[s] = span with { Start = start, End = end };
            }
        }

        return spans;
    }

    /// <summary>True when token <paramref name="i"/> may continue a capitalized name that the tagger ends at <paramref name="end"/>.</summary>
    private static bool Continues(IReadOnlyList<string> forms, int i, int end)
    {
        string form = forms[i];
        if (form.Length == 0 || form is "\"" or "<" or ">" or "(" or ")" or "[" or "]" or ":" or ";" or "!" or "?" or "|" or "''" or "``")
        {
            return false;
        }

        if (NerHyphens.IsCapitalized(form) || char.IsDigit(form[0]))
        {
            return true;
        }

        // A lower-case word only as a link to a capitalized word the name goes on to.
        return Links.Contains(form) && i + 1 < end && (NerHyphens.IsCapitalized(forms[i + 1]) || Links.Contains(forms[i + 1]));
    }

    private static readonly string[] FileExtensions = [".pdf", ".htm", ".html", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".txt", ".jpg", ".jpeg", ".gif", ".png", ".zip", ".exe", ".mp3"];

    /// <summary>
    /// True when the span holds a file name ("CrudeStocks.pdf", "TEXT.htm"): mail attachments are capitalized like
    /// names, and a model trained on edited text takes them for organizations.
    /// </summary>
    public static bool HoldsFileName(IReadOnlyList<string> forms, NerSpan span)
    {
        for (int i = span.Start; i < span.End; i++)
        {
            foreach (var extension in FileExtensions)
            {
                if (forms[i].Length > extension.Length && forms[i].EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

}
