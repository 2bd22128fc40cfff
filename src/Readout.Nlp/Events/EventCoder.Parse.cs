using Readout.Core.Layers;

namespace Readout.Nlp.Events;

/// <summary>
/// Argument finding over the dependency parse: the predicate's nsubj, obj, obl:agent, nsubj:pass, obl and
/// nmod with their case preposition, nmod:poss, conjuncts, and control through xcomp. Each finder returns
/// the entity whose mention heads (or names the owner of) the dependent, or null when the parse gives no
/// actor there; the caller then falls back to the linear heuristics (parses are wrong about one time in five).
/// </summary>
public sealed partial class EventCoder
{
    /// <summary>Relative pronouns: as nsubj of a relative clause they stand for the noun the clause modifies.</summary>
    private static bool IsRelativePronoun(string word) => word is "who" or "which" or "that";

    /// <summary>
    /// The actor mention a dependent stands for: the mention covering it, else one modifying it
    /// ("the Kenyan delegation", "Poland's defence minister", "the ambassadors of Germany"). Null when
    /// neither has an actor, or the mention is a place named as a place ("in Rabat").
    /// </summary>
    private static int? MentionOf(DocView doc, int token, bool subject)
    {
        if (doc.TokenEntity[token] is var ent and >= 0)
        {
            return Acts(doc, ent, subject) ? ent : null;
        }

        if (doc.U(token) is not (Upos.NOUN or Upos.PROPN))
        {
            return null;
        }

        var parse = doc.Parse!;
        bool hasOwnObject = false;
        foreach (int c in parse.Children(token))
        {
            hasOwnObject |= parse.Relation(c) == "nmod" && CaseOf(doc, c) == "of" && doc.TokenEntity[c] < 0;
        }

        foreach (int c in parse.Children(token))
        {
            // "Iran's deliveries of drones are killing civilians": a possessed noun with an object of its own names an
            // act, and its owner is the actor of that act, not of the verb ("the Ukrainian port of Odesa" is no act).
            bool owner = parse.Is(c, "nmod:poss") && !hasOwnObject || parse.Is(c, "amod") || parse.Is(c, "compound")
                || parse.Is(c, "nmod") && CaseOf(doc, c) is "of" or "from";
            // An object's owner may be a place of known country: "struck the Black Sea port of Odesa".
            if (owner && doc.TokenEntity[c] is var m and >= 0 && doc.Actors.TryGetValue(m, out var a)
                && (doc.Entities[m].Kind is EntityKind.Nationality or EntityKind.Country or EntityKind.Organization
                    || !subject && doc.Entities[m].Kind == EntityKind.Place && a.Actor.Country is not null))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>A mention that can fill a role: an actor, or "the two countries" (resolved by <see cref="Group"/>); a place only as a capital standing for its state.</summary>
    private static bool Acts(DocView doc, int ent, bool subject)
    {
        var e = doc.Entities[ent];
        if (e.Kind == EntityKind.Nominal && !doc.Actors.ContainsKey(ent))
        {
            return subject;
        }

        if (!doc.Actors.TryGetValue(ent, out var a))
        {
            return false;
        }

        return !subject || e.Kind != EntityKind.Place || a.Evidence == "capital-metonym";
    }

    /// <summary>The lower-cased preposition of a nominal dependent ("with" in "with Cerar"), or null.</summary>
    private static string? CaseOf(DocView doc, int token)
    {
        var parse = doc.Parse!;
        foreach (int c in parse.Children(token))
        {
            if (parse.Relation(c) == "case")
            {
                return doc.Lower(c);
            }
        }

        return null;
    }

    /// <summary>The mention plus those coordinated with it in the parse ("Kenya and Tanzania signed").</summary>
    private static List<int>? GroupOf(DocView doc, Sentence sentence, int token, bool subject)
    {
        if (MentionOf(doc, token, subject) is not { } ent)
        {
            return null;
        }

        var group = Group(doc, sentence, ent);
        if (group.Count == 1)
        {
            foreach (int c in doc.Parse!.Conjuncts(token))
            {
                if (MentionOf(doc, c, subject) is { } partner && partner != ent)
                {
                    group.Add(partner);
                    break;
                }
            }
        }

        return group.Count > 0 ? group : null;
    }

    /// <summary>
    /// The parse's subject of the verb at <paramref name="t"/>: its nsubj; through a relative pronoun to the
    /// noun the clause modifies; for an infinitive or coordinated verb without one, the governor's subject
    /// (its object after an object-control verb: "urged Pyongyang to return").
    /// </summary>
    private static List<int>? ParseSubject(DocView doc, Sentence sentence, int t)
    {
        var parse = doc.Parse!;
        int p = t;
        for (int depth = 0; depth < 4; depth++)
        {
            int subj = parse.Child(p, "nsubj");
            if (subj >= 0)
            {
                if (IsRelativePronoun(doc.Lower(subj)) && parse.Is(p, "acl") && parse.Head(p) >= 0)
                {
                    return GroupOf(doc, sentence, parse.Head(p), subject: true);
                }

                return GroupOf(doc, sentence, subj, subject: true);
            }

            int head = parse.Head(p);
            if (head < 0 || parse.Child(p, "nsubj:pass") >= 0)
            {
                return null;
            }

            if (parse.Relation(p) == "xcomp" && doc.Pos.Xpos[p] != "VB")
            {
                return null; // "met visiting Russian Deputy Prime Minister …": a participle, not a controlled infinitive
            }

            if (parse.Relation(p) == "xcomp")
            {
                if (ObjectControlVerbs.Contains(doc.Lemma(head)))
                {
                    int obj = parse.Child(head, "obj");
                    return obj >= 0 ? GroupOf(doc, sentence, obj, subject: true) : null;
                }
            }
            else if (parse.Relation(p) == "acl:relcl" && doc.U(parse.Head(p)) is Upos.NOUN or Upos.PROPN)
            {
                // "the Dutch minister who negotiated": an object-gap relative has a subject of its own, found above.
                return null;
            }
            else if (!(parse.Relation(p) == "conj" && doc.U(head) is Upos.VERB))
            {
                // Not through a participle clause either: "…, killing four people", "…, calling it a provocation"
                // describe the main event, and coding them as events of the main subject adds false ones.
                return null;
            }

            p = head;
        }

        return null;
    }

    /// <summary>The passive's agent with those coordinated with it: "was struck by Russian missiles", "was signed by India and Australia".</summary>
    private static List<int>? ParseAgent(DocView doc, Sentence sentence, int t)
    {
        var parse = doc.Parse!;
        foreach (int c in parse.Children(t))
        {
            if ((parse.Relation(c) == "obl:agent" || parse.Is(c, "obl") && CaseOf(doc, c) == "by") && GroupOf(doc, sentence, c, subject: true) is { } group)
            {
                return group;
            }
        }

        return null;
    }

    /// <summary>
    /// The "by" party of an event noun: its own "by X" ("a visit by Putin"), or the agent of the passive verb it
    /// is the subject of ("the new sanctions … were announced by the United States").
    /// </summary>
    private static int? ParseNounAgent(DocView doc, Sentence sentence, int t)
    {
        if (PrepDependent(doc, t, "by") is { } own)
        {
            return own;
        }

        var parse = doc.Parse!;
        return parse.Relation(t) == "nsubj:pass" && parse.Head(t) >= 0 && ParseAgent(doc, sentence, parse.Head(t)) is [var agent, ..] ? agent : null;
    }

    /// <summary>The passive's subject ("Mexico's ambassador was expelled"), or the noun a reduced relative modifies ("the treaty signed by").</summary>
    private static int? ParsePassiveSubject(DocView doc, int t)
    {
        var parse = doc.Parse!;
        int subj = parse.Child(t, "nsubj:pass");
        if (subj >= 0)
        {
            return MentionOf(doc, subj, subject: false);
        }

        return parse.Relation(t) == "acl" && parse.Head(t) >= 0 ? MentionOf(doc, parse.Head(t), subject: false) : null;
    }

    /// <summary>True when the parse marks the verb passive (an nsubj:pass or aux:pass dependent).</summary>
    private static bool ParsePassive(DocView doc, int t)
    {
        var parse = doc.Parse!;
        return parse.Child(t, "nsubj:pass") >= 0 || parse.Child(t, "aux:pass") >= 0;
    }

    /// <summary>
    /// The object: the indirect object first ("lent Pakistan …"), then obj; else the object of an infinitive
    /// complement ("refused to meet Zelenskiy"); for requests, the subject of a "that" clause ("demanded that X leave").
    /// </summary>
    private static int? ParseObject(DocView doc, int t, bool throughThat)
    {
        var parse = doc.Parse!;
        foreach (string relation in (ReadOnlySpan<string>)["iobj", "obj"])
        {
            int o = parse.Child(t, relation);
            if (o >= 0 && MentionOf(doc, o, subject: false) is { } m)
            {
                return m;
            }
        }

        int x = parse.Child(t, "xcomp");
        if (x >= 0 && doc.U(x) is Upos.VERB)
        {
            int o = parse.Child(x, "obj");
            if (o >= 0 && MentionOf(doc, o, subject: false) is { } m)
            {
                return m;
            }
        }

        int c = throughThat ? parse.Child(t, "ccomp") : -1;
        int cs = c >= 0 ? parse.Child(c, "nsubj") : -1;
        return cs >= 0 ? MentionOf(doc, cs, subject: false) : null;
    }

    /// <summary>
    /// The object of <paramref name="prep"/> attached to the predicate, or to its object noun ("held talks
    /// with X", "imposed sanctions on X") or a manner phrase the parser hung it on ("spoke by phone with X"):
    /// an obl or nmod dependent whose case is the preposition.
    /// </summary>
    private static int? ParsePrepObject(DocView doc, int t, string prep)
    {
        var parse = doc.Parse!;
        if (PrepDependent(doc, t, prep) is { } direct)
        {
            return direct;
        }

        foreach (int c in parse.Children(t))
        {
            bool manner = parse.Relation(c) == "obl" && CaseOf(doc, c) == "by" && doc.TokenEntity[c] < 0;
            if ((parse.Relation(c) is "obj" or "xcomp" || manner) && PrepDependent(doc, c, prep) is { } viaObject)
            {
                return viaObject;
            }
        }

        return null;
    }

    private static int? PrepDependent(DocView doc, int head, string prep)
    {
        var parse = doc.Parse!;
        foreach (int c in parse.Children(head))
        {
            if ((parse.Is(c, "obl") || parse.Is(c, "nmod")) && CaseOf(doc, c) == prep && MentionOf(doc, c, subject: false) is { } m)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>
    /// The date of a later verb coordinated with this one in the parse, when that verb has no auxiliary of its own:
    /// "agreed to hold talks and signed an accord on Tuesday" dates both acts; "… and will visit Japan in August" does not.
    /// </summary>
    private static Timex? ConjunctTimex(DocView doc, Sentence sentence, int t, IReadOnlySet<int>? consumed)
    {
        if (doc.Parse is not { } parse || doc.U(t) is not Upos.VERB)
        {
            return null;
        }

        foreach (int c in parse.Conjuncts(t))
        {
            if (doc.U(c) is Upos.VERB && !HasOwnAuxiliary(doc, sentence, c) && AttachedTimex(doc, sentence, c, consumed) is { } tx)
            {
                return tx;
            }
        }

        return null;
    }

    /// <summary>The verb a verb is coordinated with in the parse ("met X and signed": met), or null.</summary>
    private static int? FirstConjunct(DocView doc, int t)
    {
        if (doc.Parse is not { } parse || parse.Relation(t) != "conj")
        {
            return null;
        }

        int head = parse.Head(t);
        return head >= 0 && head < t && doc.U(head) is Upos.VERB ? head : null;
    }

    /// <summary>
    /// The verb governing an infinitive complement or purpose clause, from the parse ("would meet X … to discuss
    /// trade": meet); null when the parse has none.
    /// </summary>
    private static int? ParseGovernor(DocView doc, int t)
    {
        if (doc.Parse is not { } parse)
        {
            return null;
        }

        int head = parse.Head(t);
        if (head < 0 || doc.U(head) is not Upos.VERB)
        {
            return null;
        }

        bool infinitive = parse.Child(t, "mark") is var mark and >= 0 && doc.Lower(mark) == "to";
        return infinitive && parse.Relation(t) is "xcomp" or "advcl" ? head : null;
    }

    /// <summary>The owner of an event noun: "Putin's visit" (nmod:poss).</summary>
    private static int? ParsePossessor(DocView doc, int t)
    {
        int poss = doc.Parse!.Child(t, "nmod:poss");
        return poss >= 0 ? MentionOf(doc, poss, subject: true) : null;
    }
}
