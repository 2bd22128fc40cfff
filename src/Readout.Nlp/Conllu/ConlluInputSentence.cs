namespace Readout.Nlp.Conllu;

/// <summary>A sentence read for prediction: its lines in input order and the forms of its syntactic words.</summary>
public sealed class ConlluInputSentence
{
    public ConlluInputSentence(IReadOnlyList<ConlluInputLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Lines = lines;
        Forms = [.. lines.Where(l => l.Kind == ConlluLineKind.Word).Select(l => l.Text)];
    }

    public IReadOnlyList<ConlluInputLine> Lines { get; }

    /// <summary>Forms of the syntactic words, in order (word <c>i</c> has CoNLL-U ID <c>i + 1</c>).</summary>
    public IReadOnlyList<string> Forms { get; }

    /// <summary>True when the sentence starts a new document (<c># newdoc</c>).</summary>
    public bool StartsDocument => Lines.Any(l => l.Kind == ConlluLineKind.Comment && l.Text.StartsWith("# newdoc", StringComparison.Ordinal));
}
