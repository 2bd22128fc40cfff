namespace Readout.Nlp.Training;

/// <summary>
/// Accuracy figures in percent over <see cref="Words"/> syntactic words. UAS/LAS are 0 when no
/// parser ran; LAS compares the universal part of the relation ("nsubj" of "nsubj:pass").
/// </summary>
public sealed record EvaluationResult(int Sentences, int Words, double Upos, double Xpos, double Lemma, double Uas, double Las, double LasFull)
{
    public override string ToString() =>
        $"{Sentences} sentences, {Words} words: UPOS {Upos:F2}  XPOS {Xpos:F2}  lemma {Lemma:F2}  UAS {Uas:F2}  LAS {Las:F2} (with subtypes {LasFull:F2})";
}
