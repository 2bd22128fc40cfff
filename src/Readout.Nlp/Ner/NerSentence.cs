namespace Readout.Nlp.Ner;

/// <summary>One tokenized sentence with its gold name spans (sorted, non-overlapping).</summary>
public sealed record NerSentence(IReadOnlyList<string> Forms, IReadOnlyList<NerSpan> Spans);
