using System.Collections.Frozen;
using System.Globalization;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;

namespace Readout.Nlp.Events;

/// <summary>
/// Event coder: finds predicates of the lexicon in each sentence (verbs, phrasal verbs, light-verb
/// constructions, event nouns), fills source and target from the argument frames over the dependency
/// parse when the pipeline has one (EventCoder.Parse.cs), else, or when the parse names no actor, with
/// clause-bounded rules over parts of speech and resolved actor mentions; and adds modality,
/// date, location and attribution. Mentions of the same event in one article are merged.
/// Statements of intent to cooperate ("X told Y he hopes to develop relations") are coded AGREE.
/// Thread-safe.
/// </summary>
public sealed partial class EventCoder(PredicateLexicon lexicon) : IStage
{
    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "because", "after", "before", "when", "while", "if", "since", "although", "though",
        "whether", "where", "unless", "until", "as", "so", "but", ";", ":", "“", "”", "\"",
    };

    private static readonly HashSet<string> IntentVerbs = new(StringComparer.Ordinal) { "hope", "want", "wish", "seek", "aim", "intend", "desire", "vow", "pledge" };

    private static readonly HashSet<string> CooperationVerbs = new(StringComparer.Ordinal)
    {
        "develop", "produce", "build", "strengthen", "deepen", "promote", "expand", "boost", "enhance", "improve",
        "cooperate", "advance", "foster", "broaden", "bolster", "deepen", "elevate", "upgrade", "normalize", "normalise",
    };

    private static readonly HashSet<string> AddresseeVerbs = new(StringComparer.Ordinal) { "tell", "assure", "inform", "promise" };

    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "say", "tell", "announce", "report", "state", "add", "claim", "note", "inform", "assure", "confirm", "insist", "stress", "declare", "reiterate", "explain",
    };

    private static readonly HashSet<string> PlanGovernors = new(StringComparer.Ordinal)
    {
        "plan", "schedule", "expect", "set", "due", "prepare", "arrange", "agree", "decide", "be", "go", "preparation", "will",
    };

    private static readonly HashSet<string> IntentGovernors = new(StringComparer.Ordinal)
    {
        "hope", "want", "wish", "seek", "intend", "aim", "try", "strive", "like", "propose", "offer", "desire", "push", "urge", "ask", "call", "vow", "pledge", "promise",
    };

    public string Name => "events";

    public IReadOnlyList<LayerKey> Requires =>
        [LayerKeys.Tokens, LayerKeys.Sentences, LayerKeys.PartsOfSpeech, LayerKeys.Entities, LayerKeys.Actors, LayerKeys.Places, LayerKeys.Timexes];

    public IReadOnlyList<LayerKey> Produces => [LayerKeys.Events];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var doc = new DocView(document, lexicon);
        var raw = new List<Draft>();
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            CodeSentence(doc, s, raw);
        }

        ResolveMissingTargets(doc, raw);
        var merged = Merge(raw);
        var events = new List<CodedEvent>();
        foreach (var d in merged.OrderBy(d => d.Trigger.Start))
        {
            // An attack or protest may have no target, but not a gerund in someone's account ("accused X of … firing").
            if (d.Source is null || d.Target is null && (d.Entry.Type is not (EventType.Protest or EventType.Mobilize or EventType.Assault)
                || doc.Pos.Xpos[d.TriggerToken] == "VBG"))
            {
                continue;
            }

            if (d.Target is not null && SameActor(d.Source.Actor, d.Target.Actor))
            {
                continue;
            }

            // Fighting is two-sided: with one side only ("Turkish troops fought alongside …") there is no event to code.
            if (d.Target is null && d.Entry.Type == EventType.Assault && d.Entry.Frames.Any(f => f.Symmetric))
            {
                continue;
            }

            events.Add(d.ToEvent("e" + (events.Count + 1).ToString(CultureInfo.InvariantCulture)));
        }

        document.Set(LayerKeys.Events, events);
    }

    /// <summary>Event nouns whose rejection answers an earlier event of that type ("rejected the accusation").</summary>
    private static EventType? AnsweredType(string lemma) => lemma switch
    {
        "threat" or "warning" or "ultimatum" => EventType.Threaten,
        "accusation" or "allegation" or "charge" or "claim" or "criticism" => EventType.Accuse,
        "demand" or "request" or "call" or "appeal" => EventType.Request,
        "proposal" or "offer" or "plan" or "initiative" => EventType.Agree,
        "sanction" or "measure" or "decision" => EventType.Sanction,
        _ => null,
    };

    /// <summary>
    /// Targets left implicit: a rejection of "the threat" or "the accusation" targets the source of the
    /// latest such event against the rejecter's country; an event with no target a few sentences after
    /// one of the same type and source country with a target ("Seoul said it would also send 5 million dollars") keeps that target.
    /// </summary>
    private static void ResolveMissingTargets(DocView doc, List<Draft> drafts)
    {
        for (int i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            if (d.Target is not null || d.Source is null || d.Entry.Type is EventType.Protest or EventType.Mobilize or EventType.Assault)
            {
                continue;
            }

            string? country = d.Source.Actor.Country;
            if (d.Entry.Type == EventType.Reject && !d.Entry.IsNoun && ObjectNoun(doc, d) is { } noun && AnsweredType(doc.Lemma(noun)) is { } answered)
            {
                var earlier = drafts.Take(i).Where(e => e.Source is not null && e.Source.Actor.Country != country).ToList();
                var answeredDraft = earlier.LastOrDefault(e => e.Entry.Type == answered)
                    ?? earlier.LastOrDefault(e => e.Target is not null && e.Target.Actor.Country == country);
                d.Target = answeredDraft?.Source;
                continue;
            }

            var previous = drafts.Take(i).LastOrDefault(e => e.Sentence >= d.Sentence - 4 && e.Target is not null && e.Source is not null
                && e.Source.Actor.Country == country && country is not null && (e.Entry.Type == d.Entry.Type || e.Sentence == d.Sentence));
            if (previous is not null && !SameActor(previous.Target!.Actor, d.Source.Actor))
            {
                d.Target = previous.Target;
            }
        }
    }

    /// <summary>The head noun of the object right after a verb ("rejected the threat" → threat), or null.</summary>
    private static int? ObjectNoun(DocView doc, Draft d)
    {
        var sentence = doc.Sentences[d.Sentence];
        for (int k = d.EndToken; k < Math.Min(sentence.EndToken, d.EndToken + 4); k++)
        {
            if (doc.U(k) is Upos.NOUN)
            {
                return k;
            }

            if (doc.U(k) is not (Upos.DET or Upos.ADJ))
            {
                return null;
            }
        }

        return null;
    }

    private static bool SameActor(Actor a, Actor b) => a.Name == b.Name && a.Country == b.Country;

    /// <summary>A document's layers with per-token lookups.</summary>
    private sealed class DocView
    {
        public DocView(Document d, PredicateLexicon lexicon)
        {
            Document = d;
            Text = d.Text;
            Tokens = d.Get(LayerKeys.Tokens);
            Pos = d.Get(LayerKeys.PartsOfSpeech);
            Sentences = d.Get(LayerKeys.Sentences);
            Entities = d.Get(LayerKeys.Entities);
            Actors = d.Get(LayerKeys.Actors).ToDictionary(a => a.Entity);
            Places = d.Get(LayerKeys.Places).ToDictionary(p => p.Entity);
            Timexes = d.Get(LayerKeys.Timexes);
            Parse = d.TryGet(LayerKeys.Dependencies, out var tree) ? new DependencyView(tree) : null;
            Published = d.Metadata.PublishedDate;
            InTimex = new bool[Tokens.Count];
            foreach (var tx in Timexes)
            {
                for (int t = tx.FirstToken; t < tx.EndToken; t++)
                {
                    InTimex[t] = true;
                }
            }

            Lemmas = new string[Tokens.Count];
            for (int t = 0; t < Tokens.Count; t++)
            {
                Lemmas[t] = Pos.Lemmas[t].ToLowerInvariant();
                if (Pos.Upos[t] is Upos.VERB && lexicon.Verbs(Lemmas[t]).Count == 0 && LexiconVerb(Word(t).ToLowerInvariant(), lexicon) is { } known)
                {
                    Lemmas[t] = known;
                }
            }

            TokenEntity = new int[Tokens.Count];
            Array.Fill(TokenEntity, -1);
            for (int e = 0; e < Entities.Count; e++)
            {
                for (int t = Entities[e].FirstToken; t < Entities[e].EndToken; t++)
                {
                    TokenEntity[t] = e;
                }
            }

            // "The United States imposed new sanctions", "China lent Pakistan …", "Azerbaijan shot down …": the tagger
            // reads some past tenses right after a name as adjectives or nouns, and leaves irregular ones unlemmatized
            // ("froze"). Right after a mention and before an object, a past tense of a lexicon verb is that verb.
            Upostags = [.. Pos.Upos];
            for (int t = 1; t + 1 < Tokens.Count; t++)
            {
                // The tagger gives these forms themselves as lemmas, in lower case: no need to read the text.
                if (Upostags[t] is Upos.VERB)
                {
                    if (lexicon.Verbs(Lemmas[t]).Count == 0 && IrregularPast.TryGetValue(Lemmas[t], out var lemma) && lexicon.Verbs(lemma).Count > 0)
                    {
                        Lemmas[t] = lemma;
                    }

                    continue;
                }

                if (Upostags[t] is not (Upos.ADJ or Upos.NOUN) || TokenEntity[t - 1] < 0 || TokenEntity[t] >= 0)
                {
                    continue;
                }

                string? irregular = IrregularPast.GetValueOrDefault(Lemmas[t]);
                if (Upostags[t + 1] is not (Upos.DET or Upos.ADJ or Upos.NOUN or Upos.NUM or Upos.PROPN or Upos.PRON) && !(irregular is not null && Upostags[t + 1] is Upos.ADP or Upos.ADV))
                {
                    continue;
                }

                string? verb = irregular ?? (Lemmas[t].EndsWith("ed", StringComparison.Ordinal) && Upostags[t] is Upos.ADJ ? LexiconVerb(Lemmas[t], lexicon) : null);
                if (verb is not null && lexicon.Verbs(verb).Count > 0)
                {
                    Upostags[t] = Upos.VERB;
                    Lemmas[t] = verb;
                }
            }
        }

        public Document Document { get; }

        public string Text { get; }

        public TokenTable Tokens { get; }

        public PosTags Pos { get; }

        public SentenceTable Sentences { get; }

        public IReadOnlyList<EntityMention> Entities { get; }

        public Dictionary<int, ActorMention> Actors { get; }

        public Dictionary<int, PlaceMention> Places { get; }

        public IReadOnlyList<Timex> Timexes { get; }

        /// <summary>The dependency parse when the pipeline has a parser; null, and every argument found linearly, when not.</summary>
        public DependencyView? Parse { get; }

        public DateOnly? Published { get; }

        public int[] TokenEntity { get; }

        /// <summary>True for tokens inside a time expression.</summary>
        public bool[] InTimex { get; }

        /// <summary>Arguments that are no single mention ("the two countries" → each country); referenced as -(index + 2).</summary>
        public List<EventArgument> Synthetic { get; } = [];

        public int CountryArgument(EntityMention mention, string country)
        {
            string name = Actors.Values.FirstOrDefault(a => a.Actor.Country == country && a.Actor.Sector is null && Entities[a.Entity].Kind is Core.Layers.EntityKind.Country or Core.Layers.EntityKind.Nationality)?.Actor.Name ?? country;
            Synthetic.Add(new EventArgument(mention.Text, mention.Span, new Actor(name, country, "GOV", null)));
            return -(Synthetic.Count - 1) - 2;
        }

        public string Word(int t) => Tokens.Text(Text, t);

        public string Lower(int t) => Word(t).ToLowerInvariant();

        public string Lemma(int t) => Lemmas[t];

        /// <summary>Lower-case lemmas; a verb the lemmatizer got wrong ("bombed" → "bom") takes the lexicon verb its inflection names.</summary>
        private string[] Lemmas { get; }

        /// <summary>The lexicon verb an inflected form belongs to ("bombed", "shelled", "rebuked", "raiding"), or null.</summary>
        private static string? LexiconVerb(string word, PredicateLexicon lexicon)
        {
            foreach (var (suffix, replacement) in InflectionSuffixes)
            {
                if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    string stem = word[..^suffix.Length] + replacement;
                    if (lexicon.Verbs(stem).Count > 0)
                    {
                        return stem;
                    }

                    // A doubled final consonant: "shelled" → "shell" is found above, "stopped" → "stop" here.
                    if (replacement.Length == 0 && stem.Length > 3 && stem[^1] == stem[^2] && lexicon.Verbs(stem[..^1]).Count > 0)
                    {
                        return stem[..^1];
                    }
                }
            }

            return null;
        }

        /// <summary>Irregular past tenses of verbs news reports code (form → lemma).</summary>
        private static readonly FrozenDictionary<string, string> IrregularPast = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["met"] = "meet", ["held"] = "hold", ["took"] = "take", ["undertook"] = "undertake", ["made"] = "make", ["paid"] = "pay",
            ["sent"] = "send", ["lent"] = "lend", ["gave"] = "give", ["forgave"] = "forgive", ["spoke"] = "speak", ["told"] = "tell",
            ["flew"] = "fly", ["froze"] = "freeze", ["shot"] = "shoot", ["struck"] = "strike", ["hit"] = "hit", ["fought"] = "fight",
            ["beat"] = "beat", ["broke"] = "break", ["withdrew"] = "withdraw", ["drew"] = "draw", ["threw"] = "throw", ["sought"] = "seek",
            ["brought"] = "bring", ["led"] = "lead", ["left"] = "leave", ["kept"] = "keep", ["cut"] = "cut", ["shut"] = "shut",
            ["set"] = "set", ["put"] = "put", ["laid"] = "lay", ["won"] = "win", ["stole"] = "steal", ["seized"] = "seize",
            ["overran"] = "overrun", ["overthrew"] = "overthrow", ["upheld"] = "uphold", ["withheld"] = "withhold", ["forbade"] = "forbid",
        }.ToFrozenDictionary(StringComparer.Ordinal);

        private static readonly (string Suffix, string Replacement)[] InflectionSuffixes =
            [("ied", "y"), ("ies", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")];

        public Upos U(int t) => Upostags[t];

        /// <summary>Parts of speech, with past-tense lexicon verbs the tagger read as adjectives put right (see the constructor).</summary>
        private Upos[] Upostags { get; }
    }

    /// <summary>An event being assembled.</summary>
    private sealed class Draft
    {
        public required PredicateEntry Entry { get; init; }

        public required int Sentence { get; init; }

        public required TextSpan Trigger { get; init; }

        /// <summary>The token after the predicate (after the particle of a phrasal verb).</summary>
        public int EndToken { get; init; }

        /// <summary>The predicate's first token.</summary>
        public int TriggerToken { get; init; }

        public required TextSpan Evidence { get; init; }

        public ArgumentFrame? Frame { get; set; }

        /// <summary>How the frame's slots were filled: "source(nsubj) target(linear)".</summary>
        public string? Routes { get; set; }

        public EventArgument? Source { get; set; }

        public EventArgument? Target { get; set; }

        public Modality Modality { get; set; }

        public string? Date { get; set; }

        public DatePrecision Precision { get; set; }

        public string? DateSource { get; set; }

        public EventLocation? Location { get; set; }

        public EventArgument? Attribution { get; set; }

        public string? Context { get; set; }

        public string? Cameo { get; set; }

        public double Confidence { get; set; } = 0.7;

        public List<TextSpan> More { get; } = [];

        public CodedEvent ToEvent(string id) => new()
        {
            Id = id,
            Type = Entry.Type,
            Mode = Entry.Mode,
            Context = Context ?? Entry.Context,
            Cameo = Cameo ?? Entry.Cameo,
            Source = Source,
            Target = Target,
            Date = Date,
            DatePrecision = Precision,
            DateSource = DateSource,
            Location = Location,
            Modality = Modality,
            Attribution = Attribution,
            Sentence = Sentence,
            Evidence = Evidence,
            Trigger = Trigger,
            Rule = $"lexicon:{Entry.Trigger}/{(Entry.IsNoun ? "N" : "V")}{(Entry.Objects.Count > 0 ? "+obj" : string.Empty)} frame {Frame?.ToString() ?? "-"}{(Routes is null ? string.Empty : " " + Routes)} ({Entry.Origin})",
            Confidence = Confidence,
            MoreEvidence = More,
        };
    }

    private void CodeSentence(DocView doc, int s, List<Draft> drafts)
    {
        var sentence = doc.Sentences[s];
        var consumed = new HashSet<int>();
        var found = new List<(int Token, int End, PredicateEntry Entry)>();
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (doc.TokenEntity[t] >= 0 && doc.Entities[doc.TokenEntity[t]].Kind is not (Core.Layers.EntityKind.Nominal))
            {
                continue;
            }

            if (doc.U(t) is Upos.VERB && MatchVerb(doc, sentence, t, consumed) is { } v)
            {
                found.Add(v);
            }
            else if (doc.U(t) is Upos.NOUN && !consumed.Contains(t))
            {
                var nouns = lexicon.Nouns(doc.Lemma(t));
                if (nouns.Count > 0)
                {
                    found.Add((t, t + 1, nouns[0]));
                }
            }
        }

        // Nouns that turned out to be the object of a light verb found later are not events of their own.
        found.RemoveAll(f => f.Entry.IsNoun && consumed.Contains(f.Token));

        var attribution = Attribution(doc, sentence);
        var speaker = LeadingSpeaker(doc, sentence);
        foreach (var (t, end, entry) in found)
        {
            if (Suppressed(doc, sentence, t) || IsPromiseOfCodedEvent(doc, sentence, t, entry))
            {
                continue;
            }

            var draft = new Draft
            {
                Entry = entry,
                Sentence = s,
                Trigger = TextSpan.FromBounds(doc.Tokens.Starts[t], doc.Tokens.Ends[end - 1]),
                EndToken = end,
                TriggerToken = t,
                Evidence = sentence.Span,
            };
            FillArguments(doc, sentence, t, end, entry, draft);
            if (ReportingVerbs.Contains(entry.Lemma) && draft.Target?.Actor is not { Sector: not "MED" })
            {
                continue; // "told a news conference", "told Reuters": a report, not a consultation with anyone
            }

            draft.Modality = ModalityOf(doc, sentence, t, entry.IsNoun);
            if (entry.Type == EventType.Threaten && draft.Modality is Modality.Intended or Modality.Planned)
            {
                draft.Modality = Modality.Asserted; // "vowed to retaliate": the vow is the threat, and it was made
            }

            FillDateAndPlace(doc, sentence, t, end, draft, consumed);
            draft.Context = ContextOf(doc, sentence, t) ?? entry.Context;
            TargetFromPlace(doc, sentence, end, draft);
            if (speaker is { } sp && t > sp.Verb)
            {
                draft.Attribution = sp.Speaker; // "X told Y that Z", "X said Z": X reports Z
            }
            else if (attribution is not null && (attribution.Span.Start > draft.Trigger.End || attribution.Span.End < draft.Trigger.Start)
                && draft.Source?.Span != attribution.Span) // ", Putin told Lukashenko.": the telling is not reported by its own teller
            {
                draft.Attribution = attribution;
            }

            drafts.Add(draft);
        }

        CodeIntent(doc, sentence, s, attribution, drafts);
    }

    private (int Token, int End, PredicateEntry Entry)? MatchVerb(DocView doc, Sentence sentence, int t, HashSet<int> consumed)
    {
        var entries = lexicon.Verbs(doc.Lemma(t));
        (int, int, PredicateEntry)? plain = null, light = null, phrasal = null;
        int particleAt = int.MaxValue;
        // "told Kyiv to halt", "asked Hanoi to": a verb with a plain request reading and another takes the request before an
        // infinitive. Only asked when there are two plain readings to choose between (most verbs have none).
        bool? request = null;
        foreach (var e in entries)
        {
            if (e.Particle is { } particle)
            {
                // The nearest particle wins: "called for talks on Monday" is "call for", not "call on".
                for (int k = t + 1; k < Math.Min(sentence.EndToken, t + 4) && k < particleAt; k++)
                {
                    if (doc.Lower(k) == particle)
                    {
                        particleAt = k;
                        phrasal = (t, k + 1, e);
                        break;
                    }
                }

                continue;
            }

            if (e.Objects.Count > 0)
            {
                int obj = FindObjectNoun(doc, sentence, t, e.Objects);
                if (obj >= 0 && light is null)
                {
                    consumed.Add(obj);
                    light = (t, t + 1, e);
                }
            }
            else if (plain is null || (e.Type == EventType.Request) == (request ??= ObjectThenInfinitive(doc, sentence, t))
                && (plain.Value.Item3.Type == EventType.Request) != request)
            {
                plain = (t, t + 1, e);
            }
        }

        return phrasal ?? light ?? plain; // a phrasal verb is the most specific reading
    }

    /// <summary>"told Ukraine to …": an object (a mention, or a noun phrase) then "to" and a verb.</summary>
    private static bool ObjectThenInfinitive(DocView doc, Sentence sentence, int t)
    {
        for (int k = t + 1; k + 1 < Math.Min(sentence.EndToken, t + 8); k++)
        {
            if (doc.U(k) is Upos.PART && doc.Lower(k) == "to")
            {
                return k > t + 1 && doc.U(k + 1) is Upos.VERB;
            }

            if (doc.TokenEntity[k] < 0 && doc.U(k) is not (Upos.DET or Upos.ADJ or Upos.NOUN or Upos.PROPN or Upos.PRON or Upos.NUM))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The object noun of a light verb after it ("signed a tax treaty") or, in a relative clause, before it ("the plan he presented").</summary>
    private static int FindObjectNoun(DocView doc, Sentence sentence, int t, IReadOnlySet<string> objects)
    {
        for (int k = t + 1; k < Math.Min(sentence.EndToken, t + 7); k++)
        {
            // The tagger sometimes reads a bare object noun as an adverb or adjective ("sent aid to …").
            bool nounLike = doc.U(k) is Upos.NOUN || doc.TokenEntity[k] < 0 && (doc.U(k) is Upos.ADV or Upos.ADJ or Upos.X || doc.U(k) is Upos.VERB && k == t + 1);
            if (nounLike && (objects.Contains(doc.Lemma(k)) || objects.Contains(doc.Lower(k))))
            {
                return k;
            }

            // "provided 100 million dollars in military aid": an amount passes on to what it is counted in.
            bool amountIn = doc.Lower(k) == "in" && k > t + 1 && (doc.U(k - 1) is Upos.NUM || doc.Lemma(k - 1) is "dollar" or "euro" or "yen" or "pound" or "yuan" or "rouble" or "ruble");
            if (!amountIn && (doc.U(k) is Upos.PUNCT or Upos.VERB or Upos.SCONJ || doc.Lower(k) is "to" or "with" or "on" or "in"))
            {
                break;
            }
        }

        for (int k = t - 1; k >= Math.Max(sentence.FirstToken, t - 4); k--)
        {
            if (doc.U(k) is Upos.NOUN && objects.Contains(doc.Lemma(k)))
            {
                return k;
            }

            if (doc.U(k) is Upos.PUNCT || doc.U(k) is Upos.VERB)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>"vowed to retaliate", "pledged to visit": the complement is coded (with its modality), not the promise.</summary>
    private bool IsPromiseOfCodedEvent(DocView doc, Sentence sentence, int t, PredicateEntry entry)
    {
        if (entry.IsNoun || entry.Type != EventType.Agree || doc.Lemma(t) is not ("vow" or "pledge" or "promise"))
        {
            return false;
        }

        int k = t + 1;
        while (k < sentence.EndToken && doc.U(k) is Upos.ADV)
        {
            k++;
        }

        return k + 1 < sentence.EndToken && doc.Lower(k) == "to" && doc.U(k + 1) is Upos.VERB && lexicon.Verbs(doc.Lemma(k + 1)).Count > 0;
    }

    /// <summary>
    /// Verbs whose "to" complement is what they ask for, threaten, refuse or agree to, not an event of its own:
    /// "refused to meet" is REJECT, "pressed Russia to withdraw" REQUEST, "threatened to cut ties" THREATEN,
    /// "agreed to cooperate" AGREE. (A vow or pledge is the other way round: see <see cref="IsPromiseOfCodedEvent"/>.)
    /// </summary>
    private static readonly HashSet<string> ContentGovernors = new(StringComparer.Ordinal)
    {
        "refuse", "decline", "reject", "urge", "ask", "press", "call", "demand", "request", "appeal", "warn", "threaten", "agree", "offer", "commit",
        "tell", "order", "instruct",
    };

    /// <summary>Nouns whose "to" complement is their content: "expressed readiness to cooperate".</summary>
    private static readonly HashSet<string> ContentNouns = new(StringComparer.Ordinal)
    {
        "readiness", "willingness", "intention", "desire", "offer", "commitment", "threat", "demand", "call", "request", "appeal", "ultimatum", "refusal",
    };

    /// <summary>The complement of a request, threat, refusal or agreement is not an event of its own (the governing predicate is).</summary>
    private static bool Suppressed(DocView doc, Sentence sentence, int t)
    {
        int k = t - 1;
        while (k > sentence.FirstToken && doc.U(k) is Upos.ADV)
        {
            k--;
        }

        if (k <= sentence.FirstToken || doc.Lower(k) != "to" || doc.U(k) is not Upos.PART)
        {
            return false;
        }

        if (doc.U(k - 1) is Upos.NOUN && ContentNouns.Contains(doc.Lemma(k - 1)))
        {
            return true;
        }

        // The governing verb, past the object of an object-control verb ("pressed Russia to withdraw").
        for (int g = k - 1; g >= sentence.FirstToken; g--)
        {
            if (Subordinators.Contains(doc.Lower(g)))
            {
                return false;
            }

            if (doc.U(g) is Upos.VERB && doc.TokenEntity[g] < 0)
            {
                return ContentGovernors.Contains(doc.Lemma(g));
            }
        }

        return false;
    }

    // ---- arguments -------------------------------------------------------------------------

    private static void FillArguments(DocView doc, Sentence sentence, int t, int end, PredicateEntry entry, Draft draft)
    {
        bool passive = !entry.IsNoun && (IsPassive(doc, sentence, t) || doc.Parse is not null && ParsePassive(doc, t));
        foreach (var frame in entry.Frames)
        {
            var (sources, sourceRoute) = Sources(doc, sentence, t, end, frame.SourceSlot, passive);
            if (sources is null || sources.Count == 0)
            {
                continue;
            }

            var (target, targetRoute) = frame.TargetSlot == "coord"
                ? (sources.Count > 1 ? sources[1] : (int?)null, sourceRoute)
                : Target(doc, sentence, t, end, frame.TargetSlot, passive, throughThat: entry.Type == EventType.Request);
            if (frame.TargetSlot == "coord" && sources.Count < 2)
            {
                continue;
            }

            draft.Frame = frame;
            draft.Source = Argument(doc, sources[0]);
            draft.Routes = $"source({sourceRoute})";
            if (target is { } tg)
            {
                draft.Target = Argument(doc, tg);
                draft.Routes += $" target({targetRoute})";
                draft.Confidence = 0.8;
                return;
            }

            draft.Confidence = 0.5;
        }
    }

    /// <summary>
    /// The mentions filling a frame's source slot and the route that found them: the parse's relation
    /// when it yields an actor, else "linear" (the clause-bounded heuristics over tags and mentions).
    /// </summary>
    private static (List<int>? Found, string Route) Sources(DocView doc, Sentence sentence, int t, int end, string slot, bool passive)
    {
        if (doc.Parse is not null)
        {
            var (parsed, relation) = slot switch
            {
                "subj" when passive => (ParseAgent(doc, sentence, t), "obl:agent"),
                "subj" => (ParseSubject(doc, sentence, t), "nsubj"),
                "obj" when passive => (ParsePassiveSubject(doc, t) is { } p ? Group(doc, sentence, p) : null, "nsubj:pass"),
                "obj" => (ParseObject(doc, t, throughThat: false) is { } o ? [o] : null, "obj"),
                "poss" => (ParsePossessor(doc, t) is { } p ? [p] : null, "nmod:poss"),
                "by" => (ParseNounAgent(doc, sentence, t) is { } b ? [b] : null, "nmod:by"),
                _ => ((List<int>?)null, string.Empty),
            };
            if (parsed is { Count: > 0 } && Argument(doc, parsed[0]) is not null)
            {
                return (parsed, relation);
            }
        }

        List<int>? linear = slot switch
        {
            "subj" when passive => PrepObject(doc, sentence, end, "by") is { } by ? [by] : null,
            "subj" => Subject(doc, sentence, t),
            "obj" when passive => Subject(doc, sentence, t),
            "obj" => DirectObject(doc, sentence, end) is { } o ? [o] : null,
            "poss" => Possessor(doc, sentence, t) is { } p ? [p] : null,
            "by" => PrepObject(doc, sentence, end, "by", maxDistance: 3) is { } b ? [b] : null,
            _ => null,
        };
        return (linear, "linear");
    }

    /// <summary>The mention filling a frame's target slot and the route that found it, as <see cref="Sources"/>.</summary>
    private static (int? Found, string Route) Target(DocView doc, Sentence sentence, int t, int end, string slot, bool passive, bool throughThat)
    {
        if (doc.Parse is not null)
        {
            var (parsed, relation) = slot switch
            {
                "obj" when passive => (ParsePassiveSubject(doc, t), "nsubj:pass"),
                "subj" when passive => (ParseAgent(doc, sentence, t) is [var agent, ..] ? agent : (int?)null, "obl:agent"),
                "subj" => (ParseSubject(doc, sentence, t) is { Count: > 0 } subject ? subject[0] : (int?)null, "nsubj"),
                "obj" => (ParseObject(doc, t, throughThat), "obj"),
                _ => (ParsePrepObject(doc, t, slot), "obl:" + slot),
            };
            if (parsed is { } p && Argument(doc, p) is not null)
            {
                return (p, relation);
            }
        }

        int? linear = slot switch
        {
            "obj" when passive => Subject(doc, sentence, t) is { Count: > 0 } passiveSubject ? passiveSubject[0] : null,
            "subj" when passive => PrepObject(doc, sentence, end, "by"),
            "subj" => Subject(doc, sentence, t) is { Count: > 0 } subject ? subject[0] : null,
            "obj" => DirectObject(doc, sentence, end, throughThat) ?? ComplementObject(doc, sentence, end),
            _ => PrepObject(doc, sentence, end, slot),
        };
        return (linear, "linear");
    }

    /// <summary>"refused to meet Zelenskiy": the object of the infinitive complement.</summary>
    private static int? ComplementObject(DocView doc, Sentence sentence, int end)
    {
        int k = end;
        while (k < sentence.EndToken && doc.U(k) is Upos.ADV)
        {
            k++;
        }

        if (k + 2 >= sentence.EndToken || doc.Lower(k) != "to" || doc.U(k + 1) is not Upos.VERB)
        {
            return null;
        }

        // "threatened to cut ties with Niger", "to impose sanctions on Iran": the party named after the complement's object.
        return DirectObject(doc, sentence, k + 2)
            ?? PrepObject(doc, sentence, k + 2, "with", maxDistance: 6)
            ?? PrepObject(doc, sentence, k + 2, "on", maxDistance: 6)
            ?? PrepObject(doc, sentence, k + 2, "against", maxDistance: 6);
    }

    private static bool IsPassive(DocView doc, Sentence sentence, int t)
    {
        if (doc.Pos.Xpos[t] != "VBN")
        {
            return false;
        }

        for (int k = t - 1; k >= Math.Max(sentence.FirstToken, t - 3); k--)
        {
            if (doc.Lemma(k) is "be" or "get")
            {
                return true;
            }

            if (doc.U(k) is not (Upos.ADV or Upos.AUX or Upos.PART))
            {
                break;
            }
        }

        // Reduced relative: "the treaty signed by …"
        return t + 1 < sentence.EndToken && doc.Lower(t + 1) == "by" && t > sentence.FirstToken && doc.U(t - 1) is Upos.NOUN;
    }

    private static EventArgument? Argument(DocView doc, int entity)
    {
        if (entity <= -2)
        {
            return doc.Synthetic[-entity - 2];
        }

        var e = doc.Entities[entity];
        if (doc.Actors.TryGetValue(entity, out var a))
        {
            return new EventArgument(e.Text, e.Span, a.Actor);
        }

        return null;
    }

    /// <summary>
    /// The subject of the predicate at <paramref name="t"/>, as entity indices (two for coordinated
    /// subjects or "the two countries"). Scans left within the clause; through "to" infinitives to the
    /// governing verb's subject; through prepositions for gerunds ("hopes of inking").
    /// </summary>
    private static List<int>? Subject(DocView doc, Sentence sentence, int t, int depth = 0)
    {
        if (depth > 4)
        {
            return null;
        }

        if (InfinitiveSubject(doc, sentence, t, depth) is { } infinitive)
        {
            return infinitive;
        }

        bool gerund = doc.Pos.Xpos[t] == "VBG" && t > sentence.FirstToken && doc.U(t - 1) is Upos.ADP or Upos.SCONJ;
        int k = t - 1;
        int steps = 0;
        while (k >= sentence.FirstToken && steps++ < 25)
        {
            int ent = doc.TokenEntity[k];
            if (ent >= 0)
            {
                var kind = doc.Entities[ent].Kind;
                // "met with Cerar", "a visit by Putin": the object of a preposition is not a subject,
                // unless a verb follows it ("… after Abe laid out …", "after the two countries signed").
                bool objectOfPreposition = doc.Entities[ent].FirstToken > sentence.FirstToken
                    && doc.U(doc.Entities[ent].FirstToken - 1) is Upos.ADP && !Prepositions.SubordinatingOrPossessive(doc.Lower(doc.Entities[ent].FirstToken - 1))
                    && !FollowedByVerb(doc, doc.Entities[ent].EndToken, sentence);
                if (kind is not (Core.Layers.EntityKind.Place) && !objectOfPreposition && !IsPossessorOfNoun(doc, ent))
                {
                    return Group(doc, sentence, ent);
                }

                if (kind == Core.Layers.EntityKind.Place && doc.Actors.TryGetValue(ent, out var am) && am.Evidence == "capital-metonym" && !objectOfPreposition)
                {
                    return Group(doc, sentence, ent);
                }

                k = doc.Entities[ent].FirstToken - 1;
                continue;
            }

            var w = doc.Lower(k);
            var u = doc.U(k);
            if (Subordinators.Contains(w) && !(w == "that" && gerund))
            {
                // "the plan he presented" never reaches here; "… after the two countries signed" does.
                return null;
            }

            if (w == "who" && k > sentence.FirstToken && doc.TokenEntity[k - 1] >= 0)
            {
                return Group(doc, sentence, doc.TokenEntity[k - 1]);
            }

            if (w == "and" && OnlyAuxiliariesBetween(doc, k + 1, t))
            {
                // "… called the measures illegal and accused X": the subject of the first verb.
                for (int g = k - 1; g >= sentence.FirstToken; g--)
                {
                    if (Subordinators.Contains(doc.Lower(g)))
                    {
                        break;
                    }

                    if (doc.U(g) is Upos.VERB && doc.Pos.Xpos[g] != "VBG" && Subject(doc, sentence, g, depth + 1) is { Count: > 0 } shared)
                    {
                        return shared;
                    }
                }

                return null;
            }

            if (u is Upos.NOUN && !gerund)
            {
                // "Russian forces struck", "Niger's military government on Saturday revoked": the modifier names the actor.
                return ModifiedHead(doc, sentence, k, t) is { } modifier ? Group(doc, sentence, modifier) : null;
            }

            if (u is Upos.VERB && !gerund)
            {
                // Only an infinitive ("hopes to meet") or a coordinated verb ("met X and signed") passes to the governor.
                bool viaTo = doc.Lower(k + 1) == "to" || (k + 2 < t && doc.Lower(k + 1) == "to");
                bool coordinated = doc.Lower(k + 1) is "and";
                if (!viaTo && !coordinated && !IsInfinitiveChain(doc, k, t))
                {
                    return null;
                }
            }

            k--;
        }

        return null;
    }

    /// <summary>Verbs whose object, not subject, does what the infinitive says ("urged Pyongyang to return").</summary>
    private static readonly HashSet<string> ObjectControlVerbs = new(StringComparer.Ordinal)
    {
        "urge", "ask", "call", "press", "invite", "tell", "persuade", "encourage", "force", "allow", "help", "request", "order", "warn",
    };

    /// <summary>The subject of "to VERB": the governing verb's subject, or its object after an object-control verb.</summary>
    private static List<int>? InfinitiveSubject(DocView doc, Sentence sentence, int t, int depth)
    {
        int to = t - 1;
        while (to > sentence.FirstToken && doc.U(to) is Upos.ADV)
        {
            to--;
        }

        if (to <= sentence.FirstToken || doc.Lower(to) != "to" || doc.U(to) is not Upos.PART)
        {
            return null;
        }

        for (int g = to - 1; g >= sentence.FirstToken; g--)
        {
            var w = doc.Lower(g);
            if (Subordinators.Contains(w))
            {
                break;
            }

            if (doc.U(g) is Upos.VERB && doc.TokenEntity[g] < 0)
            {
                if (ObjectControlVerbs.Contains(doc.Lemma(g)) && (DirectObject(doc, sentence, g + 1) ?? PrepObject(doc, sentence, g + 1, "on", 3)) is { } obj)
                {
                    return Group(doc, sentence, obj);
                }

                return Subject(doc, sentence, g, depth + 1);
            }
        }

        // "Scholz plans to visit", with "plans" read as a noun.
        int n = to - 1;
        return doc.U(n) is Upos.NOUN && (PlanGovernors.Contains(doc.Lemma(n)) || IntentGovernors.Contains(doc.Lemma(n)))
            ? Subject(doc, sentence, n, depth + 1)
            : null;
    }

    private static bool OnlyAuxiliariesBetween(DocView doc, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (doc.U(k) is not (Upos.AUX or Upos.ADV or Upos.PART))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// For a subject head noun at <paramref name="head"/> directly before the verb (time expressions and
    /// auxiliaries may intervene): the nationality, country or organization modifying it, if any.
    /// </summary>
    private static int? ModifiedHead(DocView doc, Sentence sentence, int head, int verb)
    {
        for (int k = head + 1; k < verb; k++)
        {
            if (!(doc.U(k) is Upos.AUX or Upos.ADV or Upos.PART || doc.InTimex[k] || doc.Lower(k) is "on" or "in" && k + 1 < verb && doc.InTimex[k + 1]))
            {
                return null;
            }
        }

        int j = head - 1;
        int modifiers = 0;
        while (j >= sentence.FirstToken && doc.TokenEntity[j] < 0 && doc.U(j) is Upos.ADJ or Upos.NOUN && modifiers++ < 2)
        {
            j--;
        }

        if (j >= sentence.FirstToken && doc.Word(j) is "'s" or "’s")
        {
            j--;
        }

        if (j < sentence.FirstToken || doc.TokenEntity[j] < 0)
        {
            return null;
        }

        int ent = doc.TokenEntity[j];
        return doc.Entities[ent].Kind is Core.Layers.EntityKind.Nationality or Core.Layers.EntityKind.Country or Core.Layers.EntityKind.Organization
            && doc.Actors.ContainsKey(ent) ? ent : null;
    }

    private static bool FollowedByVerb(DocView doc, int after, Sentence sentence)
    {
        int k = after;
        while (k < sentence.EndToken && doc.U(k) is Upos.ADV)
        {
            k++;
        }

        return k < sentence.EndToken && doc.U(k) is Upos.VERB or Upos.AUX && doc.Pos.Xpos[k] is not ("VBG" or "VBN");
    }

    private static bool IsInfinitiveChain(DocView doc, int governor, int t)
    {
        for (int k = governor + 1; k < t; k++)
        {
            if (doc.Lower(k) == "to")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPossessorOfNoun(DocView doc, int entity)
    {
        int after = doc.Entities[entity].EndToken;
        return after < doc.Tokens.Count && doc.Word(after) is "'s" or "’s";
    }

    /// <summary>The entity plus a coordinated partner ("Abe and Cerar"), or the pair meant by "the two countries".</summary>
    private static List<int> Group(DocView doc, Sentence sentence, int ent)
    {
        var e = doc.Entities[ent];
        if (e.Kind == Core.Layers.EntityKind.Nominal && !doc.Actors.ContainsKey(ent))
        {
            // "the two countries": the two distinct countries named in this sentence, else in the
            // nearest earlier sentence that names two ("… Kishida met Widodo … The two governments signed …").
            var pair = new List<int>();
            int here = doc.Sentences.IndexOfToken(e.FirstToken);
            for (int si = here; si >= Math.Max(0, here - 3) && pair.Count < 2; si--)
            {
                var range = doc.Sentences[si];
                var seen = new HashSet<string>(pair.Select(p => doc.Actors[p].Actor.Country!));
                var found = new List<int>();
                for (int other = 0; other < doc.Entities.Count; other++)
                {
                    var oe = doc.Entities[other];
                    if (oe.FirstToken < range.FirstToken || oe.FirstToken >= range.EndToken || other == ent || oe.Kind == Core.Layers.EntityKind.Pronoun)
                    {
                        continue;
                    }

                    if (doc.Actors.TryGetValue(other, out var a) && a.Actor.Country is { Length: 3 } c && seen.Add(c))
                    {
                        found.Add(other);
                    }
                }

                // Only a sentence naming both parties, or completing a party found nearer, counts.
                if (found.Count + pair.Count >= 2)
                {
                    pair.AddRange(found.Take(2 - pair.Count));
                }
            }

            if (pair.Count != 2)
            {
                return [];
            }

            // The group stands for the two states, not for the people who named them.
            return [.. pair.Select(p => doc.CountryArgument(e, doc.Actors[p].Actor.Country!))];
        }

        // "Japan and the Philippines": an article may stand between "and" and the partner.
        int before = e.FirstToken - 1;
        if (before > sentence.FirstToken && doc.Lower(before) == "the")
        {
            before--;
        }

        if (before > sentence.FirstToken && doc.Lower(before) == "and" && doc.TokenEntity[before - 1] >= 0)
        {
            return [doc.TokenEntity[before - 1], ent];
        }

        int after = e.EndToken;
        int partner = after + 1 < sentence.EndToken && doc.Lower(after + 1) == "the" ? after + 2 : after + 1;
        if (partner < sentence.EndToken && doc.Lower(after) == "and" && doc.TokenEntity[partner] >= 0)
        {
            return [ent, doc.TokenEntity[partner]];
        }

        return [ent];
    }

    /// <summary>
    /// The actor object after a verb: the first mention, past determiners and modifiers; a possessive
    /// pronoun ("his counterpart") is not the object; through "that" for demands ("demanded that X leave");
    /// the owner of a common-noun object ("the ambassadors of Germany", "the proposal from Kosovo").
    /// </summary>
    private static int? DirectObject(DocView doc, Sentence sentence, int end, bool throughThat = false)
    {
        int nouns = 0;
        for (int k = end; k < Math.Min(sentence.EndToken, end + 8); k++)
        {
            if (doc.TokenEntity[k] >= 0 && !IsPossessiveDeterminer(doc, k, sentence))
            {
                int ent = doc.TokenEntity[k];
                // "the Black Sea port of Odesa": a mention with no country is a modifier; the owner follows.
                int head = doc.Entities[ent].EndToken;
                while (head < sentence.EndToken && head < doc.Entities[ent].EndToken + 2 && doc.U(head) is Upos.NOUN)
                {
                    head++;
                }

                if ((!doc.Actors.TryGetValue(ent, out var a) || a.Actor.Country is null) && OwnerAfter(doc, sentence, head) is { } owner)
                {
                    return owner;
                }

                return ent;
            }

            var u = doc.U(k);
            if (u is Upos.DET or Upos.ADJ or Upos.NUM or Upos.ADV or Upos.PART || doc.Pos.Xpos[k] is "VBG" or "VBN" || doc.TokenEntity[k] >= 0)
            {
                continue;
            }

            if (throughThat && k == end && doc.Lower(k) == "that")
            {
                continue;
            }

            if (u is Upos.NOUN && nouns++ < 2)
            {
                if (OwnerAfter(doc, sentence, k + 1) is { } owner)
                {
                    return owner;
                }

                continue;
            }

            return null;
        }

        return null;
    }

    /// <summary>"… of X", "… from X", "… by X" right after a noun: X, the noun's owner.</summary>
    private static int? OwnerAfter(DocView doc, Sentence sentence, int k)
    {
        if (k + 1 < sentence.EndToken && doc.Lower(k) is "of" or "from")
        {
            for (int j = k + 1; j < Math.Min(sentence.EndToken, k + 4); j++)
            {
                if (doc.TokenEntity[j] >= 0)
                {
                    return doc.TokenEntity[j];
                }

                if (doc.U(j) is not (Upos.DET or Upos.ADJ or Upos.NUM))
                {
                    break;
                }
            }
        }

        return null;
    }

    /// <summary>"his", "her", "its", "their" before a noun: a determiner, not the argument itself.</summary>
    private static bool IsPossessiveDeterminer(DocView doc, int k, Sentence sentence) =>
        doc.Lower(k) is "his" or "her" or "its" or "their" && k + 1 < sentence.EndToken && doc.U(k + 1) is Upos.NOUN or Upos.ADJ or Upos.PROPN;

    /// <summary>
    /// The mention after the first <paramref name="prep"/> that has one: "imposed sanctions on Tuesday on
    /// 12 Russian companies" passes over "on Tuesday". Stops at a clause boundary.
    /// </summary>
    private static int? PrepObject(DocView doc, Sentence sentence, int end, string prep, int maxDistance = 14)
    {
        for (int k = end; k < Math.Min(sentence.EndToken, end + maxDistance); k++)
        {
            var w = doc.Lower(k);
            if (w == prep)
            {
                for (int j = k + 1; j < Math.Min(sentence.EndToken, k + 5); j++)
                {
                    if (doc.TokenEntity[j] >= 0 && !IsPossessiveDeterminer(doc, j, sentence))
                    {
                        return doc.TokenEntity[j];
                    }

                    if (doc.U(j) is not (Upos.DET or Upos.ADJ or Upos.NUM or Upos.ADV) && doc.TokenEntity[j] < 0)
                    {
                        break;
                    }
                }

                continue;
            }

            if (w is ";" or "said" or "that" or "which" or "who" || (w == "," && k + 1 < sentence.EndToken && doc.U(k + 1) is Upos.VERB or Upos.AUX))
            {
                return null;
            }
        }

        return null;
    }

    private static int? Possessor(DocView doc, Sentence sentence, int t)
    {
        int k = t - 1;
        while (k >= sentence.FirstToken && t - k <= 4 && doc.U(k) is Upos.ADJ or Upos.NOUN or Upos.NUM && doc.TokenEntity[k] < 0)
        {
            k--;
        }

        if (k < sentence.FirstToken)
        {
            return null;
        }

        if (doc.Word(k) is "'s" or "’s" && k > sentence.FirstToken && doc.TokenEntity[k - 1] >= 0)
        {
            return doc.TokenEntity[k - 1];
        }

        if (doc.Lower(k) is "his" or "her" && doc.TokenEntity[k] >= 0)
        {
            return doc.TokenEntity[k];
        }

        return null;
    }

    // ---- modality, date, place, attribution ------------------------------------------------------

    private static Modality ModalityOf(DocView doc, Sentence sentence, int t, bool isNoun)
    {
        if (isNoun)
        {
            for (int k = t + 1; k < Math.Min(sentence.EndToken, t + 3); k++)
            {
                if (doc.Lower(k) is "will" or "'ll" or "’ll")
                {
                    return Modality.Planned;
                }
            }
        }

        if (!isNoun && !HasOwnAuxiliary(doc, sentence, t) && FirstConjunct(doc, t) is { } first)
        {
            // "agreed to reopen the border and signed an accord": a second verb without auxiliaries of its own is
            // as certain as the first, whatever stands between them.
            return ModalityOf(doc, sentence, first, false);
        }

        if (!isNoun && !HasOwnAuxiliary(doc, sentence, t) && (ParseGovernor(doc, t) ?? Governor(doc, sentence, t)) is { } head && !IntentGovernors.Contains(doc.Lemma(head)) && !PlanGovernors.Contains(doc.Lemma(head))
            && doc.Lemma(head) is not ("fail" or "prevent" or "stop" or "refuse" or "decline" or "reject"))
        {
            // "would meet X on March 28 to discuss trade", "revoked … and demanded": as the governing verb.
            return ModalityOf(doc, sentence, head, false);
        }

        for (int k = t - 1; k >= Math.Max(sentence.FirstToken, t - 8); k--)
        {
            var w = doc.Lower(k);
            var lemma = doc.Lemma(k);
            if (w is "not" or "n't" or "n’t" or "never")
            {
                return Modality.Negated;
            }

            if (w is "will" or "'ll" or "’ll" or "shall")
            {
                return Modality.Planned;
            }

            if (w is "would")
            {
                return SentenceHasReporting(doc, sentence, k) ? Modality.Planned : Modality.Hypothetical;
            }

            if (w is "could" or "might" or "may" or "should" or "if" or "unless")
            {
                return Modality.Hypothetical;
            }

            if ((w is "to" or "of" or "for" or "from") && k > sentence.FirstToken)
            {
                int g = k - 1;
                while (g > sentence.FirstToken && doc.U(g) is Upos.ADV or Upos.DET or Upos.ADJ or Upos.PRON && doc.TokenEntity[g] < 0)
                {
                    g--;
                }

                // Skip the object of the governor ("prevented the two countries from signing").
                if (w == "from" && doc.TokenEntity[g] >= 0)
                {
                    g = doc.Entities[doc.TokenEntity[g]].FirstToken - 1;
                }

                var gl = g >= sentence.FirstToken ? doc.Lemma(g) : string.Empty;
                if (w == "from" && gl is "prevent" or "stop" or "bar" or "keep" or "block" or "ban")
                {
                    return Modality.Negated;
                }

                if (gl is "fail")
                {
                    return Modality.Negated;
                }

                if (IntentGovernors.Contains(gl) || gl is "hope" or "aspiration" or "bid" or "effort" or "goal" or "ambition")
                {
                    return Modality.Intended;
                }

                if (PlanGovernors.Contains(gl) || gl is "preparation" or "plan" or "groundwork" or "arrangement" or "schedule" or "invitation")
                {
                    return Modality.Planned;
                }
            }

            if (doc.U(k) is Upos.PUNCT && w is "," or ";")
            {
                break;
            }
        }

        return Modality.Asserted;
    }

    /// <summary>
    /// The verb governing <paramref name="t"/> when it is a purpose infinitive ("… to discuss") or a
    /// coordinated verb ("… and demanded"); null otherwise. The governor comes before it in the clause.
    /// </summary>
    private static int? Governor(DocView doc, Sentence sentence, int t)
    {
        if (t <= sentence.FirstToken)
        {
            return null; // a verb opening the sentence ("agreed Erdogan") has nothing before it to govern it
        }

        int k = t - 1;
        while (k > sentence.FirstToken && doc.U(k) is Upos.ADV or Upos.AUX && doc.Lower(k) != "to")
        {
            k--;
        }

        bool infinitive = doc.Lower(k) == "to" && doc.U(k) is Upos.PART;
        bool coordinated = doc.Lower(k) == "and" && OnlyAuxiliariesBetween(doc, k + 1, t);
        if (!infinitive && !coordinated || k <= sentence.FirstToken)
        {
            return null;
        }

        for (int g = k - 1; g >= sentence.FirstToken; g--)
        {
            if (Subordinators.Contains(doc.Lower(g)))
            {
                return null;
            }

            if (doc.U(g) is Upos.VERB && doc.Pos.Xpos[g] != "VBG" && doc.TokenEntity[g] < 0)
            {
                return g;
            }
        }

        return null;
    }

    /// <summary>"… and will visit": an auxiliary of its own right before the verb.</summary>
    private static bool HasOwnAuxiliary(DocView doc, Sentence sentence, int t)
    {
        for (int k = t - 1; k >= sentence.FirstToken && doc.U(k) is Upos.AUX or Upos.ADV; k--)
        {
            if (doc.U(k) is Upos.AUX)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SentenceHasReporting(DocView doc, Sentence sentence, int before)
    {
        for (int k = sentence.FirstToken; k < before; k++)
        {
            if (doc.U(k) is Upos.VERB && ReportingVerbs.Contains(doc.Lemma(k)))
            {
                return true;
            }
        }

        return false;
    }

    private static void FillDateAndPlace(DocView doc, Sentence sentence, int t, int end, Draft draft, IReadOnlySet<int>? consumed = null)
    {
        var timex = AttachedTimex(doc, sentence, t, consumed)
            ?? (Governor(doc, sentence, t) is { } governor ? AttachedTimex(doc, sentence, governor, consumed) : null)
            ?? ConjunctTimex(doc, sentence, t, consumed)
            ?? (draft.Modality is Modality.Planned or Modality.Intended ? null : ReportingTimex(doc, sentence, t, consumed)); // a report's date does not date what is still to come
        if (timex is not null)
        {
            string date = timex.Reaches ?? timex.Value;
            draft.Date = date;
            draft.Precision = PrecisionOf(date);
            draft.DateSource = "text";
            if (draft.Modality == Modality.Asserted && draft.Entry.IsNoun && IsAfterPublication(date, doc.Published))
            {
                draft.Modality = Modality.Planned;
            }
        }
        else if (doc.Published is { } p)
        {
            draft.Date = p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            draft.Precision = DatePrecision.Day;
            draft.DateSource = "publication";
        }

        foreach (var prep in draft.Entry.Mode == "visit" ? new[] { "to", "in", "at" } : ["in", "at"])
        {
            if (PrepObject(doc, sentence, end, prep, maxDistance: 10) is { } e && doc.Places.TryGetValue(e, out var place))
            {
                draft.Location = new EventLocation(place.Name, place.Country, place.Latitude, place.Longitude);
                if (draft.Target is null && draft.Entry.Mode == "visit" && place.Country is not null && doc.Actors.TryGetValue(e, out var a))
                {
                    draft.Target = new EventArgument(doc.Entities[e].Text, doc.Entities[e].Span, a.Actor with { Sector = null, Role = null });
                }

                break;
            }
        }
    }

    /// <summary>The DATE/TIME expression of the sentence nearest to the trigger, preferring one after it.</summary>
    private static Timex? AttachedTimex(DocView doc, Sentence sentence, int t, IReadOnlySet<int>? consumed)
    {
        // Each time expression belongs to the nearest predicate before it (the head it modifies).
        Timex? best = null;
        foreach (var tx in doc.Timexes)
        {
            // "Three days later, X met Y": a duration counted from the last date dates the event by the day it reaches.
            if (tx.FirstToken < sentence.FirstToken || tx.FirstToken >= sentence.EndToken || (tx.Type is not (TimexType.Date or TimexType.Time) && tx.Reaches is null))
            {
                continue;
            }

            if (NearestPredicate(doc, sentence, tx.FirstToken, consumed) == t)
            {
                best ??= tx;
            }
        }

        return best;
    }

    /// <summary>
    /// With no time expression of its own, an event dated by its reporting clause ("X met Y, officials
    /// said on Friday"): the time expression attached to a reporting verb of the sentence.
    /// </summary>
    private static Timex? ReportingTimex(DocView doc, Sentence sentence, int t, IReadOnlySet<int>? consumed)
    {
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            if (k != t && doc.U(k) is Upos.VERB && ReportingVerbs.Contains(doc.Lemma(k)) && AttachedTimex(doc, sentence, k, consumed) is { } tx)
            {
                return tx;
            }
        }

        return null;
    }

    private static int NearestPredicate(DocView doc, Sentence sentence, int timexToken, IReadOnlySet<int>? consumed)
    {
        for (int k = timexToken - 1; k >= sentence.FirstToken; k--)
        {
            // The object of a light verb ("lodged a protest … on Sunday") passes the date to its verb.
            if (doc.U(k) is Upos.VERB && doc.Pos.Xpos[k] != "VBG" || doc.U(k) is Upos.NOUN && IsEventNoun(doc.Lemma(k)) && consumed?.Contains(k) != true)
            {
                return SupportVerbs.Contains(doc.Lemma(k)) ? EventNounSubject(doc, sentence, k) ?? k : k;
            }
        }

        for (int k = timexToken + 1; k < sentence.EndToken; k++)
        {
            if (doc.U(k) is Upos.VERB)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Verbs that carry a nominal event rather than being one: "Putin's visit will take him to Yamaguchi on Dec. 15".</summary>
    private static readonly HashSet<string> SupportVerbs = new(StringComparer.Ordinal) { "take", "bring", "be", "come", "last", "begin", "start", "end", "open", "close", "run" };

    /// <summary>An event noun that is the subject of the verb at <paramref name="verb"/> (same clause, to its left).</summary>
    private static int? EventNounSubject(DocView doc, Sentence sentence, int verb)
    {
        for (int k = verb - 1; k >= sentence.FirstToken; k--)
        {
            if (doc.U(k) is Upos.NOUN && IsEventNoun(doc.Lemma(k)))
            {
                return k;
            }

            if (doc.U(k) is Upos.PUNCT or Upos.VERB or Upos.SCONJ || doc.U(k) is Upos.ADP && doc.Lower(k) is not "of")
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsEventNoun(string lemma) =>
        lemma is "visit" or "trip" or "talk" or "meeting" or "summit" or "attack" or "strike" or "call" or "invasion" or "protest" or "sanction" or "election" or "ceremony";

    private static bool IsAfterPublication(string value, DateOnly? published)
    {
        if (published is not { } p || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            return false;
        }

        int month = value.Length >= 7 && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m) ? m : 1;
        int day = value.Length >= 10 && int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int d) ? d : 1;
        if (month is < 1 or > 12)
        {
            return false;
        }

        var start = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        return start > p;
    }

    public static DatePrecision PrecisionOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length >= 10 && char.IsDigit(value[9]))
        {
            return DatePrecision.Day;
        }

        if (value.Length >= 6 && value[5] == 'W')
        {
            return DatePrecision.Week;
        }

        if (value.Length >= 6 && value[5] == 'Q')
        {
            return DatePrecision.Quarter;
        }

        if (value.Length >= 7 && char.IsDigit(value[5]))
        {
            return DatePrecision.Month;
        }

        if (value.Length == 4 && char.IsDigit(value[3]))
        {
            return DatePrecision.Year;
        }

        return value.Length == 4 && value[3] == 'X' ? DatePrecision.Decade : DatePrecision.None;
    }

    private static string? ContextOf(DocView doc, Sentence sentence, int t)
    {
        for (int k = t; k < Math.Min(sentence.EndToken, t + 8); k++)
        {
            var l = doc.Lemma(k);
            if (l is "economic" or "trade" or "tax" or "investment" or "economy")
            {
                return "economic";
            }

            if (l is "military" or "defense" or "defence" or "security")
            {
                return "military";
            }
        }

        return null;
    }

    /// <summary>"…, the Foreign Ministry said." or "according to X": who reports the sentence's events.</summary>
    private static EventArgument? Attribution(DocView doc, Sentence sentence)
    {
        for (int k = sentence.EndToken - 1; k > sentence.FirstToken; k--)
        {
            if (doc.U(k) is Upos.VERB && ReportingVerbs.Contains(doc.Lemma(k)))
            {
                // Trailing attribution: ", X said.", ", X told Y." — the subject before the verb, after a comma or closing quote.
                int e = k - 1;
                if (e >= sentence.FirstToken && doc.TokenEntity[e] >= 0)
                {
                    int ent = doc.TokenEntity[e];
                    int before = doc.Entities[ent].FirstToken - 1;
                    if (doc.Entities[ent].Kind == Core.Layers.EntityKind.Nominal && before >= sentence.FirstToken)
                    {
                        before = doc.Entities[ent].FirstToken - 1;
                    }

                    while (before >= sentence.FirstToken && doc.Lower(before) is "the")
                    {
                        before--;
                    }

                    if (before >= sentence.FirstToken && doc.Word(before) is "," or "”" or "\"")
                    {
                        return Argument(doc, ent);
                    }
                }
            }

            if (doc.Lower(k) == "according" && k + 2 < sentence.EndToken && doc.Lower(k + 1) == "to" && doc.TokenEntity[k + 2] >= 0)
            {
                return Argument(doc, doc.TokenEntity[k + 2]);
            }
        }

        return null;
    }

    /// <summary>
    /// A reporting clause ahead of what it reports: "Putin told Erdogan (that) Z", "the ministry said on Friday Z",
    /// "Macron informed Merkel that Z". The speaker (the reporting verb's subject) and the verb; null when the
    /// verb takes an infinitive instead ("told Kyiv to halt" is a request, not a report).
    /// </summary>
    private static (EventArgument Speaker, int Verb)? LeadingSpeaker(DocView doc, Sentence sentence)
    {
        for (int k = sentence.FirstToken + 1; k < sentence.EndToken - 2; k++)
        {
            if (doc.U(k) is not Upos.VERB || !ReportingVerbs.Contains(doc.Lemma(k)))
            {
                continue;
            }

            if (ObjectThenInfinitive(doc, sentence, k) || Subject(doc, sentence, k) is not { Count: > 0 } subject || Argument(doc, subject[0]) is not { } speaker)
            {
                return null;
            }

            // A trailing ", X said." reports what comes before it: nothing follows it to attribute.
            return doc.Word(k - 1) is "," || doc.TokenEntity[k - 1] >= 0 && doc.Entities[doc.TokenEntity[k - 1]].FirstToken > sentence.FirstToken
                && doc.Word(doc.Entities[doc.TokenEntity[k - 1]].FirstToken - 1) is "," or "”" or "\""
                ? null
                : (speaker, k);
        }

        return null;
    }

    /// <summary>
    /// Force used or withdrawn with no target named ("fired missiles toward Japan", "struck targets in southern
    /// Lebanon", "pulled back its forces from Khan Younis", "troops to its border with Belarus"): the country of
    /// the place it was aimed at, when that is not the source's own.
    /// </summary>
    private static void TargetFromPlace(DocView doc, Sentence sentence, int end, Draft draft)
    {
        if (draft.Target is not null || draft.Source?.Actor.Country is not { } own
            || draft.Entry.Type is not (EventType.Assault or EventType.Mobilize or EventType.Retreat or EventType.Coerce))
        {
            return;
        }

        for (int k = end; k < Math.Min(sentence.EndToken, end + 12); k++)
        {
            var w = doc.Lower(k);
            if (w is ";" or "said" or "that" or "which" or "who" or "after" or "before" or "while" or "as" or "but")
            {
                return;
            }

            bool direction = w is "toward" or "towards" or "in" or "into" or "at" or "on" or "near" or "from" or "across" or "inside" or "over" or "to"
                || w == "with" && k > 0 && doc.Lemma(k - 1) is "border" or "frontier";
            if (!direction)
            {
                continue;
            }

            for (int j = k + 1; j < Math.Min(sentence.EndToken, k + 5); j++)
            {
                int ent = doc.TokenEntity[j];
                if (ent >= 0)
                {
                    string? country = doc.Places.TryGetValue(ent, out var place) ? place.Country : doc.Actors.TryGetValue(ent, out var a) ? a.Actor.Country : null;
                    if (country is not null && country != own)
                    {
                        draft.Target = Argument(doc, doc.CountryArgument(doc.Entities[ent], country));
                        return;
                    }

                    break;
                }

                if (doc.U(j) is not (Upos.DET or Upos.ADJ or Upos.NUM or Upos.ADV or Upos.NOUN))
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "X told Y he hopes to develop relations": a statement of intent to cooperate, coded AGREE
    /// (asserted: the statement happened), source the one who hopes, target the addressee.
    /// </summary>
    private void CodeIntent(DocView doc, Sentence sentence, int s, EventArgument? attribution, List<Draft> drafts)
    {
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (doc.U(t) is not Upos.VERB || !IntentVerbs.Contains(doc.Lemma(t)))
            {
                continue;
            }

            int coop = -1;
            bool economic = false;
            for (int k = t + 1; k < Math.Min(sentence.EndToken, t + 10); k++)
            {
                if (doc.U(k) is Upos.VERB && lexicon.Verbs(doc.Lemma(k)).Count > 0 && !CooperationVerbs.Contains(doc.Lemma(k)))
                {
                    break; // "hopes to visit": the visit itself is coded, with intended modality
                }

                if (doc.U(k) is Upos.VERB && CooperationVerbs.Contains(doc.Lemma(k)))
                {
                    coop = k;
                }

                economic |= doc.Lemma(k) is "economy" or "economic" or "trade" or "investment";
                if (doc.Lower(k) is ";" or "said")
                {
                    break;
                }
            }

            if (coop < 0)
            {
                continue;
            }

            var subject = Subject(doc, sentence, t);
            if (subject is null || subject.Count == 0)
            {
                continue;
            }

            int? target = Addressee(doc, sentence, t) ?? PrepObject(doc, sentence, coop + 1, "with");
            var entry = new PredicateEntry(doc.Lemma(t), false, new HashSet<string>(), EventType.Agree, null, economic ? "economic" : "diplomatic",
                economic ? "0311" : "030", [new ArgumentFrame("subj", "addressee", false)], "intent-to-cooperate");
            var draft = new Draft
            {
                Entry = entry,
                Sentence = s,
                Trigger = TextSpan.FromBounds(doc.Tokens.Starts[t], doc.Tokens.Ends[coop]),
                Evidence = sentence.Span,
                Frame = entry.Frames[0],
                Source = Argument(doc, subject[0]),
                Target = target is { } tg ? Argument(doc, tg) : null,
                Modality = ModalityOf(doc, sentence, t, false) == Modality.Negated ? Modality.Negated : Modality.Asserted,
                Attribution = attribution,
                Confidence = 0.6,
            };
            FillDateAndPlace(doc, sentence, t, t + 1, draft);
            drafts.Add(draft);
        }
    }

    /// <summary>The addressee of a "tell/assure/inform" verb governing <paramref name="t"/>.</summary>
    private static int? Addressee(DocView doc, Sentence sentence, int t)
    {
        for (int k = t - 1; k >= sentence.FirstToken; k--)
        {
            if (doc.U(k) is Upos.VERB && AddresseeVerbs.Contains(doc.Lemma(k)))
            {
                return DirectObject(doc, sentence, k + 1);
            }
        }

        return null;
    }

    // ---- merging ---------------------------------------------------------------------------------

    /// <summary>Mentions of one event in an article become one event with all its evidence.</summary>
    private static List<Draft> Merge(List<Draft> drafts)
    {
        var result = new List<Draft>();
        foreach (var d in drafts)
        {
            var same = result.FirstOrDefault(r => Compatible(r, d));
            if (same is null)
            {
                result.Add(d);
                continue;
            }

            same.More.Add(d.Evidence);
            if (d.DateSource == "text" && same.DateSource != "text")
            {
                same.Date = d.Date;
                same.Precision = d.Precision;
                same.DateSource = d.DateSource;
            }
            else if (d.DateSource == same.DateSource && d.Precision != DatePrecision.None && (same.Precision == DatePrecision.None || d.Precision < same.Precision))
            {
                same.Date = d.Date;
                same.Precision = d.Precision;
                same.DateSource = d.DateSource;
            }

            same.Target ??= d.Target;
            same.Location ??= d.Location;
            same.Attribution ??= d.Attribution;
        }

        return result;
    }

    private static int? Year(string? date) =>
        date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) ? year : null;

    private static bool Compatible(Draft a, Draft b)
    {
        if (a.Entry.Type != b.Entry.Type || a.Entry.Mode != b.Entry.Mode || a.Source is null || b.Source is null)
        {
            return false;
        }

        bool sameSource = SameActor(a.Source.Actor, b.Source.Actor);
        if (sameSource && a.Sentence == b.Sentence && (a.Target is null || b.Target is null))
        {
            return true; // "summoned the ambassador … to protest the incident": one protest
        }

        // Only a symmetric event (a meeting, an agreement between parties) is the same when its roles are swapped.
        bool symmetric = (a.Frame?.Symmetric ?? false) || (b.Frame?.Symmetric ?? false) || (a.Entry.Type == EventType.Consult && a.Entry.Mode is null);
        bool swapped = symmetric && a.Target is not null && b.Target is not null && SameActor(a.Source.Actor, b.Target.Actor) && SameActor(a.Target.Actor, b.Source.Actor);
        if (!sameSource && !swapped)
        {
            return false;
        }

        if (sameSource && a.Target is not null && b.Target is not null && !SameActor(a.Target.Actor, b.Target.Actor)
            && a.Target.Actor.Country != b.Target.Actor.Country)
        {
            return false;
        }

        // A date in the text years away from the publication-dated mention is background ("established relations in 1973"), another event;
        // last year's visit may still be the "trip" an article mentions again.
        if (a.DateSource != b.DateSource && Year(a.Date) is { } ya && Year(b.Date) is { } yb && Math.Abs(ya - yb) > 1)
        {
            return false;
        }

        // A publication date is a fallback, not a date found in the text: it neither separates nor joins events.
        if (a.Date is null || b.Date is null || a.DateSource == "publication" || b.DateSource == "publication")
        {
            // Without two dates to compare, only the same participants make the same event.
            bool sameTarget = a.Target is null || b.Target is null || SameActor(a.Target.Actor, b.Target.Actor)
                || swapped && !sameSource;
            return a.Modality == b.Modality && sameTarget;
        }

        return a.Date.StartsWith(b.Date, StringComparison.Ordinal) || b.Date.StartsWith(a.Date, StringComparison.Ordinal);
    }
}
