using System.Globalization;

namespace Readout.Nlp.Conllu;

/// <summary>Reads CoNLL-U: fully annotated (training, evaluation) or ID and FORM only (prediction).</summary>
public static class ConlluReader
{
    /// <summary>Reads annotated sentences; multiword ranges and empty nodes are skipped.</summary>
    /// <exception cref="InvalidDataException">A word line has fewer than ten columns or a bad ID or HEAD.</exception>
    public static IEnumerable<ConlluSentence> ReadAnnotated(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadAnnotatedIterator(reader);
    }

    /// <summary>Reads every annotated sentence of the given files; a directory stands for its <c>*.conllu</c> files in name order.</summary>
    public static List<ConlluSentence> ReadAnnotatedFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var result = new List<ConlluSentence>();
        foreach (string path in ExpandPaths(paths))
        {
            using var reader = new StreamReader(path);
            result.AddRange(ReadAnnotated(reader));
        }

        return result;
    }

    /// <summary>Files named by <paramref name="paths"/>; a directory expands to its <c>*.conllu</c> files sorted by name.</summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.GetFiles(path, "*.conllu").Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>
    /// Reads sentences for prediction. Only the ID and FORM columns of token lines are kept;
    /// every other column is dropped here, so no later step can see gold annotation.
    /// </summary>
    public static IEnumerable<ConlluInputSentence> ReadForPrediction(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadForPredictionIterator(reader);
    }

    private static IEnumerable<ConlluInputSentence> ReadForPredictionIterator(TextReader reader)
    {
        var lines = new List<ConlluInputLine>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (lines.Count > 0)
                {
                    yield return new ConlluInputSentence(lines);
                    lines = [];
                }

                continue;
            }

            if (line[0] == '#')
            {
                lines.Add(new ConlluInputLine(ConlluLineKind.Comment, string.Empty, line));
                continue;
            }

            int tab1 = line.IndexOf('\t', StringComparison.Ordinal);
            string id = tab1 < 0 ? line : line[..tab1];
            string form = string.Empty;
            if (tab1 >= 0)
            {
                int tab2 = line.IndexOf('\t', tab1 + 1);
                form = tab2 < 0 ? line[(tab1 + 1)..] : line[(tab1 + 1)..tab2];
            }

            var kind = id.Contains('-', StringComparison.Ordinal) ? ConlluLineKind.Range
                : id.Contains('.', StringComparison.Ordinal) ? ConlluLineKind.EmptyNode
                : ConlluLineKind.Word;
            lines.Add(new ConlluInputLine(kind, id, form));
        }

        if (lines.Count > 0)
        {
            yield return new ConlluInputSentence(lines);
        }
    }

    private static IEnumerable<ConlluSentence> ReadAnnotatedIterator(TextReader reader)
    {
        var words = new List<ConlluWord>();
        string? line;
        int lineNumber = 0;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                if (words.Count > 0)
                {
                    yield return new ConlluSentence(words);
                    words = [];
                }

                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length < 10)
            {
                throw new InvalidDataException($"Line {lineNumber}: expected 10 columns, found {cols.Length}.");
            }

            if (cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            if (!int.TryParse(cols[0], NumberStyles.None, CultureInfo.InvariantCulture, out int id)
                || !int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out int head))
            {
                throw new InvalidDataException($"Line {lineNumber}: bad ID or HEAD.");
            }

            words.Add(new ConlluWord(id, cols[1], cols[2], cols[3], cols[4], head, cols[7]));
        }

        if (words.Count > 0)
        {
            yield return new ConlluSentence(words);
        }
    }
}
