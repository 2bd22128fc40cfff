using System.Globalization;
using System.Text;
using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Nlp.Time.Evaluation;

/// <summary>Reads TimeML (.tml) files as TempEval-3 distributes them. A small dedicated reader, not
/// an XML parser: the files are flat, and offsets must be those of the text with the tags removed.</summary>
public static class TimeMLReader
{
    public static TimeMLDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));
    }

    /// <summary>Parses TimeML markup: the DCT from the CREATION_TIME TIMEX3, the text and inline TIMEX3 spans from TEXT.</summary>
    public static TimeMLDocument Parse(string id, string markup)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(markup);
        DateOnly? dct = null;
        int dctStart = markup.IndexOf("<DCT>", StringComparison.Ordinal);
        if (dctStart >= 0)
        {
            int tagEnd = markup.IndexOf('>', markup.IndexOf("<TIMEX3", dctStart, StringComparison.Ordinal) + 1);
            var attrs = Attributes(markup.AsSpan(dctStart, tagEnd - dctStart));
            if (attrs.TryGetValue("value", out var v) && v.Length >= 10
                && DateOnly.TryParseExact(v.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                dct = d;
            }
        }

        int start = markup.IndexOf("<TEXT>", StringComparison.Ordinal);
        int end = markup.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return new TimeMLDocument(id, string.Empty, dct, []);
        }

        start += "<TEXT>".Length;
        var text = new StringBuilder(end - start);
        var gold = new List<GoldTimex>();
        int openAt = -1;
        Dictionary<string, string>? open = null;
        int i = start;
        while (i < end)
        {
            char ch = markup[i];
            if (ch == '<')
            {
                int close = markup.IndexOf('>', i);
                var tag = markup.AsSpan(i + 1, close - i - 1);
                if (tag.StartsWith("TIMEX3"))
                {
                    open = Attributes(tag);
                    openAt = text.Length;
                }
                else if (tag.StartsWith("/TIMEX3") && open is not null)
                {
                    int s = openAt, e = text.Length;
                    while (s < e && char.IsWhiteSpace(text[s]))
                    {
                        s++;
                    }

                    while (e > s && char.IsWhiteSpace(text[e - 1]))
                    {
                        e--;
                    }

                    gold.Add(new GoldTimex(TextSpan.FromBounds(s, e), ParseType(open.GetValueOrDefault("type")), open.GetValueOrDefault("value") ?? string.Empty, open.GetValueOrDefault("mod")));
                    open = null;
                }

                i = close + 1;
            }
            else if (ch == '&')
            {
                int semi = markup.IndexOf(';', i);
                var entity = semi > i && semi - i < 8 ? markup.AsSpan(i, semi - i + 1) : default;
                string? decoded = entity switch
                {
                    "&amp;" => "&",
                    "&lt;" => "<",
                    "&gt;" => ">",
                    "&quot;" => "\"",
                    "&apos;" => "'",
                    _ => null,
                };
                if (decoded is null)
                {
                    text.Append(ch);
                    i++;
                }
                else
                {
                    text.Append(decoded);
                    i = semi + 1;
                }
            }
            else
            {
                text.Append(ch);
                i++;
            }
        }

        return new TimeMLDocument(id, text.ToString(), dct, gold);
    }

    private static TimexType ParseType(string? type) => type switch
    {
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => TimexType.Date,
    };

    private static Dictionary<string, string> Attributes(ReadOnlySpan<char> tag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 0;
        while (i < tag.Length)
        {
            int eq = tag[i..].IndexOf("=\"");
            if (eq < 0)
            {
                break;
            }

            eq += i;
            int nameStart = eq;
            while (nameStart > 0 && !char.IsWhiteSpace(tag[nameStart - 1]))
            {
                nameStart--;
            }

            int valueEnd = tag[(eq + 2)..].IndexOf('"');
            if (valueEnd < 0)
            {
                break;
            }

            valueEnd += eq + 2;
            result[tag[nameStart..eq].ToString()] = tag[(eq + 2)..valueEnd].ToString();
            i = valueEnd + 1;
        }

        return result;
    }
}
