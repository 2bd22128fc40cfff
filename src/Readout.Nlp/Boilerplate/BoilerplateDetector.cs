using System.Text.RegularExpressions;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;

namespace Readout.Nlp.Boilerplate;

/// <summary>
/// Finds the parts of an article that are not its story: a byline on the first line
/// ("• Kyodo", "By Jane Doe", "By JANE DOE, Reuters"), a dateline opening the first paragraph
/// ("TOKYO (Reuters) —", "WASHINGTON, Oct. 3 (AP) -") and publisher boilerplate lines
/// (subscription appeals, share and follow prompts, copyright lines). The text is never altered;
/// the regions go to <see cref="LayerKeys.Regions"/>, and the byline, dateline place and agency
/// fill <see cref="DocumentMetadata"/> (Source only when it is empty).
/// </summary>
/// <remarks>
/// Boilerplate is recognized by scoring each line on general cues (subscribe, sign up, newsletter,
/// share this, follow us, click here, all rights reserved, ©, read more, advertisement, support
/// our journalism, quality journalism), the publisher's voice ("you", "our", imperatives) and
/// shortness, minus reporting verbs ("said", "according to"), which mark news. Trailing lines
/// need a lower score than lines inside the article, so a news sentence about a subscription
/// service is kept. Thread-safe and stateless; linear in the text length.
/// </remarks>
public sealed partial class BoilerplateDetector : IStage
{
    /// <summary>Score a trailing line (one followed only by boilerplate) needs to be boilerplate.</summary>
    public const int TrailingThreshold = 3;

    /// <summary>Score any other line needs to be boilerplate.</summary>
    public const int InnerThreshold = 4;

    /// <summary>Only this many characters of a line are examined for a byline or dateline.</summary>
    private const int HeadLength = 200;

    private static readonly string[] RoleWords = ["staff", "writer", "correspondent", "reporter", "editor", "contributor", "staff writer"];

    public string Name => "boilerplate";

    public IReadOnlyList<LayerKey> Requires { get; } = [];

    public IReadOnlyList<LayerKey> Produces { get; } = [LayerKeys.Regions];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = Detect(document.Text);
        document.Set(LayerKeys.Regions, new ExcludedRegions(found.Regions));
        var m = document.Metadata;
        m.Byline ??= found.Byline;
        m.Dateline ??= found.Dateline;
        if (string.IsNullOrWhiteSpace(m.Source) && found.Agency is not null)
        {
            m.Source = found.Agency;
        }
    }

    /// <summary>Finds the byline, dateline and boilerplate of <paramref name="text"/>.</summary>
    public static BoilerplateFindings Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        var regions = new List<TextRegion>();
        string? byline = null, dateline = null, agency = null;
        int firstContent = 0;
        var taken = new bool[lines.Count];

        if (lines.Count > 0 && TryByline(text, lines[0], out var bylineText, out var bylineAgency))
        {
            byline = bylineText;
            agency = bylineAgency;
            regions.Add(new TextRegion(lines[0], RegionKind.Byline, bylineAgency ?? bylineText));
            taken[0] = true;
            firstContent = 1;
        }

        // The dateline opens the first paragraph; a short headline line may come before it.
        for (int i = firstContent; i < Math.Min(lines.Count, firstContent + 2); i++)
        {
            if (TryDateline(text, lines[i], out var span, out var place, out var datelineAgency))
            {
                dateline = place;
                agency ??= datelineAgency;
                regions.Add(new TextRegion(span, RegionKind.Dateline, place));
                taken[i] = true;
                break;
            }

            if (!IsHeadline(text, lines[i]))
            {
                break;
            }
        }

        MarkBoilerplate(text, lines, taken, regions);
        regions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new BoilerplateFindings(regions, byline, dateline, agency);
    }

    /// <summary>The score of one line as boilerplate; 0 when it has no boilerplate cue at all.</summary>
    /// <param name="trailing">Whether only boilerplate follows the line.</param>
    public static int Score(string line, bool trailing)
    {
        ArgumentNullException.ThrowIfNull(line);
        var s = line.Trim();
        int cue = CueScore(s);
        if (cue == 0)
        {
            return 0;
        }

        int score = Math.Min(cue, 4);
        if (SecondPerson().IsMatch(s))
        {
            score++;
        }

        if (FirstPersonPlural().IsMatch(s))
        {
            score++;
        }

        if (Imperative().IsMatch(s))
        {
            score++;
        }

        int words = WordCount(s);
        if (words <= 12 && s.Length > 0 && s[^1] is not ('.' or '!' or '?' or '”' or '"'))
        {
            score++;
        }

        if (Reporting().IsMatch(s))
        {
            score -= 2;
        }

        if (words > 45)
        {
            score--;
        }

        return trailing ? score + 1 : score;
    }

    private static int CueScore(string s)
    {
        int score = 0;
        if (Advertisement().IsMatch(s))
        {
            score += 4;
        }

        if (Copyright().IsMatch(s))
        {
            score += 3;
        }

        score += StrongCue().Count(s) * 2;
        if (score == 0 && WeakCue().IsMatch(s))
        {
            score = 1;
        }

        return score;
    }

    private static void MarkBoilerplate(string text, List<TextSpan> lines, bool[] taken, List<TextRegion> regions)
    {
        var marked = new bool[lines.Count];

        // Trailing run: walk back from the end while lines read as boilerplate.
        int i = lines.Count - 1;
        for (; i >= 0 && !taken[i]; i--)
        {
            if (Score(text.Substring(lines[i].Start, lines[i].Length), trailing: true) < TrailingThreshold)
            {
                break;
            }

            marked[i] = true;
        }

        for (int j = 0; j <= i; j++)
        {
            if (!taken[j] && Score(text.Substring(lines[j].Start, lines[j].Length), trailing: false) >= InnerThreshold)
            {
                marked[j] = true;
            }
        }

        // Consecutive marked lines form one region.
        for (int j = 0; j < lines.Count; j++)
        {
            if (!marked[j])
            {
                continue;
            }

            int k = j;
            while (k + 1 < lines.Count && marked[k + 1])
            {
                k++;
            }

            regions.Add(new TextRegion(TextSpan.FromBounds(lines[j].Start, lines[k].End), RegionKind.Boilerplate));
            j = k;
        }
    }

    private static bool TryByline(string text, TextSpan line, out string byline, out string? agency)
    {
        byline = string.Empty;
        agency = null;
        if (line.Length > 80)
        {
            return false;
        }

        var s = text.Substring(line.Start, line.Length);
        var bullet = BulletByline().Match(s);
        if (bullet.Success)
        {
            byline = bullet.Groups["agency"].Value;
            agency = byline;
            return true;
        }

        var by = ByByline().Match(s);
        if (!by.Success)
        {
            return false;
        }

        string author = by.Groups["author"].Value.Trim();
        if (!Names().IsMatch(author))
        {
            return false;
        }

        string? rest = by.Groups["agency"].Success ? by.Groups["agency"].Value.Trim() : null;
        if (rest is not null && !Names().IsMatch(rest))
        {
            return false;
        }

        byline = s[by.Groups["author"].Index..].Trim();
        agency = rest is null || RoleWords.Contains(rest.ToLowerInvariant()) ? null : rest;
        return true;
    }

    private static bool TryDateline(string text, TextSpan line, out TextSpan span, out string place, out string? agency)
    {
        span = default;
        place = string.Empty;
        agency = null;
        var head = text.Substring(line.Start, Math.Min(line.Length, HeadLength));
        var m = Dateline().Match(head);
        if (!m.Success)
        {
            return false;
        }

        place = m.Groups["place"].Value;
        agency = m.Groups["agency"].Success ? m.Groups["agency"].Value.Trim() : null;
        bool allCaps = place.Any(char.IsLetter) && !place.Any(char.IsLower);
        if ((!allCaps && agency is null) || place.Count(char.IsLetter) < 2)
        {
            return false;
        }

        span = new TextSpan(line.Start, m.Length);
        return true;
    }

    private static bool IsHeadline(string text, TextSpan line)
    {
        var s = text.Substring(line.Start, line.Length);
        return WordCount(s) <= 15 && s[^1] is not ('.' or '!' or '?' or ':' or ',');
    }

    /// <summary>The non-blank lines of the text, each trimmed of surrounding white space.</summary>
    private static List<TextSpan> Lines(string text)
    {
        var lines = new List<TextSpan>();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            int a = start, b = end;
            while (a < b && char.IsWhiteSpace(text[a]))
            {
                a++;
            }

            while (b > a && char.IsWhiteSpace(text[b - 1]))
            {
                b--;
            }

            if (b > a)
            {
                lines.Add(TextSpan.FromBounds(a, b));
            }

            start = end + 1;
        }

        return lines;
    }

    private static int WordCount(string s)
    {
        int count = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord)
            {
                count++;
            }

            inWord = w;
        }

        return count;
    }

    [GeneratedRegex(@"^[•·▪■◆*\-–—]\s*(?<agency>\p{Lu}[\p{L}\p{M}.&'’\-]*(?:\s+\p{Lu}[\p{L}\p{M}.&'’\-]*){0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex BulletByline();

    [GeneratedRegex(@"^[Bb][Yy]\s+(?<author>[^,|/()\r\n]{2,60}?)(?:\s*(?:,|\||/|\s[—–-])\s*(?<agency>[^,|/()\r\n]{2,40}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ByByline();

    /// <summary>One to five capitalized name words, joined by spaces or "and"/"&amp;" (lower-case particles allowed inside).</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+(?:(?:and|&)\s+)?(?:\p{Lu}[\p{L}\p{M}.'’\-]*|de|da|van|von|der|al|bin|la|le|del)){0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex Names();

    [GeneratedRegex(
        """
        ^(?<place>\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’\-]*){0,3})
        (?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)?
        (?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?
        (?:\s*\((?<agency>[^()\r\n]{1,40})\))?
        (?:\s*(?:—|–|--)|\s+-)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^\W*advertisement\W*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Advertisement();

    [GeneratedRegex(@"©|\bcopyright\b|\(c\)\s*\d{4}|\ball rights reserved\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(
        @"\b(?:subscribe (?:now|today|to (?:our|the newsletter))|by subscribing|become a (?:subscriber|member)|for subscribers|subscribers only|sign up|our newsletters?|share this|share (?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|email)|follow us|click here|read more|support (?:our|independent|quality) journalism|(?:quality|independent|trusted|trustworthy|reliable|accurate|fact-based|serious|good) journalism|download (?:our|the) app|unlimited access|free trial)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StrongCue();

    [GeneratedRegex(@"\b(?:subscri(?:be|bing|bers?|ption)|newsletter|journalism|donate)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WeakCue();

    [GeneratedRegex(@"\byour?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecondPerson();

    [GeneratedRegex(@"\b(?:we|us|our)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonPlural();

    [GeneratedRegex(@"^\W*(?:subscribe|sign up|follow|share|click|read|support|download|join|get|register|donate|like)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Imperative();

    [GeneratedRegex(@"\b(?:said|says|told|according to|announced|reported|stated|added)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Reporting();
}
