using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Nlp.Tests.Tagging;

/// <summary>Builds a document with Tokens and Sentences layers from space-separated sentences.</summary>
internal static class DocumentBuilder
{
    public static Document FromSentences(params string[] sentences)
    {
        var text = string.Join("  ", sentences);
        var starts = new List<int>();
        var ends = new List<int>();
        var table = new List<Sentence>();
        int offset = 0;
        foreach (string s in sentences)
        {
            int first = starts.Count;
            int pos = 0;
            foreach (string token in s.Split(' '))
            {
                starts.Add(offset + pos);
                ends.Add(offset + pos + token.Length);
                pos += token.Length + 1;
            }

            table.Add(new Sentence(first, starts.Count, new TextSpan(offset, s.Length)));
            offset += s.Length + 2;
        }

        var document = new Document("test", text);
        document.Set(LayerKeys.Tokens, new TokenTable([.. starts], [.. ends]));
        document.Set(LayerKeys.Sentences, new SentenceTable(table));
        return document;
    }
}
