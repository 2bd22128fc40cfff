using Readout.Core;
using Readout.Core.Pipeline;

namespace Readout.Nlp.Conllu;

/// <summary>Extension points of <see cref="ConlluPredictor"/> (for instance entity recognition into MISC).</summary>
public sealed record ConlluPredictorOptions
{
    /// <summary>Stages run after the tagger and parser on each batch document.</summary>
    public IReadOnlyList<IStage> ExtraStages { get; init; } = [];

    /// <summary>
    /// Returns the MISC value ("NER=B-PER") of a document-level token, or null for "_". The document
    /// holds the batch's sentences: forms joined by spaces, one sentence per line.
    /// </summary>
    public Func<Document, int, string?>? Misc { get; init; }

    /// <summary>At most this many sentences go into one document (a <c># newdoc</c> also starts one).</summary>
    public int MaxSentencesPerDocument { get; init; } = 500;
}
