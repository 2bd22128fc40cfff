using Readout.Core.Layers;

namespace Readout.Nlp.Events;

/// <summary>One line of the predicate lexicon: a predicate and the event it expresses.</summary>
/// <param name="Trigger">Lemma, or "lemma particle" for a phrasal verb ("lay out").</param>
/// <param name="IsNoun">An event noun ("visit") rather than a verb.</param>
/// <param name="Objects">For light-verb constructions, the object lemmas that license the entry; empty for none.</param>
/// <param name="Frames">Argument frames tried in order.</param>
/// <param name="Origin">"file:line", for explanations.</param>
public sealed record PredicateEntry(
    string Trigger,
    bool IsNoun,
    IReadOnlySet<string> Objects,
    EventType Type,
    string? Mode,
    string? Context,
    string Cameo,
    IReadOnlyList<ArgumentFrame> Frames,
    string Origin)
{
    // Computed once: the coder asks for them for every candidate predicate of every sentence.

    /// <summary>The verb or noun lemma.</summary>
    public string Lemma { get; } = Trigger.Split(' ')[0];

    /// <summary>The particle of a phrasal verb, or null.</summary>
    public string? Particle { get; } = Trigger.Contains(' ', StringComparison.Ordinal) ? Trigger.Split(' ')[1] : null;
}
