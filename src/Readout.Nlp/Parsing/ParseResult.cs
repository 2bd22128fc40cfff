namespace Readout.Nlp.Parsing;

/// <summary>
/// The parse of one sentence: <c>Heads[i]</c> is the sentence-level index of word <c>i</c>'s head,
/// -1 for the root; <c>Relations[i]</c> is its UD relation with subtype ("nsubj:pass").
/// </summary>
public readonly record struct ParseResult(int[] Heads, string[] Relations);
