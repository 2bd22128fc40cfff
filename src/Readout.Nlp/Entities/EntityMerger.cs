using Readout.Core.Layers;
using Readout.Nlp.Knowledge;

namespace Readout.Nlp.Entities;

/// <summary>
/// Combines, for one sentence, the rule stage's mentions with the trained recognizer's names.
/// <list type="bullet">
/// <item>Rule mentions the rules are sure of keep priority: titles ("Russian Deputy Prime Minister Arkady Dvorkovich",
/// which the actor resolver reads for country and role), knowledge-base names (they resolve to an actor), earlier
/// persons, descriptions, pronouns and nationality words. A name overlapping one of them is dropped.</item>
/// <item>Rule guesses (a chain with an organization keyword, an acronym, two to four proper nouns taken for a
/// person, a later mention of such a person, a town or city from the places gazetteer) give way to the model's
/// names over them, span and kind, and are dropped when the model finds no name there: the model scores about
/// 20 F1 higher on names (eval ner) and decides from far more evidence; the guesses alone make most of the
/// rules' spurious names ("PM", "FREE", "Adobe Acrobat" as a person, "Best" and "Nice" as towns).</item>
/// <item>A name over words where the rules found nothing is added ("Dvorkovich" alone, "Gazprom said").</item>
/// <item>Nationality words stay rule-based: a model nationality is never added.</item>
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
    public static void Merge(KnowledgeBase kb, List<EntityMention> mentions, int first, List<int> guesses,
        IReadOnlyList<EntityMention> names, int nameFirst, int nameEnd)
    {
        int ruleEnd = mentions.Count;
        int added = 0;
        for (int n = nameFirst; n < nameEnd; n++)
        {
            var name = names[n];
            bool blocked = false;
            bool sameSpan = false;
            for (int r = first; r < ruleEnd; r++)
            {
                var rule = mentions[r];
                if (rule.EndToken <= name.FirstToken || rule.FirstToken >= name.EndToken)
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

            if (blocked || name.Kind == EntityKind.Nationality)
            {
                continue;
            }

            var kind = name.Kind == EntityKind.Place && kb.TryGetCountry(name.Text, out _) ? EntityKind.Country : name.Kind;
            mentions.Add(name with { Kind = kind, Sources = sameSpan ? EntitySources.Both : EntitySources.Model });
            added++;
        }

        if (added == 0 && guesses.Count == 0)
        {
            return;
        }

        // Drop every guess (replaced by a name or found no name), then put the added names in text order among the rest.
        int write = first;
        for (int r = first; r < mentions.Count; r++)
        {
            if (r < ruleEnd && guesses.Contains(r))
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
    }

    /// <summary>The rule mention and the name agree: same kind, the name inside the mention and ending with it.</summary>
    private static bool Agrees(EntityMention rule, EntityMention name) =>
        rule.EndToken == name.EndToken && rule.FirstToken <= name.FirstToken && Family(rule.Kind) == Family(name.Kind);

    private static EntityKind Family(EntityKind kind) => kind == EntityKind.Country ? EntityKind.Place : kind;

    private sealed class ByPosition : IComparer<EntityMention>
    {
        public static readonly ByPosition Instance = new();

        public int Compare(EntityMention? x, EntityMention? y) => x!.FirstToken.CompareTo(y!.FirstToken);
    }
}
