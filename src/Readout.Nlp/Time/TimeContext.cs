namespace Readout.Nlp.Time;

/// <summary>
/// What a time expression is resolved against: the reference (publication) date and the last
/// date mentioned so far, which anaphoric expressions ("the next day", "that week") use.
/// <see cref="TimeExpressionRecognizer.Find(string, int, int, TimeContext)"/> updates <see cref="LastMentioned"/> as it reads, so
/// one context is used for one document, in text order, by one thread.
/// </summary>
public sealed class TimeContext
{
    private int[] _verbOffsets = [];
    private Tense[] _verbTenses = [];

    public TimeContext(DateOnly? referenceDate) => ReferenceDate = referenceDate;

    /// <summary>The publication date; null keeps relative values underspecified.</summary>
    public DateOnly? ReferenceDate { get; }

    /// <summary>The last calendar date mentioned, with its precision; null before any.</summary>
    public TimePoint? LastMentioned { get; set; }

    /// <summary>
    /// Tenses of verbs known from a part-of-speech layer, by character offset of the word (sorted).
    /// When set, they decide which words are tensed verbs where the word-based guess would look at
    /// endings ("-ed"); lexical cues ("will", "ago") still apply.
    /// </summary>
    public void SetVerbTenses(int[] offsets, Tense[] tenses)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(tenses);
        if (offsets.Length != tenses.Length)
        {
            throw new ArgumentException("Offsets and tenses differ in length.", nameof(tenses));
        }

        _verbOffsets = offsets;
        _verbTenses = tenses;
    }

    internal bool HasVerbTenses => _verbOffsets.Length > 0;

    /// <summary>The tagged tense of the word starting at <paramref name="offset"/>: Unknown when the
    /// tagger did not call it a tensed verb (an adjective "unspecified", a bare participle).</summary>
    internal Tense TaggedTenseAt(int offset)
    {
        int i = Array.BinarySearch(_verbOffsets, offset);
        return i >= 0 ? _verbTenses[i] : Tense.Unknown;
    }
}
