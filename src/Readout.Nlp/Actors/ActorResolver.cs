using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Entities;
using Readout.Nlp.Knowledge;

namespace Readout.Nlp.Actors;

/// <summary>
/// Resolves every entity mention to an actor valid on the article's date, from the text first
/// (nationality words, titles, appositions, earlier mentions), then the article's home country
/// (dateline or source) for unqualified national titles, then the knowledge base. Descriptions
/// ("the Russian leader", "the ministry") and pronouns resolve to earlier actors of the document.
/// Thread-safe.
/// </summary>
public sealed class ActorResolver(KnowledgeBase kb) : IStage
{
    private readonly EntityRecognizer _titles = new(kb);

    public string Name => "actors";

    public IReadOnlyList<LayerKey> Requires => [LayerKeys.Tokens, LayerKeys.Sentences, LayerKeys.PartsOfSpeech, LayerKeys.Entities];

    public IReadOnlyList<LayerKey> Produces => [LayerKeys.Actors];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ctx = new Context(document, HomeCountry(document));
        var resolved = new List<ActorMention>();
        for (int m = 0; m < ctx.Entities.Count; m++)
        {
            var actor = Resolve(ctx, m, resolved);
            if (actor is not null)
            {
                resolved.Add(actor);
            }
        }

        document.Set(LayerKeys.Actors, resolved);
    }

    /// <summary>The article's home country: the dateline's place, else the source's country.</summary>
    public string? HomeCountry(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = document.Metadata;
        if (md.Dateline is { Length: > 0 } place)
        {
            var name = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(place.ToLowerInvariant());
            if (kb.TryGetCapital(name, out var c) || kb.TryGetCountry(name, out c))
            {
                return c.Alpha3;
            }

            if (kb.TryGetPlace(name, out var p) && p.Country is not null)
            {
                return p.Country;
            }
        }

        foreach (var source in new[] { md.Source, md.Byline })
        {
            if (source is { Length: > 0 } && kb.TryGetOrganization(source.Trim(), out var org) && org.Country is not null)
            {
                return org.Country;
            }
        }

        return null;
    }

    private sealed class Context(Document document, string? home)
    {
        public Document Document { get; } = document;

        public string Text { get; } = document.Text;

        public TokenTable Tokens { get; } = document.Get(LayerKeys.Tokens);

        public PosTags Pos { get; } = document.Get(LayerKeys.PartsOfSpeech);

        public SentenceTable Sentences { get; } = document.Get(LayerKeys.Sentences);

        public IReadOnlyList<EntityMention> Entities { get; } = document.Get(LayerKeys.Entities);

        public string? Home { get; } = home;

        public DateOnly? Date { get; } = document.Metadata.PublishedDate;

        public string Word(int t) => Tokens.Text(Text, t);

        /// <summary>The words of tokens <c>[first, end)</c>, one space where the text has any ("Haider al-Abadi").</summary>
        public string Words(int first, int end)
        {
            var words = new System.Text.StringBuilder();
            for (int t = first; t < end; t++)
            {
                if (t > first && Tokens.Ends[t - 1] != Tokens.Starts[t])
                {
                    words.Append(' ');
                }

                words.Append(Text, Tokens.Starts[t], Tokens.Ends[t] - Tokens.Starts[t]);
            }

            return words.ToString();
        }
    }

    private ActorMention? Resolve(Context ctx, int m, List<ActorMention> earlier)
    {
        var e = ctx.Entities[m];
        return e.Kind switch
        {
            EntityKind.Person => ResolvePerson(ctx, m, e, earlier),
            EntityKind.Country => kb.TryGetCountry(e.Text, out var c) ? new ActorMention(m, new Actor(c.Name, c.Alpha3, null, null), "kb:country") : null,
            EntityKind.Nationality => kb.TryGetDemonym(e.Text, out var d) ? new ActorMention(m, new Actor(d.Name, d.Alpha3, null, null), "kb:demonym") : null,
            EntityKind.Organization => ResolveOrganization(ctx, m, e, earlier),
            EntityKind.Place => ResolvePlace(ctx, m, e),
            EntityKind.Nominal => ResolveNominal(ctx, m, e, earlier),
            EntityKind.Pronoun => ResolvePronoun(ctx, m, e, earlier),
            _ => null,
        };
    }

    private ActorMention ResolvePerson(Context ctx, int m, EntityMention e, List<ActorMention> earlier)
    {
        // Split "[Nationality] [Title] Name" into its parts.
        int k = e.FirstToken;
        string? country = null;
        string evidence = "text";
        if (kb.TryGetDemonym(ctx.Word(k), out var nat))
        {
            country = nat.Alpha3;
            k++;
            evidence = "demonym";
        }
        else if (kb.TryGetCountry(ctx.Word(k), out var cn) && k + 1 < e.EndToken && ctx.Word(k + 1) is "'s" or "’s")
        {
            country = cn.Alpha3;
            k += 2;
            evidence = "possessor";
        }

        TitleEntry? title = null;
        int afterTitle = _titles.MatchTitle(ctx.Text, ctx.Tokens, k, e.EndToken, out var found);
        if (afterTitle > 0 && afterTitle < e.EndToken)
        {
            title = found;
            k = afterTitle;
        }

        string name = ctx.Words(k, e.EndToken);

        // Earlier mention of the same person in this document ("Abe" after "Prime Minister Shinzo Abe").
        foreach (var prior in earlier.AsEnumerable().Reverse())
        {
            var pe = ctx.Entities[prior.Entity];
            if (pe.Kind == EntityKind.Person && SamePerson(prior.Actor.Name, name))
            {
                var merged = prior.Actor;
                if (title is not null && merged.Role is null)
                {
                    merged = merged with { Role = title.Role, Sector = title.Sector };
                }

                return new ActorMention(m, merged with { Country = country ?? merged.Country }, "coref:" + prior.Actor.Name);
            }
        }

        // Apposition: "Hiroshige Seko, minister of economy, trade and industry, …"
        string? appositionRole = null;
        if (title is null && e.EndToken + 1 < ctx.Tokens.Count && ctx.Word(e.EndToken) == ",")
        {
            int start = e.EndToken + 1;
            int stop = ctx.Sentences[ctx.Sentences.IndexOfToken(e.FirstToken)].EndToken;
            int at = start;
            if (at < stop && ctx.Word(at) is "the" or "a" or "an")
            {
                at++;
            }

            // "…, the" may end the sentence: nothing after the article to read.
            if (at < stop && kb.TryGetDemonym(ctx.Word(at), out var appNat))
            {
                country ??= appNat.Alpha3;
                at++;
            }

            int titleEnd = _titles.MatchTitle(ctx.Text, ctx.Tokens, at, stop, out var appositionTitle);
            if (titleEnd > 0)
            {
                title = appositionTitle;
                appositionRole = AppositionText(ctx, at, stop);
                evidence = "apposition";
            }
        }

        // "Taliban spokesman Zabihullah Mujahid": an organization or country just before the title.
        if (country is null && title is not null && e.FirstToken > 0)
        {
            var modifier = earlier.LastOrDefault(a => ctx.Entities[a.Entity].EndToken == e.FirstToken
                && ctx.Entities[a.Entity].Kind is EntityKind.Organization or EntityKind.Country);
            if (modifier?.Actor.Country is { Length: 3 } mc)
            {
                country = mc;
                evidence = "modifier";
            }
        }

        // Knowledge base, on the article's date; a transliteration variant ("Zelenskiy") by first name and surname alias.
        var holders = kb.FindOfficeHolders(name, ctx.Date);
        if (holders.Count == 0 && name.Contains(' ', StringComparison.Ordinal))
        {
            string firstName = name.Split(' ')[0];
            holders = [.. kb.FindOfficeHolders(name.Split(' ')[^1], ctx.Date).Where(h => h.Name.StartsWith(firstName + " ", StringComparison.Ordinal))];
        }

        var holder = holders.FirstOrDefault(h => country is null || h.Country == country);
        if (holder is not null && (title is null || country is null || holder.Country == country))
        {
            return new ActorMention(m, new Actor(holder.Name, holder.Country, holder.Sector, title?.Role ?? holder.Role), evidence == "text" ? "kb:officeholder" : evidence + "+kb");
        }

        if (title is not null && country is null && ctx.Home is not null && IsNationalOffice(title))
        {
            country = ctx.Home;
            evidence = evidence == "text" ? "title+home-country" : evidence + "+home-country";
        }

        return new ActorMention(m, new Actor(name, country, title?.Sector, appositionRole ?? title?.Role), title is null ? "name" : evidence);
    }

    private static string AppositionText(Context ctx, int start, int stop)
    {
        // The apposition runs to the comma before a verb or adverb ("…, trade and industry, also attended").
        int end = start;
        for (int t = start; t < stop; t++)
        {
            if (ctx.Word(t) == "," && t + 1 < stop && ctx.Pos.Upos[t + 1] is Upos.VERB or Upos.AUX or Upos.ADV)
            {
                break;
            }

            if (ctx.Word(t) is "." or ";")
            {
                break;
            }

            end = t + 1;
        }

        var role = ctx.Text[ctx.Tokens.Starts[start]..ctx.Tokens.Ends[end - 1]];
        return role.Length > 0 ? char.ToUpperInvariant(role[0]) + role[1..] : role;
    }

    private static bool IsNationalOffice(TitleEntry title) => title.Sector is "GOV" or "MIL" or "LEG" or "JUD" or "COP";

    private static bool SamePerson(string known, string name) =>
        known == name
        || known.EndsWith(" " + name, StringComparison.Ordinal) || known.EndsWith("-" + name, StringComparison.Ordinal)
        || name.EndsWith(" " + known, StringComparison.Ordinal) || name.EndsWith("-" + known, StringComparison.Ordinal);

    private ActorMention? ResolveOrganization(Context ctx, int m, EntityMention e, List<ActorMention> earlier)
    {
        if (kb.TryGetOrganization(e.Text, out var org))
        {
            return new ActorMention(m, new Actor(org.Name, org.Country ?? org.Code, org.Sector, null), "kb:organization");
        }

        if (kb.TryGetInstitution(e.Text, out var inst))
        {
            // "Pakistan's Foreign Office" is Pakistan's even though the bare name is Britain's.
            string? country = ModifierCountry(ctx, e) ?? inst.Country ?? ctx.Home;
            return new ActorMention(m, new Actor(inst.Name, country, inst.Sector, null), inst.IsContextual ? "institution+context" : "kb:institution");
        }

        if (ModifierCountry(ctx, e) is { } c2)
        {
            return new ActorMention(m, new Actor(e.Text, c2, null, null), "modifier");
        }

        var leading = LeadingCountry(ctx, e);
        if (leading is null && e.Sources == EntitySources.Model && e.EndToken - e.FirstToken == 1)
        {
            // One unknown word only the name model calls an organization: on the dev sets about half of these are
            // persons or places ("Nasrallah", "Hasina", "Picasso 's"), and with no country it makes no dyad: no actor.
            return null;
        }

        return new ActorMention(m, new Actor(e.Text, leading, null, null), leading is null ? "name" : "name-country");
    }

    /// <summary>The country an organization's name starts with ("U.S. Treasury Department", "Japan Coast Guard", "Chinese Communist Party").</summary>
    private string? LeadingCountry(Context ctx, EntityMention e)
    {
        if (kb.TryGetDemonym(ctx.Word(e.FirstToken), out var d) && e.EndToken - e.FirstToken > 1)
        {
            return d.Alpha3;
        }

        for (int end = Math.Min(e.EndToken - 1, e.FirstToken + 3); end > e.FirstToken; end--)
        {
            if (kb.TryGetCountry(string.Join(' ', Enumerable.Range(e.FirstToken, end - e.FirstToken).Select(ctx.Word)), out var c))
            {
                return c.Alpha3;
            }
        }

        return null;
    }

    /// <summary>The country named by a nationality word or "X's" just before the mention, or "of X" after it.</summary>
    private string? ModifierCountry(Context ctx, EntityMention e)
    {
        int before = e.FirstToken - 1;
        if (before >= 0 && kb.TryGetDemonym(ctx.Word(before), out var d))
        {
            return d.Alpha3;
        }

        if (before >= 1 && ctx.Word(before) is "'s" or "’s" && CountryOfMentionEndingAt(ctx, before) is { } owner)
        {
            return owner;
        }

        // "… of Japan", "the Department of Foreign Affairs in Manila"
        if (e.EndToken + 1 < ctx.Tokens.Count && ctx.Word(e.EndToken) is "of" or "in" && MentionAt(ctx, e.EndToken + 1) is { } after
            && (ctx.Entities[after].Kind == EntityKind.Country || ctx.Word(e.EndToken) == "in")
            && CountryOfMention(ctx.Entities[after]) is { } c2)
        {
            return c2;
        }

        return null;
    }

    private static int? MentionAt(Context ctx, int token)
    {
        for (int i = 0; i < ctx.Entities.Count; i++)
        {
            if (ctx.Entities[i].FirstToken == token)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The country of the mention ending just before <paramref name="end"/> ("South Korea" in "South Korea's").</summary>
    private string? CountryOfMentionEndingAt(Context ctx, int end)
    {
        foreach (var e in ctx.Entities)
        {
            if (e.EndToken == end)
            {
                return CountryOfMention(e);
            }
        }

        return kb.TryGetCountry(ctx.Word(end - 1), out var c) ? c.Alpha3 : null;
    }

    /// <summary>The country a country, capital or place name denotes, from the knowledge base.</summary>
    private string? CountryOfMention(EntityMention e)
    {
        if (kb.TryGetCountry(e.Text, out var c) || kb.TryGetCapital(e.Text, out c))
        {
            return c.Alpha3;
        }

        return kb.TryGetPlace(e.Text, out var p) ? p.Country : null;
    }

    private ActorMention? ResolvePlace(Context ctx, int m, EntityMention e)
    {
        // A capital not used as a location ("Tokyo hopes …") stands for its government.
        bool locative = e.FirstToken > 0 && ctx.Word(e.FirstToken - 1) is "in" or "to" or "at" or "from" or "near" or "off" or "of" or "outside" or "into";
        if (!locative && kb.TryGetCapital(e.Text, out var cap))
        {
            return new ActorMention(m, new Actor(cap.Name, cap.Alpha3, "GOV", null), "capital-metonym");
        }

        // A national capital is that capital, not a smaller namesake ("to Washington" is not Washington, England).
        if (locative && kb.TryGetCapital(e.Text, out var capital))
        {
            return new ActorMention(m, new Actor(capital.Name, capital.Alpha3, null, null), "place:capital");
        }

        if (kb.TryGetPlace(e.Text, out var p))
        {
            string name = p.Country is not null && kb.TryGetCountryByCode(p.Country, out var pc) ? pc.Name : p.Name;
            return new ActorMention(m, new Actor(name, p.Country, null, null), "place:" + p.Name);
        }

        return null;
    }

    private ActorMention? ResolveNominal(Context ctx, int m, EntityMention e, List<ActorMention> earlier)
    {
        int k = e.FirstToken + 1;
        string? country = null;
        if (k < e.EndToken && kb.TryGetDemonym(ctx.Word(k), out var nat))
        {
            country = nat.Alpha3;
            k++;
        }

        if (k < e.EndToken && ctx.Word(e.FirstToken) is "a" or "A" or "an" or "An" or "the" or "The")
        {
            // "the U.S. military", "a ministry spokesperson": a country name or common-noun modifiers before the head.
            for (int start = k; start < e.EndToken - 1; start++)
            {
                var modifier = string.Join(' ', Enumerable.Range(k, start + 1 - k).Select(ctx.Word));
                if (country is null && kb.TryGetCountry(modifier, out var named))
                {
                    country = named.Alpha3;
                    k = start + 1;
                    break;
                }
            }

            while (k < e.EndToken - 1 && !kb.TryGetTitle(string.Join(' ', Enumerable.Range(k, e.EndToken - k).Select(t => ctx.Word(t).ToLowerInvariant())), out _)
                && !IsGenericInstitution(string.Join(' ', Enumerable.Range(k, e.EndToken - k).Select(t => ctx.Word(t).ToLowerInvariant()))))
            {
                k++;
            }
        }

        // "a spokesman for the ministry of X", "the ambassador of Japan"
        if (country is null && e.EndToken + 1 < ctx.Tokens.Count && ctx.Word(e.EndToken) is "for" or "of")
        {
            for (int t = e.EndToken + 1; t < Math.Min(ctx.Tokens.Count, e.EndToken + 4); t++)
            {
                var owner = earlier.FirstOrDefault(a => ctx.Entities[a.Entity].FirstToken == t);
                if (owner?.Actor.Country is { } oc)
                {
                    country = oc;
                    break;
                }
            }
        }

        var phrase = string.Join(' ', Enumerable.Range(k, e.EndToken - k).Select(t => ctx.Word(t).ToLowerInvariant()));
        if (kb.TryGetTitle(phrase, out var title))
        {
            // The most recent person with that country and a matching role.
            foreach (var prior in earlier.AsEnumerable().Reverse())
            {
                var a = prior.Actor;
                if (ctx.Entities[prior.Entity].Kind is EntityKind.Person && (country is null || a.Country == country) && RoleMatches(a.Role, title))
                {
                    return new ActorMention(m, a, "coref:" + a.Name);
                }
            }

            country ??= ctx.Home;
            if (country is not null && ctx.Date is { } date)
            {
                var holder = kb.OfficeHolders.FirstOrDefault(h => h.Country == country && h.IsInOffice(date) && RoleMatches(h.Role, title));
                if (holder is not null)
                {
                    return new ActorMention(m, new Actor(holder.Name, holder.Country, holder.Sector, holder.Role), "kb:officeholder-by-role");
                }
            }

            return new ActorMention(m, new Actor(e.Text, country, title.Sector, title.Role), "title");
        }

        if (IsGenericInstitution(phrase))
        {
            foreach (var prior in earlier.AsEnumerable().Reverse())
            {
                if (ctx.Entities[prior.Entity].Kind == EntityKind.Organization
                    && prior.Actor.Name.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return new ActorMention(m, prior.Actor, "coref:" + prior.Actor.Name);
                }
            }

            string sector = phrase switch
            {
                "military" or "army" => "MIL",
                "police" => "COP",
                "parliament" => "LEG",
                _ => "GOV",
            };
            country ??= ctx.Home;
            return country is null ? null : new ActorMention(m, new Actor(phrase, country, sector, null), "description+home-country");
        }

        return null; // groups ("the two countries") are resolved by the event coder from the sentence
    }

    private static bool IsGenericInstitution(string phrase) =>
        phrase is "ministry" or "government" or "administration" or "regime" or "embassy" or "military" or "army" or "police" or "parliament";

    private static bool RoleMatches(string? role, TitleEntry title)
    {
        if (role is null)
        {
            return false;
        }

        if (title.Role.Equals(role, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "leader" stands for a head of state or government.
        bool generic = title.Phrase is "leader" or "head of state" or "head of government";
        return generic && (role.Contains("President", StringComparison.OrdinalIgnoreCase) && !role.Contains("Vice", StringComparison.OrdinalIgnoreCase)
            || role.Equals("Prime Minister", StringComparison.OrdinalIgnoreCase) || role.Contains("Chancellor", StringComparison.OrdinalIgnoreCase)
            || role.Contains("King", StringComparison.OrdinalIgnoreCase) || role.Contains("Leader", StringComparison.OrdinalIgnoreCase));
    }

    private static ActorMention? ResolvePronoun(Context ctx, int m, EntityMention e, List<ActorMention> earlier)
    {
        if (e.Text is "it" or "It")
        {
            return ResolveIt(ctx, m, e, earlier);
        }

        int sentence = ctx.Sentences.IndexOfToken(e.FirstToken);
        int sentenceStart = ctx.Sentences[sentence].FirstToken;
        ActorMention? nearest = null;
        // Prefer the nearest earlier person in the same sentence that is a subject (followed by a verb).
        foreach (var prior in earlier.AsEnumerable().Reverse())
        {
            var pe = ctx.Entities[prior.Entity];
            if (pe.Kind is not (EntityKind.Person or EntityKind.Pronoun) || prior.Actor.Sector is null && prior.Actor.Country is null && pe.Kind == EntityKind.Pronoun
                || prior.Evidence.StartsWith("it:", StringComparison.Ordinal))
            {
                continue;
            }

            if (pe.FirstToken < sentenceStart)
            {
                break;
            }

            if (ctx.Entities[prior.Entity].Kind == EntityKind.Person || pe.Kind == EntityKind.Pronoun)
            {
                nearest ??= prior;
                if (IsSubject(ctx, pe))
                {
                    return new ActorMention(m, prior.Actor, "pronoun:" + prior.Actor.Name);
                }
            }
        }

        if (nearest is not null)
        {
            return new ActorMention(m, nearest.Actor, "pronoun:" + nearest.Actor.Name);
        }

        // Else the first person of the previous sentences (the topic).
        for (int s = sentence - 1; s >= Math.Max(0, sentence - 2); s--)
        {
            var first = earlier.FirstOrDefault(p => ctx.Entities[p.Entity].Kind is EntityKind.Person or EntityKind.Pronoun
                && !p.Evidence.StartsWith("it:", StringComparison.Ordinal) && ctx.Sentences.IndexOfToken(ctx.Entities[p.Entity].FirstToken) == s);
            if (first is not null)
            {
                return new ActorMention(m, first.Actor, "pronoun:" + first.Actor.Name);
            }
        }

        return null;
    }

    /// <summary>
    /// "it" as an actor: the nearest earlier state or organization of the sentence ("Seoul said it would
    /// send"), else the first organization (then state) of the previous sentence, the topic there.
    /// </summary>
    private static ActorMention? ResolveIt(Context ctx, int m, EntityMention e, List<ActorMention> earlier)
    {
        int sentence = ctx.Sentences.IndexOfToken(e.FirstToken);
        int sentenceStart = ctx.Sentences[sentence].FirstToken;
        bool Collective(ActorMention a)
        {
            var kind = ctx.Entities[a.Entity].Kind;
            return a.Actor.Country is not null && (kind is EntityKind.Organization or EntityKind.Country or EntityKind.Nominal
                || kind == EntityKind.Place && a.Evidence == "capital-metonym" || kind == EntityKind.Pronoun && a.Evidence.StartsWith("it:", StringComparison.Ordinal));
        }

        var same = earlier.LastOrDefault(a => ctx.Entities[a.Entity].FirstToken >= sentenceStart && Collective(a));
        if (same is not null)
        {
            return new ActorMention(m, same.Actor, "it:" + same.Actor.Name);
        }

        for (int s = sentence - 1; s >= Math.Max(0, sentence - 2); s--)
        {
            var inSentence = earlier.Where(a => ctx.Sentences.IndexOfToken(ctx.Entities[a.Entity].FirstToken) == s && Collective(a)).ToList();
            var topic = inSentence.FirstOrDefault(a => ctx.Entities[a.Entity].Kind is EntityKind.Organization or EntityKind.Nominal) ?? inSentence.FirstOrDefault();
            if (topic is not null)
            {
                return new ActorMention(m, topic.Actor, "it:" + topic.Actor.Name);
            }
        }

        return null;
    }

    private static bool IsSubject(Context ctx, EntityMention e)
    {
        int t = e.EndToken;
        while (t < ctx.Tokens.Count && ctx.Pos.Upos[t] is Upos.ADV)
        {
            t++;
        }

        return t < ctx.Tokens.Count && ctx.Pos.Upos[t] is Upos.VERB or Upos.AUX;
    }
}
