using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Knowledge;

namespace Readout.Nlp.Entities;

/// <summary>
/// First-version, rule-based entity recognizer: title-led person names ("Russian Deputy Prime
/// Minister Arkady Dvorkovich"), capitalized chains classified through the knowledge base
/// (countries, demonyms, organizations, institutions, office holders, places) and cues (org
/// keywords, acronyms), descriptions that denote actors ("the Russian leader", "the ministry",
/// "the two countries") and personal pronouns. Mentions never cross sentences or excluded regions.
/// With <c>useNames</c>, the trained recognizer's names (<see cref="LayerKeys.NamedEntities"/>, run before this
/// stage) are combined with the rules' sentence by sentence (<see cref="EntityMerger"/>).
/// Thread-safe.
/// </summary>
public sealed class EntityRecognizer(KnowledgeBase kb, bool useNames = false) : IStage
{
    private static readonly HashSet<string> OrgKeywords = new(StringComparer.Ordinal)
    {
        "Ministry", "Agency", "Party", "Council", "Bank", "Company", "Corp", "Corp.", "Inc.", "Co.", "Ltd", "Ltd.", "Union",
        "Organization", "Organisation", "Association", "Committee", "Commission", "Forces", "Army", "Navy", "University",
        "Court", "Parliament", "Assembly", "Department", "Office", "Institute", "Federation", "Group", "Front", "Movement",
        "Police", "Guard", "Command", "Fund", "Authority", "Board", "Bureau", "Service", "Cabinet", "Secretariat", "Embassy",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "on", "de", "al", "bin" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "him", "his", "her" };

    private static readonly HashSet<string> GroupNouns = new(StringComparer.OrdinalIgnoreCase) { "countries", "nations", "sides", "governments", "leaders", "neighbors", "neighbours" };

    /// <summary>Capitalized words that start sentences or headings but are not names.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But", "And", "This", "That", "These",
        "Those", "His", "Her", "Its", "Their", "Our", "After", "Before", "When", "While", "As", "If", "Meanwhile", "However",
        "By", "For", "With", "From", "To", "Of", "Mr.", "Mrs.", "Ms.", "Dr.", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
        "Sept.", "Oct.", "Nov.", "Dec.", "Both", "Two", "Three", "Some", "Many", "Officials", "Tuesday's", "Last", "Next",
        "Earlier", "Later", "Also", "Such", "No", "Yes", "Under", "According", "Despite", "Since", "Until", "During",
    };

    /// <summary>The first word of every title, for <see cref="LongestTitle"/> to skip the words that start none.</summary>
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _titleStarts =
        new HashSet<string>(kb.Titles.Select(t => t.Phrase.Split(' ')[0]), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public string Name => "entities";

    public IReadOnlyList<LayerKey> Requires { get; } = useNames
        ? [LayerKeys.Tokens, LayerKeys.Sentences, LayerKeys.PartsOfSpeech, LayerKeys.NamedEntities]
        : [LayerKeys.Tokens, LayerKeys.Sentences, LayerKeys.PartsOfSpeech];

    public IReadOnlyList<LayerKey> Produces => [LayerKeys.Entities];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Get(LayerKeys.Tokens);
        var pos = document.Get(LayerKeys.PartsOfSpeech);
        var names = useNames ? document.Get(LayerKeys.NamedEntities) : null;
        var mentions = new List<EntityMention>();
        var guesses = new List<int>();
        // Persons named so far; true for a name the rules only guessed (a chain of proper nouns).
        var personNames = new Dictionary<string, bool>(StringComparer.Ordinal);
        int nextName = 0;
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in document.Get(LayerKeys.Sentences).Items)
        {
            int first = mentions.Count;
            guesses.Clear();
            Recognize(text, tokens, pos, sentence, mentions, guesses, personNames);
            if (names is not null)
            {
                // The name tagger also reads the words between sentences (excluded regions: bylines, appeals); skip its names there.
                while (nextName < names.Count && names[nextName].FirstToken < sentence.FirstToken)
                {
                    nextName++;
                }

                int end = nextName;
                while (end < names.Count && names[end].FirstToken < sentence.EndToken)
                {
                    end++;
                }

                EntityMerger.Merge(kb, mentions, first, guesses, names, nextName, end, surnames, pos.Upos, sentence.FirstToken);

                nextName = end;
            }
        }

        document.Set(LayerKeys.Entities, mentions);
    }

    private void Recognize(string text, TokenTable tokens, PosTags pos, Sentence s, List<EntityMention> mentions, List<int> guesses, Dictionary<string, bool> personNames)
    {
        int i = s.FirstToken;
        while (i < s.EndToken)
        {
            int? next = TryTitledPerson(text, tokens, pos, s, i, mentions, personNames)
                ?? TryNominal(text, tokens, pos, s, i, mentions)
                ?? TryChain(text, tokens, pos, s, i, mentions, guesses, personNames)
                ?? TryPronoun(text, tokens, pos, s, i, mentions);
            i = next ?? i + 1;
        }
    }

    private static string Word(string text, TokenTable tokens, int i) => tokens.Text(text, i);

    private static bool IsCapitalized(string text, TokenTable tokens, int i)
    {
        char c = text[tokens.Starts[i]];
        return char.IsUpper(c);
    }

    private static EntityMention Mention(string text, TokenTable tokens, int first, int end, EntityKind kind)
    {
        var span = TextSpan.FromBounds(tokens.Starts[first], tokens.Ends[end - 1]);
        return new EntityMention(span, first, end, kind, text[span.Start..span.End]) { Sources = EntitySources.Rules };
    }

    /// <summary>
    /// Words that make a deputy or stand-in of any title ("Deputy Treasury Secretary", "Vice Foreign Minister",
    /// "Acting President"): the knowledge base lists the common compounds, not every one.
    /// </summary>
    private static readonly HashSet<string> RankModifiers = new(StringComparer.OrdinalIgnoreCase) { "deputy", "vice", "acting", "interim" };

    /// <summary>Longest title phrase starting at <paramref name="i"/>; returns its end token or -1.</summary>
    internal int MatchTitle(string text, TokenTable tokens, int i, int end) => MatchTitle(text, tokens, i, end, out _);

    /// <summary>
    /// Longest title phrase starting at <paramref name="i"/>, also after rank modifiers the knowledge base does not list
    /// with that title ("Deputy Treasury Secretary": the treasury secretary's sector, role "Deputy Treasury Secretary");
    /// returns its end token or -1, and the title in <paramref name="title"/>.
    /// </summary>
    internal int MatchTitle(string text, TokenTable tokens, int i, int end, out TitleEntry? title)
    {
        int best = LongestTitle(text, tokens, i, end, out title);
        if (best > 0 || i + 1 >= end || !RankModifiers.Contains(Word(text, tokens, i)))
        {
            return best;
        }

        best = MatchTitle(text, tokens, i + 1, end, out var rest);
        if (best > 0 && rest is not null)
        {
            var modifier = Word(text, tokens, i);
            title = rest with { Phrase = modifier.ToLowerInvariant() + " " + rest.Phrase, Role = char.ToUpperInvariant(modifier[0]) + modifier[1..].ToLowerInvariant() + " " + rest.Role };
        }

        return best;
    }

    private int LongestTitle(string text, TokenTable tokens, int i, int end, out TitleEntry? title)
    {
        int best = -1;
        title = null;
        if (i >= end)
        {
            return best;
        }

        var first = text.AsSpan(tokens.Starts[i], tokens.Ends[i] - tokens.Starts[i]);
        if (!_titleStarts.Contains(first) && first.IndexOfAny('\u2019', '\u2018', '\u02BC') < 0)
        {
            // Asked at every token: most words start no title, and the phrases below cost a string per length.
            return best;
        }

        var words = new List<string>(kb.MaxTitleWords);
        for (int k = i; k < end && k - i < kb.MaxTitleWords; k++)
        {
            words.Add(Word(text, tokens, k).ToLowerInvariant());
            if (kb.TryGetTitle(string.Join(' ', words), out var found))
            {
                best = k + 1;
                title = found;
            }
        }

        return best;
    }

    /// <summary>A nationality word or "Country 's" at <paramref name="i"/>; returns the token after it or -1.</summary>
    private int MatchNationality(string text, TokenTable tokens, int i, int end)
    {
        var w = Word(text, tokens, i);
        if (kb.TryGetDemonym(w, out _))
        {
            return i + 1;
        }

        if (kb.TryGetCountry(w, out _) && i + 1 < end && Word(text, tokens, i + 1) is "'s" or "’s")
        {
            return i + 2;
        }

        return -1;
    }

    private int NameChainEnd(string text, TokenTable tokens, PosTags pos, int i, int end)
    {
        int k = i;
        while (k < end)
        {
            if (HyphenatedName(text, tokens, k, end))
            {
                k += 3;
            }
            else if (IsCapitalized(text, tokens, k) && char.IsLetter(text[tokens.Starts[k]])
                && !NotNames.Contains(Word(text, tokens, k)) && !kb.TryGetDemonym(Word(text, tokens, k), out _))
            {
                k++;
            }
            else
            {
                break;
            }
        }

        return k;
    }

    /// <summary>
    /// True when tokens <c>i, i + 1, i + 2</c> are a word, a hyphen and a capitalized word written without spaces:
    /// one part of a name ("al-Assad", "Jean-Yves"), which the tokenizer splits.
    /// </summary>
    private static bool HyphenatedName(string text, TokenTable tokens, int i, int end) =>
        i + 2 < end && char.IsLetter(text[tokens.Starts[i]]) && Word(text, tokens, i + 1) == "-"
        && tokens.Ends[i] == tokens.Starts[i + 1] && tokens.Ends[i + 1] == tokens.Starts[i + 2]
        && IsCapitalized(text, tokens, i + 2) && char.IsLetter(text[tokens.Starts[i + 2]]);

    /// <summary>The words of tokens <c>[i, end)</c> joined by spaces, but hyphens that had none keep none ("Bashar al-Assad").</summary>
    private static string Phrase(string text, TokenTable tokens, int i, int end)
    {
        var phrase = new System.Text.StringBuilder();
        for (int t = i; t < end; t++)
        {
            bool glued = t > i && tokens.Ends[t - 1] == tokens.Starts[t] && (Word(text, tokens, t) == "-" || Word(text, tokens, t - 1) == "-");
            if (t > i && !glued)
            {
                phrase.Append(' ');
            }

            phrase.Append(text, tokens.Starts[t], tokens.Ends[t] - tokens.Starts[t]);
        }

        return phrase.ToString();
    }

    private int? TryTitledPerson(string text, TokenTable tokens, PosTags pos, Sentence s, int i, List<EntityMention> mentions, Dictionary<string, bool> personNames)
    {
        int k = i;
        int afterNat = MatchNationality(text, tokens, k, s.EndToken);
        if (afterNat > 0)
        {
            k = afterNat;
        }

        int afterTitle = MatchTitle(text, tokens, k, s.EndToken);
        if (afterTitle < 0)
        {
            return null;
        }

        // "Mr." style honorifics and titles are followed directly by the name.
        int nameEnd = NameChainEnd(text, tokens, pos, afterTitle, s.EndToken);
        if (nameEnd == afterTitle)
        {
            return null;
        }

        // The title must be written as a title (capitalized, "Prime Minister Abe") or be a lower-case
        // descriptor directly before a name ("Russian leader Vladimir Putin").
        mentions.Add(Mention(text, tokens, i, nameEnd, EntityKind.Person));
        personNames[Phrase(text, tokens, afterTitle, nameEnd)] = false;
        return nameEnd;
    }

    private int? TryNominal(string text, TokenTable tokens, PosTags pos, Sentence s, int i, List<EntityMention> mentions)
    {
        var w = Word(text, tokens, i);
        if (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            return TryIndefiniteTitle(text, tokens, pos, s, i, mentions);
        }

        if (!w.Equals("the", StringComparison.OrdinalIgnoreCase) && !w.Equals("both", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        int k = i + 1;
        if (k >= s.EndToken)
        {
            return null;
        }

        // "the two countries", "both nations"
        if (Word(text, tokens, k) is "two" or "both")
        {
            k++;
        }

        if (k < s.EndToken && GroupNouns.Contains(Word(text, tokens, k)) && (k > i + 1 || w.Equals("both", StringComparison.OrdinalIgnoreCase)))
        {
            mentions.Add(Mention(text, tokens, i, k + 1, EntityKind.Nominal));
            return k + 1;
        }

        if (w.Equals("both", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        int afterNat = MatchNationality(text, tokens, k, s.EndToken);
        if (afterNat > 0)
        {
            k = afterNat;
        }
        else if (CountryModifierEnd(text, tokens, k, s.EndToken) is > 0 and var afterCountry)
        {
            k = afterCountry; // "the U.S. military"
        }

        int afterTitle = MatchTitle(text, tokens, k, s.EndToken);
        if (afterTitle > 0 && NameChainEnd(text, tokens, pos, afterTitle, s.EndToken) == afterTitle)
        {
            mentions.Add(Mention(text, tokens, i, afterTitle, EntityKind.Nominal));
            return afterTitle;
        }

        // "the ministry", "the Foreign Ministry" (institutions written as common nouns)
        for (int len = Math.Min(4, s.EndToken - k); len >= 1; len--)
        {
            var phrase = string.Join(' ', Enumerable.Range(k, len).Select(t => Word(text, tokens, t)));
            if (kb.TryGetInstitution(phrase, out _) || IsGenericInstitution(phrase))
            {
                mentions.Add(Mention(text, tokens, IsCapitalized(text, tokens, k) ? k : i, k + len, IsCapitalized(text, tokens, k) ? EntityKind.Organization : EntityKind.Nominal));
                return k + len;
            }
        }

        return null;
    }

    /// <summary>A country name used as a modifier before a lower-case title or institution ("U.S. military"); the token after it, or -1.</summary>
    private int CountryModifierEnd(string text, TokenTable tokens, int k, int end)
    {
        for (int len = Math.Min(3, end - k - 1); len >= 1; len--)
        {
            var phrase = string.Join(' ', Enumerable.Range(k, len).Select(t => Word(text, tokens, t)));
            int next = k + len;
            if (kb.TryGetCountry(phrase, out _) && next < end && !IsCapitalized(text, tokens, next)
                && (MatchTitle(text, tokens, next, end) > 0 || IsGenericInstitution(Word(text, tokens, next))))
            {
                return next;
            }
        }

        return -1;
    }

    /// <summary>"A ministry spokesperson", "an army commander": an indefinite title, with up to two modifiers before it.</summary>
    private int? TryIndefiniteTitle(string text, TokenTable tokens, PosTags pos, Sentence s, int i, List<EntityMention> mentions)
    {
        for (int k = i + 1; k < Math.Min(s.EndToken, i + 4); k++)
        {
            int afterTitle = MatchTitle(text, tokens, k, s.EndToken);
            if (afterTitle > 0 && NameChainEnd(text, tokens, pos, afterTitle, s.EndToken) == afterTitle
                && (afterTitle >= s.EndToken || pos.Upos[afterTitle] is not (Upos.NOUN or Upos.PROPN)))
            {
                mentions.Add(Mention(text, tokens, i, afterTitle, EntityKind.Nominal));
                return afterTitle;
            }

            if (pos.Upos[k] is not (Upos.NOUN or Upos.ADJ) || IsCapitalized(text, tokens, k))
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsGenericInstitution(string phrase) =>
        phrase is "ministry" or "government" or "administration" or "military" or "army" or "police" or "parliament" or "regime" or "embassy";

    /// <summary>
    /// A capitalized chain: named by the knowledge base or an earlier person, else guessed from cues (an organization
    /// keyword, an acronym, two to four proper nouns as a person); the index of a guess is added to <paramref name="guesses"/>.
    /// </summary>
    private int? TryChain(string text, TokenTable tokens, PosTags pos, Sentence s, int i, List<EntityMention> mentions, List<int> guesses, Dictionary<string, bool> personNames)
    {
        if (!IsCapitalized(text, tokens, i) || !char.IsLetter(text[tokens.Starts[i]]))
        {
            return null;
        }

        var first = Word(text, tokens, i);
        if (NotNames.Contains(first) && !(i + 1 < s.EndToken && IsCapitalized(text, tokens, i + 1) && first is not ("The" or "A" or "An")))
        {
            return null;
        }

        // Extend: capitalized words, with "of"/"for" connectors inside organization names.
        int end = i + 1;
        while (end < s.EndToken)
        {
            // A first name in two hyphenated parts ("Jean-Yves Le Drian"), then any later part ("al-Assad").
            if (end == i + 1 && HyphenatedName(text, tokens, i, s.EndToken))
            {
                end += 2;
            }
            else if (HyphenatedName(text, tokens, end, s.EndToken))
            {
                end += 3;
            }
            else if (IsCapitalized(text, tokens, end) && char.IsLetter(text[tokens.Starts[end]]) && !NotNames.Contains(Word(text, tokens, end)))
            {
                end++;
            }
            else if (Connectors.Contains(Word(text, tokens, end)) && end + 1 < s.EndToken && IsCapitalized(text, tokens, end + 1)
                && ChainHasOrgKeyword(text, tokens, i, end))
            {
                end += 2;
            }
            else
            {
                break;
            }
        }

        // Try the longest KB match from the left, then shorter ones.
        for (int e = end; e > i; e--)
        {
            var phrase = Phrase(text, tokens, i, e);
            var kind = Classify(phrase, e - i, personNames, out bool guessed);
            if (kind is { } k)
            {
                if (k == EntityKind.Person)
                {
                    personNames.TryAdd(phrase, guessed);
                }

                if (guessed)
                {
                    guesses.Add(mentions.Count);
                }

                mentions.Add(Mention(text, tokens, i, e, k));
                return e;
            }
        }

        var chain = Phrase(text, tokens, i, end);
        bool sentenceInitial = i == s.FirstToken;
        if (ChainHasOrgKeyword(text, tokens, i, end) || IsAcronym(chain))
        {
            guesses.Add(mentions.Count);
            mentions.Add(Mention(text, tokens, i, end, EntityKind.Organization));
            return end;
        }

        bool proper = Enumerable.Range(i, end - i).All(t => pos.Upos[t] == Upos.PROPN && LooksLikeName(Word(text, tokens, t)));
        if (end - i >= 2 && end - i <= 4 && proper)
        {
            personNames.TryAdd(chain, true);
            guesses.Add(mentions.Count);
            mentions.Add(Mention(text, tokens, i, end, EntityKind.Person));
            return end;
        }

        return sentenceInitial || end - i > 1 ? end : null;
    }

    /// <summary>"Cerar", "O'Brien", "Al-Assad": an upper-case letter followed by lower-case letters.</summary>
    private static bool LooksLikeName(string w) => w.Length >= 2 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower) && w.All(c => char.IsLetter(c) || c is '\'' or '’' or '-' or '.');

    private static bool IsAcronym(string w) => w.Length is >= 2 and <= 6 && w.All(c => char.IsUpper(c) || c == '.') && w.Any(char.IsLetter);

    /// <summary>"Unification Ministry", "Defense Forces": an organization of two words or more whose last word is an organization keyword.</summary>
    internal static bool IsHeadedByOrgKeyword(EntityMention mention) =>
        mention.Kind == EntityKind.Organization && mention.Text.LastIndexOf(' ') is > 0 and var space && OrgKeywords.Contains(mention.Text[(space + 1)..]);

    private static bool ChainHasOrgKeyword(string text, TokenTable tokens, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (OrgKeywords.Contains(tokens.Text(text, t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The kind the knowledge base or an earlier person gives <paramref name="phrase"/>; <paramref name="guessed"/> is
    /// true when the evidence is weak: an earlier person the rules only guessed, or a place from the gazetteer of
    /// towns and cities (which holds towns named "Best", "Nice" or "Deal") rather than a country or capital.
    /// </summary>
    private EntityKind? Classify(string phrase, int words, Dictionary<string, bool> personNames, out bool guessed)
    {
        guessed = false;
        if (kb.TryGetCountry(phrase, out _))
        {
            return EntityKind.Country;
        }

        if (words == 1 && kb.TryGetDemonym(phrase, out _))
        {
            return EntityKind.Nationality;
        }

        if (kb.TryGetOrganization(phrase, out _) || kb.TryGetInstitution(phrase, out _))
        {
            return EntityKind.Organization;
        }

        bool named = false;
        guessed = true;
        string surname = " " + phrase;
        foreach (var (name, guess) in personNames)
        {
            if (name == phrase || name.EndsWith(surname, StringComparison.Ordinal))
            {
                named = true;
                guessed &= guess;
            }
        }

        if (named)
        {
            return EntityKind.Person;
        }

        guessed = false;
        if (kb.FindOfficeHolders(phrase, null).Count > 0)
        {
            return EntityKind.Person;
        }

        if (kb.TryGetCapital(phrase, out _))
        {
            return EntityKind.Place;
        }

        if (kb.TryGetPlace(phrase, out _))
        {
            guessed = true;
            return EntityKind.Place;
        }

        return null;
    }

    /// <summary>
    /// "It accused …", "it would summon …": "it" as the subject of an action verb stands for an
    /// organization or state; "it was", "it is expected" are left alone.
    /// </summary>
    private static bool IsActingIt(string text, TokenTable tokens, PosTags pos, Sentence s, int i)
    {
        if (!tokens.Text(text, i).Equals("it", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int k = i + 1;
        while (k < s.EndToken && pos.Upos[k] is Upos.ADV)
        {
            k++;
        }

        if (k >= s.EndToken)
        {
            return false;
        }

        if (pos.Upos[k] is Upos.VERB)
        {
            return pos.Xpos[k] is not ("VBN" or "VBG");
        }

        return pos.Upos[k] is Upos.AUX && pos.Lemmas[k] is not "be" && k + 1 < s.EndToken && pos.Upos[k + 1] is Upos.VERB or Upos.ADV;
    }

    private static int? TryPronoun(string text, TokenTable tokens, PosTags pos, Sentence s, int i, List<EntityMention> mentions)
    {
        if (Pronouns.Contains(tokens.Text(text, i)) || IsActingIt(text, tokens, pos, s, i))
        {
            mentions.Add(Mention(text, tokens, i, i + 1, EntityKind.Pronoun));
            return i + 1;
        }

        return null;
    }
}
