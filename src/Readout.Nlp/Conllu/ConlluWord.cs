namespace Readout.Nlp.Conllu;

/// <summary>
/// One syntactic word of an annotated CoNLL-U sentence (training and evaluation data).
/// <see cref="Head"/> is 1-based within the sentence, 0 for the root.
/// </summary>
public sealed record ConlluWord(int Id, string Form, string Lemma, string Upos, string Xpos, int Head, string Relation);
