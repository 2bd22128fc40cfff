using Readout.Core.Layers;
using Readout.Nlp.Conllu;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Ner;

/// <summary>
/// The committed model's training recipe and its evaluation sets, read from <c>../shared/data</c>:
/// GUM train (derived name spans), wikigold, and the re3d sources whose licences allow reuse.
/// </summary>
public static class NerTraining
{
    /// <summary>re3d source folders used: public domain, Open Government Licence, CC BY 3.0 AU (not the CC BY-SA or unclear ones).</summary>
    public static readonly IReadOnlyList<string> Re3dFolders = ["CENTCOM", "US_State_Department", "UK_Government", "Australian_Department_of_Foreign_Affairs"];

    /// <summary>
    /// Every so many training sentences is added again lower-cased. A lower-cased copy of every sentence gained
    /// UNER EWT dev 2.2 F1 but cost GUM dev 2.6 and GUM news dev 3.7: capitals are too good evidence in edited
    /// text to drown; a copy of every fourth gained UNER 2.1 and cost GUM 0.7 (news dev: 56 names, ±1.8 a name). With
    /// Viterbi decoding, every second (against every fourth, mean of seeds 1 and 2) moved UNER +0.6, GUM +0.9 and GUM
    /// news -1.6.
    /// </summary>
    private const int LowerCaseEvery = 2;

    /// <summary>
    /// Every so many training sentences (offset by one from the lower-cased ones) is added again upper-cased: web text
    /// also shouts ("WHO WANTS TO HELP MILLIONS FOR UNITED WAY ?"), and headlines and bylines come in capitals. With
    /// the three-seed mean, every fifth moved UNER EWT dev 69.4, 69.7, 68.8 -> 70.4, 70.2, 69.8 (seeds 1 to 3), GUM dev
    /// 71.1, 69.8, 72.0 -> 71.4, 71.8, 71.6 and GUM dev news 84.7, 83.2, 84.7 -> 85.7, 86.2, 80.4; every tenth gained
    /// less (UNER 70.2 and 69.8, seeds 1 and 2).
    /// </summary>
    private const int UpperCaseEvery = 5;

    /// <summary>Lower-case words inside re3d names; the hyphen of "Haider al - Abadi", whose words the tagger reads joined (<see cref="NerHyphens"/>).</summary>
    private static readonly HashSet<string> Links = new(StringComparer.Ordinal) { "of", "&", "and", "for", "de", "du", "la", "al", "the", "on", "-" };

    /// <summary>Every training sentence: GUM train, wikigold and re3d (never a development file).</summary>
    public static List<NerSentence> LoadTrainingData(string sharedData, NerGazetteer gazetteer, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(sharedData);
        var gum = NerCorpus.ReadGum(Directory.GetFiles(Path.Combine(sharedData, "gum", "train"), "*.conllu").Order(StringComparer.Ordinal), gazetteer);
        var wikigold = NerCorpus.ReadConll(Path.Combine(sharedData, "ner-extra", "wikigold", "wikigold.conll.txt"), (type, tokens) => type switch
        {
            _ when tokens.Count == 1 && gazetteer.IsDemonym(tokens[0]) => EntityKind.Nationality,
            "PER" => EntityKind.Person,
            "ORG" => EntityKind.Organization,
            "LOC" => EntityKind.Place,
            "MISC" when tokens.Count == 1 && gazetteer.IsDemonym(tokens[0]) => EntityKind.Nationality,
            _ => null,
        });
        var re3d = new List<NerSentence>();
        foreach (var folder in Re3dFolders)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(sharedData, "ner-extra", "re3d", folder), "*.conll").Order(StringComparer.Ordinal))
            {
                re3d.AddRange(NerCorpus.ReadConll(file, (type, _) => type switch
                {
                    "Person" => EntityKind.Person,
                    "Organisation" => EntityKind.Organization,
                    "Location" => EntityKind.Place,
                    "Nationality" => EntityKind.Nationality,
                    _ => null,
                }).Select(s => TrimMentions(s, gazetteer)));
            }
        }

        List<NerSentence> original = [.. gum, .. wikigold, .. re3d];
        var lowered = original.Where((_, i) => i % LowerCaseEvery == 0).Select(Lowered).ToList();
        var uppered = original.Where((_, i) => i % UpperCaseEvery == 1).Select(Uppered).ToList();
        log?.WriteLine($"ner: GUM train {gum.Count} sentences, wikigold {wikigold.Count}, re3d {re3d.Count}; {lowered.Count} lower-cased and {uppered.Count} upper-cased copies");
        return [.. original, .. lowered, .. uppered];
    }

    /// <summary>
    /// A lower-cased copy of a sentence, as its own document, with the same names: web text writes names in lower
    /// case ("i live in malaysia", "wendy 's"), and a model that has only seen them capitalized cannot find them.
    /// </summary>
    private static NerSentence Lowered(NerSentence sentence) =>
        sentence with { Forms = sentence.Forms.Select(f => f.ToLowerInvariant()).ToArray(), Document = sentence.Document + "/lower" };

    /// <summary>An upper-cased copy of a sentence, as its own document, with the same names.</summary>
    private static NerSentence Uppered(NerSentence sentence) =>
        sentence with { Forms = sentence.Forms.Select(f => f.ToUpperInvariant()).ToArray(), Document = sentence.Document + "/upper" };

    /// <summary>GUM development documents with derived name spans (each sentence's <see cref="NerSentence.Document"/> is its file).</summary>
    public static List<NerSentence> LoadGumDev(string sharedData, NerGazetteer gazetteer) =>
        NerCorpus.ReadGum(Directory.GetFiles(Path.Combine(sharedData, "gum", "dev"), "*.conllu").Order(StringComparer.Ordinal), gazetteer);

    /// <summary>UNER English EWT development set (PER, ORG, LOC).</summary>
    public static List<NerSentence> LoadUnerDev(string sharedData) =>
        NerCorpus.ReadConll(Path.Combine(sharedData, "ud-english-ewt", "uner", "en_ewt-ud-dev.iob2"), (type, _) => type switch
        {
            "PER" => EntityKind.Person,
            "ORG" => EntityKind.Organization,
            "LOC" => EntityKind.Place,
            _ => null,
        });

    /// <summary>
    /// Trains on <see cref="LoadTrainingData"/>, then again with the EWT training text as that first model tags it
    /// (<see cref="SelfLabel"/>), and writes the second model to <paramref name="output"/>. Tried against it (UNER EWT
    /// dev, seeds 1 and 2, tagged with <see cref="NerModel.OutsideBias"/>; the committed recipe scores 74.9 and 74.8): a
    /// third model trained on the second's labels, 74.2 and 73.6 (without the bias); the second stage at 15 epochs,
    /// 74.5 and 74.3, at 7, 75.1 and 74.7 with GUM dev 1.2 lower; the EWT sentences twice, 74.5 and 74.3; six members
    /// in the second stage, 75.1 and 74.7 with GUM dev 0.5 lower; the mean of two whole runs (seeds 1 and 2), 75.1.
    /// </summary>
    public static NerModel Train(string sharedData, PosModel posModel, NerGazetteer gazetteer, string output, NerTrainingOptions options, TextWriter? log = null)
    {
        var train = LoadTrainingData(sharedData, gazetteer, log);
        var model = Ensemble(train, posModel, gazetteer, options, log);
        var pseudo = SelfLabel(sharedData, model, posModel, gazetteer, log);
        model = Ensemble([.. train, .. pseudo], posModel, gazetteer, options, log);
        model.Save(output);
        log?.WriteLine($"ner: wrote {output} ({new FileInfo(output).Length:N0} bytes)");
        return model;
    }

    /// <summary>
    /// <see cref="NerTrainingOptions.Members"/> models trained on the same sentences in different orders (seeds),
    /// averaged into one (<see cref="NerModel.Mean"/>): it decodes as their ensemble would, at one model's cost. A
    /// single model's dev figures move by about a point from seed to seed. On the same data (seeds 1 to 3), single models
    /// scored UNER EWT dev 67.9, 68.6, 68.4 and GUM dev news 84.7, 82.9, 83.6; the means of three 69.4, 69.7, 68.8 and
    /// 84.7, 83.2, 84.7. Five members did no better than three. The mean holds half again
    /// as many weights as one model (742,054 for seed 1); pruning it (`train ner --from … --prune`) at 0.8 to 1.6 kept
    /// the dev figures within a seed's noise at a third to a fifth of the weights, but lost words the model knew as
    /// common ("Man arrested after …" became a person) and did not make the pipeline measurably faster, so it is not done.
    /// </summary>
    private static NerModel Ensemble(List<NerSentence> train, PosModel posModel, NerGazetteer gazetteer, NerTrainingOptions options, TextWriter? log)
    {
        var model = NerModel.Mean([.. Enumerable.Range(0, options.Members).Select(m => NerTrainer.Train(train, posModel, gazetteer, options with { Seed = options.Seed + (1000 * m) }, log))]);
        log?.WriteLine($"ner: mean of {options.Members} models: {model.WeightCount} weights");
        return model;
    }

    /// <summary>
    /// How much the self-labelling lowers the score of a word being no name where the EWT treebank marks it a proper
    /// noun. The first model, trained on edited text, misses many names of web text ("Saddam", "Enron"), and the
    /// second learnt them as no names. With hyphenated words read whole (before names were let run on into "al-Sadr"),
    /// 3 moved UNER EWT dev from 73.2 and 74.2 to 74.3 and 74.5 (seeds 1, 2; seed 3: 74.3); 6 scored 74.0 (seed 1);
    /// raising the no-name score of nouns, verbs, adjectives and the like by 3 as well, 73.9 and 73.3. With the
    /// committed code, seeds 1 to 3: 1 scored 74.1 (seed 1 only), 2 scored 74.7, 74.4, 73.6 (mean 74.2), 3 scored 73.9,
    /// 74.0, 74.2 (74.0), 4 scored 74.3, 73.6; tagging with the treebank's parts of speech instead of predicted ones (at 3)
    /// 74.5 and 73.7. Only the word's score moves: which kind of name it is, and where the name ends, stay the first
    /// model's.
    /// </summary>
    private const float ProperNounNudge = 2f;

    /// <summary>
    /// Self-training: the sentences of the EWT training treebank (its words, and which of them are proper nouns; EWT
    /// dev and the UNER labels are never read) with the names <paramref name="model"/> finds in them
    /// (<see cref="ProperNounNudge"/>; without <see cref="NerModel.OutsideBias"/>), as documents of their own. Web text
    /// in the training data, even with the first model's mistakes, moved UNER EWT dev 0.5 to 1.0 F1 in each of four runs
    /// (two seeds, two feature sets); keeping only the half of the sentences with the surest decisions kept mostly
    /// sentences without names and did not help.
    /// </summary>
    public static List<NerSentence> SelfLabel(string sharedData, NerModel model, PosModel posModel, NerGazetteer gazetteer, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(sharedData);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(posModel);
        using var reader = new StreamReader(Path.Combine(sharedData, "ud-english-ewt", "en_ewt-ud-train.conllu"));
        var documents = new List<List<(IReadOnlyList<string> Forms, IReadOnlyList<bool>? SpaceAfter, float[] Outside)>>();
        using var treebank = new StreamReader(Path.Combine(sharedData, "ud-english-ewt", "en_ewt-ud-train.conllu"));
        using var gold = ConlluReader.ReadAnnotated(treebank).GetEnumerator();
        int sentence = 0;
        foreach (var s in ConlluReader.ReadForPrediction(reader))
        {
            sentence++;
            var outside = gold.MoveNext() ? gold.Current.Words.Select(w => w.Upos == "PROPN" ? -ProperNounNudge : 0f).ToArray() : [];
            if (outside.Length != s.Forms.Count)
            {
                throw new InvalidDataException($"en_ewt-ud-train.conllu: the words and parts of speech of sentence {sentence} do not line up");
            }

            if (s.StartsDocument || documents.Count == 0)
            {
                documents.Add([]);
            }

            if (s.Forms.Count > 0)
            {
                var text = s.Lines.FirstOrDefault(l => l.Kind == ConlluLineKind.Comment && l.Text.StartsWith(NerCorpus.TextComment, StringComparison.Ordinal)).Text;
                documents[^1].Add((s.Forms, text is null ? null : NerHyphens.SpaceAfter(text[NerCorpus.TextComment.Length..], s.Forms), outside));
            }
        }

        var tagged = new List<NerSentence>();
        for (int d = 0; d < documents.Count; d++)
        {
            var forms = documents[d].Select(s => s.Forms).ToList();
            var spans = model.TagDocument(forms, [.. forms.Select(f => (IReadOnlyList<Upos>)posModel.Tag(f).Upos)], gazetteer, [.. documents[d].Select(s => s.SpaceAfter)], [.. documents[d].Select(s => s.Outside)], outsideBias: 0);
            for (int i = 0; i < forms.Count; i++)
            {
                tagged.Add(new NerSentence(forms[i], spans[i], $"ewt-train/{d}") { SpaceAfter = documents[d][i].SpaceAfter });
            }
        }

        log?.WriteLine($"ner: self-training on {tagged.Count} EWT train sentences, {tagged.Sum(s => s.Spans.Count)} names found by the first model");
        return tagged;
    }

    /// <summary>
    /// Scores on GUM dev (all four kinds; then Person, Organization, Place on all documents and on the news
    /// documents) and UNER EWT dev (Person, Organization, Place), each with its error listing.
    /// </summary>
    public static IReadOnlyList<(string Name, NerScores Scores, IReadOnlyList<NerError> Errors)> Evaluate(string sharedData, NerModel model, PosModel posModel, NerGazetteer gazetteer) =>
        Evaluate(sharedData, gazetteer, (sentences, kinds, errors) => NerEvaluator.Evaluate(model, posModel, gazetteer, sentences, kinds, errors));

    /// <summary>The same sets scored for a stage writing the Entities layer (the rule-based recognizer), for comparison.</summary>
    public static IReadOnlyList<(string Name, NerScores Scores, IReadOnlyList<NerError> Errors)> EvaluateStage(string sharedData, Readout.Core.Pipeline.IStage stage, PosModel posModel, NerGazetteer gazetteer) =>
        Evaluate(sharedData, gazetteer, (sentences, kinds, errors) => NerEvaluator.EvaluateStage(stage, posModel, sentences, kinds, errors));

    private static IReadOnlyList<(string Name, NerScores Scores, IReadOnlyList<NerError> Errors)> Evaluate(string sharedData, NerGazetteer gazetteer, Func<List<NerSentence>, HashSet<EntityKind>?, List<NerError>, NerScores> score)
    {
        var gumDev = LoadGumDev(sharedData, gazetteer);
        HashSet<EntityKind> three = [EntityKind.Person, EntityKind.Organization, EntityKind.Place];
        return
        [
            Run("GUM dev", gumDev, null),
            Run("GUM dev (PER/ORG/LOC)", gumDev, three),
            Run("GUM dev news (PER/ORG/LOC)", [.. gumDev.Where(s => Path.GetFileName(s.Document).StartsWith("GUM_news_", StringComparison.Ordinal))], three),
            Run("UNER EWT dev", LoadUnerDev(sharedData), three),
        ];

        (string, NerScores, IReadOnlyList<NerError>) Run(string name, List<NerSentence> sentences, HashSet<EntityKind>? kinds)
        {
            var errors = new List<NerError>();
            return (name, score(sentences, kinds, errors), errors);
        }
    }

    /// <summary>
    /// re3d marks mentions ("the Kurdish YPG", "U.S. service members", "he"): leading determiners and lower-case
    /// words are cut; a mention ending in a lower-case word is a description, dropped unless what is left is a
    /// country or a lone demonym ("U.S." Place, "Syrian" Nationality); pronouns and spans holding a lower-case word
    /// other than a name link ("of", "and" …) are dropped; a country name is a Place whatever re3d typed it.
    /// </summary>
    private static NerSentence TrimMentions(NerSentence sentence, NerGazetteer gazetteer)
    {
        var spans = new List<NerSpan>();
        foreach (var s in sentence.Spans)
        {
            int a = s.Start, b = s.End;
            while (a < b && (!StartsUpper(sentence.Forms[a]) || Determiners.Contains(sentence.Forms[a])))
            {
                a++;
            }

            bool description = false;
            while (b > a && !StartsUpper(sentence.Forms[b - 1]))
            {
                b--;
                description = true;
            }

            if (b == a || (b - a == 1 && Pronouns.Contains(sentence.Forms[a]))
                || !Enumerable.Range(a, b - a).All(i => StartsUpper(sentence.Forms[i]) || Links.Contains(sentence.Forms[i])))
            {
                continue;
            }

            // re3d types a country acting as a government as an organisation ("Russia said"); names are typed by
            // what they name, as in the other corpora and the evaluation sets: a country is a place.
            bool demonym = b - a == 1 && gazetteer.IsDemonym(sentence.Forms[a]);
            var kind = demonym ? EntityKind.Nationality
                : gazetteer.IsCountry(sentence.Forms, a, b) ? EntityKind.Place
                : s.Kind;
            if (!description || demonym || kind == EntityKind.Place)
            {
                spans.Add(new NerSpan(a, b, kind));
            }
        }

        return sentence with { Spans = spans };
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "this", "that", "these", "those", "its", "their", "our" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "his", "hers", "their", "theirs", "our", "ours", "my", "mine", "your", "yours", "its", "who", "which", "that" };

    private static bool StartsUpper(string form) => form.Length > 0 && (char.IsUpper(form[0]) || char.IsDigit(form[0]));
}
