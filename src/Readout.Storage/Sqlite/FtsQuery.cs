using System.Text;

namespace Readout.Storage.Sqlite;

/// <summary>
/// Turns a user's search text into an FTS5 query that cannot be a syntax error: every word and
/// "quoted phrase" becomes a quoted FTS5 string, <c>word*</c> a prefix query, a bare upper-case
/// <c>OR</c> between two terms an OR; all terms must match otherwise.
/// </summary>
internal static class FtsQuery
{
    /// <exception cref="ArgumentException">Nothing searchable (no letter or digit) is left.</exception>
    public static string Build(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text);

        // SQLite parses the query as a C string: a NUL would cut it off mid-phrase ("unterminated
        // string"). Control characters separate words for the unicode61 tokenizer anyway.
        text = string.Create(text.Length, text, static (chars, source) =>
        {
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = char.IsControl(source[k]) ? ' ' : source[k];
            }
        });
        var terms = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '"')
            {
                int close = text.IndexOf('"', i + 1);
                int end = close < 0 ? text.Length : close;
                string phrase = text[(i + 1)..end];
                i = close < 0 ? text.Length : close + 1;
                bool prefix = i < text.Length && text[i] == '*';
                if (prefix)
                {
                    i++;
                }

                AddTerm(terms, phrase, prefix);
                continue;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            string word = text[start..i];
            if (word == "OR")
            {
                if (terms.Count > 0 && terms[^1] != "OR")
                {
                    terms.Add("OR");
                }

                continue;
            }

            bool isPrefix = word.EndsWith('*');
            AddTerm(terms, word.TrimEnd('*'), isPrefix);
        }

        while (terms.Count > 0 && terms[^1] == "OR")
        {
            terms.RemoveAt(terms.Count - 1);
        }

        if (terms.Count == 0)
        {
            throw new ArgumentException("The search text has no words to search for.", parameterName);
        }

        return string.Join(' ', terms);
    }

    private static void AddTerm(List<string> terms, string term, bool prefix)
    {
        bool searchable = false;
        foreach (var rune in term.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                searchable = true;
                break;
            }
        }

        if (!searchable)
        {
            return;
        }

        // FTS5 reads a string in double quotes literally; a quote inside is doubled.
        string quoted = "\"" + LoneSurrogates.Replace(term, out _).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        terms.Add(prefix ? quoted + "*" : quoted);
    }
}
