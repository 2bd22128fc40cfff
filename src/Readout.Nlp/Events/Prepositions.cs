namespace Readout.Nlp.Events;

/// <summary>Closed-class word lists the event coder consults.</summary>
internal static class Prepositions
{
    /// <summary>Words tagged ADP that introduce a clause or a possessor rather than a prepositional object.</summary>
    public static bool SubordinatingOrPossessive(string word) =>
        word is "of" or "after" or "before" or "since" or "as" or "until" or "while" or "because";
}
