namespace Readout.Nlp.Conllu;

/// <summary>
/// One line of a sentence read for prediction. For words, ranges and empty nodes only the ID
/// and FORM columns are kept: the gold columns are dropped at read time. For a comment,
/// <see cref="Text"/> is the whole line and <see cref="Id"/> is empty.
/// </summary>
public readonly record struct ConlluInputLine(ConlluLineKind Kind, string Id, string Text);
