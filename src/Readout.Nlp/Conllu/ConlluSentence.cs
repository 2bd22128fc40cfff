namespace Readout.Nlp.Conllu;

/// <summary>An annotated sentence: its syntactic words in order (multiword ranges and empty nodes left out).</summary>
public sealed record ConlluSentence(IReadOnlyList<ConlluWord> Words)
{
    public int Count => Words.Count;
}
