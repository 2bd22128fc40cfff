using Readout.Nlp.Events;

namespace Readout.Nlp.Tests.Events;

/// <summary>Every entry of the repository lexicon, for tests that check them all.</summary>
internal static class LexiconEntries
{
    public static List<PredicateEntry> All()
    {
        var path = Path.Combine(RepoPaths.Root, ReadoutPipeline.LexiconFile);
        var lexicon = PredicateLexicon.Load(path);
        var lemmas = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).Select(c => (c[0].Split(' ')[0], c[1] == "N")).Distinct();
        return [.. lemmas.SelectMany(l => l.Item2 ? lexicon.Nouns(l.Item1) : lexicon.Verbs(l.Item1))];
    }
}
