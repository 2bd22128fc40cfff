using Readout.Core.Layers;
using Readout.Nlp.Knowledge;
using Readout.Nlp.Ner;

namespace Readout.Nlp.Entities;

/// <summary>
/// Combines, for one sentence, the rule stage's mentions with the trained recognizer's names.
/// <list type="bullet">
/// <item>Rule mentions the rules are sure of keep priority: titles ("Russian Deputy Prime Minister Arkady Dvorkovich",
/// which the actor resolver reads for country and role), knowledge-base names (they resolve to an actor), earlier
/// persons, descriptions, pronouns and nationality words. A name overlapping one of them is dropped, except an
/// organization or place name around a country or place ("Gulf of Mexico", "Japan Airlines"), which replaces it.</item>
/// <item>Rule guesses (a chain with an organization keyword, an acronym, two to four proper nouns taken for a
/// person, a later mention of such a person, a town or city from the places gazetteer) give way to the model's
/// names over them, span and kind, and are dropped when the model finds no name there: the model scores about
/// 20 F1 higher on names (eval ner) and decides from far more evidence; the guesses alone make most of the
/// rules' spurious names ("PM", "FREE", "Adobe Acrobat" as a person, "Best" and "Nice" as towns). A guess of
/// two words or more headed by an organization keyword ("Unification Ministry") stays when the model finds
/// nothing there: in news such a name is an organization far more often than not, and the model misses some.</item>
/// <item>A name over words where the rules found nothing is added ("Dvorkovich" alone, "Gazprom said").</item>
/// <item>A one-word organization or place name the model gives to the surname of a person named earlier in the
/// document is that person ("Hassan Nasrallah … Nasrallah 's"): the model types unknown surnames as organizations.
/// So is a one-word place name no gazetteer lists, right before a verb ("Yermak met Zelensky").</item>
/// <item>A one-word name opening the sentence that the tagger reads as a common word is not added ("Man arrested …").</item>
/// <item>Nationality words stay rule-based: a model nationality is never added.</item>
/// <item>A name not starting with a capital (or a hyphenated word with a capital after its hyphen, "al-Qaeda") is
/// not added: the model learnt lower-case names from web text (a quarter of its training sentences are lower-cased),
/// and in edited news they are its mistakes ("ministry" as a person, "joint air force"); the rules' descriptions
/// cover lower-case actors.</item>
/// </list>
/// Each mention records its <see cref="EntitySources"/>: <see cref="EntitySources.Both"/> when the two agree on the
/// name (same last token, the model's span inside the rules', so a titled person agrees with its bare name).
/// </summary>
internal static class EntityMerger
{
    /// <summary>
    /// Replaces <paramref name="mentions"/> from <paramref name="first"/> on (one sentence's rule mentions, in text
    /// order; <paramref name="guesses"/> holds the indices of the guessed ones) with the combination with
    /// <paramref name="names"/>[<paramref name="nameFirst"/>, <paramref name="nameEnd"/>), kept in text order.
    /// The model's persons are not fed back to the rules' earlier-person lookup: one wrong person would spread over
    /// every later mention of the word, and the model reads the whole document already.
    /// </summary>
    /// <param name="surnames">The last word of every person of the document's earlier sentences (this adds this sentence's).</param>
    /// <param name="upos">The document's parts of speech, by token.</param>
    /// <param name="sentenceStart">The sentence's first token.</param>
    public static void Merge(KnowledgeBase kb, List<EntityMention> mentions, int first, List<int> guesses,
        IReadOnlyList<EntityMention> names, int nameFirst, int nameEnd, HashSet<string> surnames, Upos[] upos, int sentenceStart)
    {
        int ruleEnd = mentions.Count;
        Span<bool> covered = ruleEnd - first <= 128 ? stackalloc bool[ruleEnd - first] : new bool[ruleEnd - first];
        Span<bool> swallowed = ruleEnd - first <= 128 ? stackalloc bool[ruleEnd - first] : new bool[ruleEnd - first];
        int added = 0;
        for (int n = nameFirst; n < nameEnd; n++)
        {
            var name = names[n];
            bool blocked = false;
            bool sameSpan = false;
            for (int r = first; r < ruleEnd; r++)
            {
                var rule = mentions[r];
                if (rule.EndToken <= name.FirstToken || rule.FirstToken >= name.EndToken || Swallows(name, rule))
                {
                    continue;
                }

                if (!guesses.Contains(r))
                {
                    blocked = true;
                    if (Agrees(rule, name))
                    {
                        mentions[r] = rule with { Sources = EntitySources.Both };
                    }
                }
                else if (rule.FirstToken == name.FirstToken && rule.EndToken == name.EndToken)
                {
                    sameSpan = true;
                }
            }

            if (blocked || name.Kind == EntityKind.Nationality || !NerHyphens.IsCapitalized(FirstWord(name.Text)) || IsCommonOpener(name, upos, sentenceStart))
            {
                continue;
            }

            for (int r = first; r < ruleEnd; r++)
            {
                bool overlaps = mentions[r].EndToken > name.FirstToken && mentions[r].FirstToken < name.EndToken;
                covered[r - first] |= overlaps;
                swallowed[r - first] |= overlaps && Swallows(name, mentions[r]);
            }

            var kind = name.Kind == EntityKind.Place && kb.TryGetCountry(name.Text, out _) ? EntityKind.Country
                : IsPersonByEvidence(name, mentions, first, surnames) || IsUnknownPlaceActing(kb, name, upos) ? EntityKind.Person
                : name.Kind;
            mentions.Add(name with { Kind = kind, Sources = sameSpan ? EntitySources.Both : EntitySources.Model });
            added++;
        }

        if (added == 0 && guesses.Count == 0)
        {
            AddSurnames(mentions, first, surnames);
            return;
        }

        // Drop the guesses a name replaces and those the model found no name in, then put the added names in text order among the rest.
        int write = first;
        for (int r = first; r < mentions.Count; r++)
        {
            if (r < ruleEnd && (swallowed[r - first] || guesses.Contains(r) && (covered[r - first] || !EntityRecognizer.IsHeadedByOrgKeyword(mentions[r]))))
            {
                continue;
            }

            mentions[write++] = mentions[r];
        }

        mentions.RemoveRange(write, mentions.Count - write);
        if (added > 0)
        {
            mentions.Sort(first, mentions.Count - first, ByPosition.Instance);
        }

        AddSurnames(mentions, first, surnames);
    }

    /// <summary>
    /// A one-word organization or place name of the model's that the document shows to be a person: the surname of a
    /// person named before it, in an earlier sentence or earlier in this one ("Hassan Nasrallah … Nasrallah"). The model
    /// types unknown surnames as organizations most of all before "'s" and in lists.
    /// </summary>
    private static bool IsPersonByEvidence(EntityMention name, List<EntityMention> mentions, int first, HashSet<string> surnames)
    {
        if (name.Kind is not (EntityKind.Organization or EntityKind.Place) || name.EndToken - name.FirstToken != 1)
        {
            return false;
        }

        if (surnames.Contains(name.Text))
        {
            return true;
        }

        for (int r = first; r < mentions.Count; r++)
        {
            if (mentions[r].Kind == EntityKind.Person && mentions[r].EndToken <= name.FirstToken && LastWord(mentions[r].Text).SequenceEqual(name.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A one-word name opening the sentence that the part-of-speech tagger reads as a common word ("Man arrested after
    /// …", "Kitchen puts out good food"): the capital is the sentence's, not a name's, and the tagger, trained on far
    /// more text, knows the word.
    /// </summary>
    private static bool IsCommonOpener(EntityMention name, Upos[] upos, int sentenceStart) =>
        name.FirstToken == sentenceStart && name.EndToken - name.FirstToken == 1 && upos[name.FirstToken] is not Upos.PROPN;

    /// <summary>
    /// A one-word place name of the model's that no gazetteer lists, right before a verb ("Yermak met Zelensky"): the
    /// model's type for an unknown word is a guess there, and in news an unknown one-word name acting on its own is
    /// a person far more often than an unlisted town; the place could not be resolved anyway.
    /// </summary>
    private static bool IsUnknownPlaceActing(KnowledgeBase kb, EntityMention name, Upos[] upos) =>
        name.Kind == EntityKind.Place && name.EndToken - name.FirstToken == 1 && name.EndToken < upos.Length
        && upos[name.EndToken] == Upos.VERB && kb.FindPlaces(name.Text).Count == 0 && !kb.TryGetCountry(name.Text, out _);

    private static void AddSurnames(List<EntityMention> mentions, int first, HashSet<string> surnames)
    {
        for (int r = first; r < mentions.Count; r++)
        {
            if (mentions[r].Kind == EntityKind.Person)
            {
                surnames.Add(LastWord(mentions[r].Text).ToString());
            }
        }
    }

    private static ReadOnlySpan<char> LastWord(string text) => text.AsSpan(text.LastIndexOf(' ') + 1);

    /// <summary>
    /// A longer organization or place name around a country or place the rules found ("Gulf of Mexico", "Manila Bay",
    /// "Japan Airlines"): the name is the better span; the actor resolver takes a leading country for the organization.
    /// </summary>
    private static bool Swallows(EntityMention name, EntityMention rule) =>
        name.Kind is EntityKind.Organization or EntityKind.Place && rule.Kind is EntityKind.Country or EntityKind.Place
        && name.FirstToken <= rule.FirstToken && name.EndToken >= rule.EndToken && name.EndToken - name.FirstToken > rule.EndToken - rule.FirstToken;

    /// <summary>The rule mention and the name agree: same kind, the name inside the mention and ending with it.</summary>
    private static bool Agrees(EntityMention rule, EntityMention name) =>
        rule.EndToken == name.EndToken && rule.FirstToken <= name.FirstToken && Family(rule.Kind) == Family(name.Kind);

    private static EntityKind Family(EntityKind kind) => kind == EntityKind.Country ? EntityKind.Place : kind;

    private sealed class ByPosition : IComparer<EntityMention>
    {
        public static readonly ByPosition Instance = new();

        public int Compare(EntityMention? x, EntityMention? y) => x!.FirstToken.CompareTo(y!.FirstToken);
    }

    private static string FirstWord(string text)
    {
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? text : text[..space];
    }
}
