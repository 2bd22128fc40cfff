using System.Text;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Conllu;

/// <summary>
/// <c>readout conllu</c>: reads pre-tokenized CoNLL-U (only ID, FORM and sentence boundaries),
/// writes it back with predicted LEMMA, UPOS, XPOS, HEAD and DEPREL. Comments are copied;
/// multiword ranges and empty nodes are passed through with their ID and FORM only.
/// </summary>
public static class ConlluPredictor
{
    /// <summary>Predicts and writes every sentence of <paramref name="input"/>; returns the number of sentences.</summary>
    public static int Run(TextReader input, TextWriter output, PosModel posModel, ParserModel? parserModel, ConlluPredictorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(posModel);
        options ??= new ConlluPredictorOptions();
        var stages = new List<IStage> { new PosTagger(posModel) };
        if (parserModel is not null)
        {
            stages.Add(new DependencyParser(parserModel));
        }

        stages.AddRange(options.ExtraStages);
        var batch = new List<ConlluInputSentence>();
        int count = 0, documents = 0;
        foreach (var sentence in ConlluReader.ReadForPrediction(input))
        {
            if (batch.Count > 0 && (sentence.StartsDocument || batch.Count >= options.MaxSentencesPerDocument))
            {
                WriteBatch(batch, output, stages, options, ++documents);
                batch.Clear();
            }

            batch.Add(sentence);
            count++;
        }

        if (batch.Count > 0)
        {
            WriteBatch(batch, output, stages, options, ++documents);
        }

        return count;
    }

    private static void WriteBatch(List<ConlluInputSentence> batch, TextWriter output, List<IStage> stages, ConlluPredictorOptions options, int number)
    {
        var text = new StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        var sentences = new List<Sentence>(batch.Count);
        foreach (var s in batch)
        {
            int first = starts.Count, sentenceStart = text.Length;
            for (int i = 0; i < s.Forms.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                starts.Add(text.Length);
                text.Append(s.Forms[i]);
                ends.Add(text.Length);
            }

            sentences.Add(new Sentence(first, starts.Count, TextSpan.FromBounds(sentenceStart, text.Length)));
            text.Append('\n');
        }

        var document = new Document($"conllu-{number}", text.ToString());
        document.Set(LayerKeys.Tokens, new TokenTable([.. starts], [.. ends]));
        document.Set(LayerKeys.Sentences, new SentenceTable(sentences));
        foreach (var stage in stages)
        {
            stage.Process(document);
        }

        var tags = document.Get(LayerKeys.PartsOfSpeech);
        document.TryGet(LayerKeys.Dependencies, out var tree);
        for (int si = 0; si < batch.Count; si++)
        {
            int first = sentences[si].FirstToken;
            int word = 0;
            foreach (var line in batch[si].Lines)
            {
                switch (line.Kind)
                {
                    case ConlluLineKind.Comment:
                        output.Write(line.Text);
                        break;
                    case ConlluLineKind.Word:
                        int t = first + word++;
                        string head = tree is null ? "_" : tree.Heads[t] < 0 ? "0" : (tree.Heads[t] - first + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        string misc = options.Misc?.Invoke(document, t) ?? "_";
                        output.Write($"{line.Id}\t{line.Text}\t{tags.Lemmas[t]}\t{tags.Upos[t]}\t{tags.Xpos[t]}\t_\t{head}\t{tree?.Relations[t] ?? "_"}\t_\t{misc}");
                        break;
                    default:
                        output.Write($"{line.Id}\t{line.Text}\t_\t_\t_\t_\t_\t_\t_\t_");
                        break;
                }

                output.Write('\n');
            }

            output.Write('\n');
        }
    }
}
