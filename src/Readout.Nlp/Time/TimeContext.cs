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
    /// Tenses of verbs known from a part-of-speech layer, by character offset (sorted). When set,
    /// these win over the word-based tense guess.
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

    /// <summary>The tense of the nearest tagged verb in <c>[from, to)</c>, looking outward from
    /// <paramref name="position"/>, left side first.</summary>
    internal Tense VerbTense(int position, int from, int to)
    {
        int i = Array.BinarySearch(_verbOffsets, position);
        if (i < 0)
        {
            i = ~i;
        }

        for (int k = i - 1; k >= 0 && _verbOffsets[k] >= from; k--)
        {
            if (_verbTenses[k] != Tense.Unknown)
            {
                return _verbTenses[k];
            }
        }

        for (int k = i; k < _verbOffsets.Length && _verbOffsets[k] < to; k++)
        {
            if (_verbTenses[k] != Tense.Unknown)
            {
                return _verbTenses[k];
            }
        }

        return Tense.Unknown;
    }
}
