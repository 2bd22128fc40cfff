using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Readout.Nlp.Knowledge;

/// <summary>
/// The actor and place knowledge base: countries, demonyms, capitals, organizations, institutions, titles,
/// office holders with dated terms, and a gazetteer. Immutable and safe to share between threads once loaded.
/// </summary>
/// <remarks>
/// A directory holds any of <c>countries.tsv</c>, <c>organizations.tsv</c>, <c>institutions.tsv</c>, <c>titles.tsv</c>,
/// <c>officeholders.tsv</c>, <c>places.tsv</c> and <c>features.tsv</c> (formats: the header comments of the committed files
/// under <c>data/kb</c>). Files in later directories add entries and replace earlier ones with the same key: alpha3,
/// organization code, institution name, title phrase, place id, and (name, country, role, from) for office terms.
/// Name lookups match exactly, then ignoring case for names with a lower-case letter (so "US" never matches "us");
/// titles match lower-cased.
/// </remarks>
public sealed class KnowledgeBase
{
    /// <summary>Directory of the committed knowledge base, relative to the repository root.</summary>
    public const string DefaultRelativeDirectory = "data/kb";

    private readonly FrozenDictionary<string, CountryEntry> _countriesByCode;
    private readonly FrozenDictionary<string, OrganizationEntry> _organizationsByCode;
    private readonly FrozenDictionary<string, TitleEntry> _titles;
    private readonly NameIndex<CountryEntry> _countryNames;
    private readonly NameIndex<CountryEntry> _demonyms;
    private readonly NameIndex<CountryEntry> _capitals;
    private readonly NameIndex<OrganizationEntry> _organizations;
    private readonly NameIndex<InstitutionEntry> _institutions;
    private readonly NameIndex<OfficeHolder> _officeHolders;
    private readonly NameIndex<PlaceEntry> _places;

    private KnowledgeBase(
        IReadOnlyList<CountryEntry> countries,
        IReadOnlyList<OrganizationEntry> organizations,
        IReadOnlyList<InstitutionEntry> institutions,
        IReadOnlyList<TitleEntry> titles,
        IReadOnlyList<OfficeHolder> officeHolders,
        IReadOnlyList<PlaceEntry> places)
    {
        Countries = countries;
        Organizations = organizations;
        Institutions = institutions;
        Titles = titles;
        OfficeHolders = officeHolders;
        Places = places;

        _countriesByCode = countries.ToFrozenDictionary(c => c.Alpha3, StringComparer.OrdinalIgnoreCase);
        _organizationsByCode = organizations.ToFrozenDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        _titles = titles.ToFrozenDictionary(t => t.Phrase, StringComparer.Ordinal);
        MaxTitleWords = titles.Count == 0 ? 0 : titles.Max(t => t.WordCount);

        // Later entries (user directories) come first, so they win where a name is shared.
        _countryNames = NameIndex<CountryEntry>.Build(countries.Reverse().SelectMany(c => c.Aliases.Prepend(c.Name).Select(n => (n, c))));
        _demonyms = NameIndex<CountryEntry>.Build(countries.Reverse().SelectMany(c => c.Demonyms.Select(n => (n, c))));
        _capitals = NameIndex<CountryEntry>.Build(countries.Reverse().SelectMany(c => c.Capitals.Select(n => (n, c))));
        _organizations = NameIndex<OrganizationEntry>.Build(
            organizations.Reverse().SelectMany(o => o.Aliases.Prepend(o.Name).Select(n => (n, o))));
        _institutions = NameIndex<InstitutionEntry>.Build(
            institutions.Reverse().SelectMany(i => i.Aliases.Prepend(i.Name).Select(n => (n, i))));
        _officeHolders = NameIndex<OfficeHolder>.Build(
            officeHolders.SelectMany(h => h.Aliases.Prepend(h.Name).Select(n => (n, h))),
            (a, b) => a.From.CompareTo(b.From));
        _places = NameIndex<PlaceEntry>.Build(
            places.SelectMany(p => p.Aliases.Prepend(p.AsciiName).Prepend(p.Name).SelectMany(ShortAndLongForms).Select(n => (n, p))),
            (a, b) => b.Population.CompareTo(a.Population));
    }

    // News writes "St. Petersburg" and "Mt. Kenya" where GeoNames has "Saint Petersburg" and "Mount Kenya" (and the
    // other way round): without both, the one town listed in the text's spelling wins over the city meant.
    private static readonly (string Long, string[] Short)[] Abbreviated =
        [("Saint ", ["St. ", "St "]), ("Sainte ", ["Ste. ", "Ste "]), ("Mount ", ["Mt. ", "Mt "]), ("Fort ", ["Ft. ", "Ft "])];

    /// <summary>A place name with its first word also written short or long ("Saint Petersburg", "St. Petersburg", "St Petersburg").</summary>
    private static IEnumerable<string> ShortAndLongForms(string name)
    {
        yield return name;
        foreach (var (full, shorts) in Abbreviated)
        {
            var forms = shorts.Prepend(full).ToArray();
            if (forms.FirstOrDefault(f => name.StartsWith(f, StringComparison.Ordinal) && name.Length > f.Length) is { } written)
            {
                foreach (var other in forms.Where(f => f != written))
                {
                    yield return other + name[written.Length..];
                }
            }
        }
    }

    /// <summary>A knowledge base with no entries (for tests and for running without one).</summary>
    public static KnowledgeBase Empty { get; } = new([], [], [], [], [], []);

    public IReadOnlyList<CountryEntry> Countries { get; }

    public IReadOnlyList<OrganizationEntry> Organizations { get; }

    public IReadOnlyList<InstitutionEntry> Institutions { get; }

    public IReadOnlyList<TitleEntry> Titles { get; }

    public IReadOnlyList<OfficeHolder> OfficeHolders { get; }

    public IReadOnlyList<PlaceEntry> Places { get; }

    /// <summary>The most words in any title phrase: the longest window a title matcher needs to try.</summary>
    public int MaxTitleWords { get; }

    /// <summary>Loads <c>data/kb</c> under <paramref name="repoRoot"/>, then the extra directories in order.</summary>
    public static KnowledgeBase Default(string repoRoot, IEnumerable<string>? extraDirectories = null)
    {
        ArgumentNullException.ThrowIfNull(repoRoot);
        return Load(Path.Combine(repoRoot, DefaultRelativeDirectory), extraDirectories);
    }

    /// <summary>
    /// Loads <paramref name="directory"/> and then each of <paramref name="extraDirectories"/>, whose entries add to
    /// or replace the earlier ones. Missing files are skipped; a missing directory is an error.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A directory does not exist.</exception>
    /// <exception cref="KnowledgeBaseFormatException">A line is malformed; the message names file and line.</exception>
    public static KnowledgeBase Load(string directory, IEnumerable<string>? extraDirectories = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var countries = new Keyed<CountryEntry>(c => c.Alpha3);
        var organizations = new Keyed<OrganizationEntry>(o => o.Code);
        var institutions = new Keyed<InstitutionEntry>(i => i.Name);
        var titles = new Keyed<TitleEntry>(t => t.Phrase);
        var holders = new Keyed<OfficeHolder>(h => string.Join('\t', h.Name, h.Country, h.Role, h.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var places = new Keyed<PlaceEntry>(p => p.Id);

        foreach (var dir in (extraDirectories ?? []).Prepend(directory))
        {
            if (!Directory.Exists(dir))
            {
                throw new DirectoryNotFoundException($"knowledge-base directory not found: {dir}");
            }

            ReadIfExists(dir, "countries.tsv", path => countries.AddFile(path, ReadCountries(path)));
            ReadIfExists(dir, "organizations.tsv", path => organizations.AddFile(path, ReadOrganizations(path)));
            ReadIfExists(dir, "institutions.tsv", path => institutions.AddFile(path, ReadInstitutions(path)));
            ReadIfExists(dir, "titles.tsv", path => titles.AddFile(path, ReadTitles(path)));
            ReadIfExists(dir, "officeholders.tsv", path => holders.AddFile(path, ReadOfficeHolders(path)));
            ReadIfExists(dir, "places.tsv", path => places.AddFile(path, ReadPlaces(path)));
            ReadIfExists(dir, "features.tsv", path => places.AddFile(path, ReadFeatures(path)));
        }

        return new KnowledgeBase(
            countries.ToList(), organizations.ToList(), institutions.ToList(), titles.ToList(), holders.ToList(), places.ToList());
    }

    /// <summary>Finds a country by name or alias ("Japan", "U.S.", "Britain", "the Netherlands").</summary>
    public bool TryGetCountry(string nameOrAlias, [NotNullWhen(true)] out CountryEntry? country)
        => TryFirst(_countryNames, nameOrAlias, stripArticle: true, out country);

    /// <summary>Finds a country by ISO alpha-3 code, ignoring case.</summary>
    public bool TryGetCountryByCode(string alpha3, [NotNullWhen(true)] out CountryEntry? country)
    {
        ArgumentNullException.ThrowIfNull(alpha3);
        return _countriesByCode.TryGetValue(alpha3, out country);
    }

    /// <summary>Finds the country of a demonym, adjective or plural ("Russian", "Russians", "Slovene").</summary>
    public bool TryGetDemonym(string word, [NotNullWhen(true)] out CountryEntry? country)
        => TryFirst(_demonyms, word, stripArticle: false, out country);

    /// <summary>Finds the country whose seat of government is <paramref name="city"/> ("Tokyo", "Washington").</summary>
    public bool TryGetCapital(string city, [NotNullWhen(true)] out CountryEntry? country)
        => TryFirst(_capitals, city, stripArticle: false, out country);

    /// <summary>Finds an organization by name or alias ("United Nations", "U.N.", "NATO").</summary>
    public bool TryGetOrganization(string nameOrAcronym, [NotNullWhen(true)] out OrganizationEntry? organization)
        => TryFirst(_organizations, nameOrAcronym, stripArticle: true, out organization);

    /// <summary>Finds an organization by its <see cref="OrganizationEntry.Code"/>, ignoring case.</summary>
    public bool TryGetOrganizationByCode(string code, [NotNullWhen(true)] out OrganizationEntry? organization)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _organizationsByCode.TryGetValue(code, out organization);
    }

    /// <summary>Finds an institution or metonym ("the Kremlin", "Foreign Ministry"); a leading "the" is ignored.</summary>
    public bool TryGetInstitution(string name, [NotNullWhen(true)] out InstitutionEntry? institution)
        => TryFirst(_institutions, name, stripArticle: true, out institution);

    /// <summary>Finds a title or role phrase in any case ("Prime Minister", "troops").</summary>
    public bool TryGetTitle(string phrase, [NotNullWhen(true)] out TitleEntry? title)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return _titles.TryGetValue(NameIndex<TitleEntry>.Normalize(phrase).ToLowerInvariant(), out title);
    }

    /// <summary>
    /// Terms of office held by a person named <paramref name="name"/> (full name or an alias such as the surname),
    /// ordered by start date. With <paramref name="onDate"/>, only the terms that include that day.
    /// </summary>
    public IReadOnlyList<OfficeHolder> FindOfficeHolders(string name, DateOnly? onDate)
    {
        ArgumentNullException.ThrowIfNull(name);
        var all = _officeHolders.Find(name);
        if (onDate is not { } date)
        {
            return all;
        }

        return all.Where(h => h.IsInOffice(date)).ToArray();
    }

    /// <summary>Finds a place by name, ASCII name or alias; on ambiguity the most populous.</summary>
    public bool TryGetPlace(string name, [NotNullWhen(true)] out PlaceEntry? place)
        => TryFirst(_places, name, stripArticle: true, out place);

    /// <summary>All places with that name, most populous first (features, with no population, last).</summary>
    public IReadOnlyList<PlaceEntry> FindPlaces(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _places.Find(name);
    }

    private static bool TryFirst<T>(NameIndex<T> index, string name, bool stripArticle, [NotNullWhen(true)] out T? entry)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(name);
        var hits = index.Find(name);
        if (hits.Count == 0 && stripArticle && StartsWithArticle(name))
        {
            hits = index.Find(name[4..]);
        }

        entry = hits.Count > 0 ? hits[0] : null;
        return entry is not null;
    }

    private static bool StartsWithArticle(string name)
        => name.Length > 4 && name.StartsWith("the", StringComparison.OrdinalIgnoreCase) && name[3] == ' ';

    private static void ReadIfExists(string directory, string file, Action<string> read)
    {
        var path = Path.Combine(directory, file);
        if (File.Exists(path))
        {
            read(path);
        }
    }

    private static IEnumerable<(CountryEntry Entry, int Line)> ReadCountries(string path)
    {
        foreach (var row in TsvFile.Read(path, "alpha3", "alpha2", "name", "aliases", "demonyms", "capitals", "kind"))
        {
            var kind = row.Get("kind");
            if (kind is not ("state" or "territory" or ""))
            {
                throw row.Error($"column 'kind': '{kind}' is neither 'state' nor 'territory'");
            }

            yield return (new CountryEntry(
                Code(row, "alpha3", 3), Code(row, "alpha2", 2), row.Required("name"),
                row.List("aliases"), row.List("demonyms"), row.List("capitals"), kind != "territory"), row.Line);
        }
    }

    private static IEnumerable<(OrganizationEntry Entry, int Line)> ReadOrganizations(string path)
    {
        foreach (var row in TsvFile.Read(path, "code", "name", "aliases", "sector", "country", "cameo"))
        {
            yield return (new OrganizationEntry(
                row.Required("code"), row.Required("name"), row.List("aliases"), Sector(row, "sector"),
                OptionalCode(row, "country"), row.Optional("cameo")), row.Line);
        }
    }

    private static IEnumerable<(InstitutionEntry Entry, int Line)> ReadInstitutions(string path)
    {
        foreach (var row in TsvFile.Read(path, "name", "aliases", "country", "sector"))
        {
            var country = row.Required("country");
            yield return (new InstitutionEntry(
                row.Required("name"), row.List("aliases"), country == "*" ? null : Code(row, "country", 3),
                Sector(row, "sector"), row.Get("note")), row.Line);
        }
    }

    private static IEnumerable<(TitleEntry Entry, int Line)> ReadTitles(string path)
    {
        foreach (var row in TsvFile.Read(path, "phrase", "sector", "role", "rank"))
        {
            var phrase = NameIndex<TitleEntry>.Normalize(row.Required("phrase"));
            if (!string.Equals(phrase, phrase.ToLowerInvariant(), StringComparison.Ordinal))
            {
                throw row.Error($"column 'phrase': '{phrase}' must be lower case");
            }

            yield return (new TitleEntry(phrase, Sector(row, "sector"), row.Required("role"), row.Int("rank", 0, 100)), row.Line);
        }
    }

    private static IEnumerable<(OfficeHolder Entry, int Line)> ReadOfficeHolders(string path)
    {
        foreach (var row in TsvFile.Read(path, "name", "aliases", "country", "role", "sector", "from", "to"))
        {
            var from = row.Date("from", required: true)!.Value;
            var to = row.Date("to", required: false);
            if (to < from)
            {
                throw row.Error($"term ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
            }

            yield return (new OfficeHolder(
                row.Required("name"), row.List("aliases"), row.Required("country"), row.Required("role"),
                Sector(row, "sector"), from, to), row.Line);
        }
    }

    private static IEnumerable<(PlaceEntry Entry, int Line)> ReadPlaces(string path)
    {
        foreach (var row in TsvFile.Read(path, "id", "name", "ascii", "country", "admin1", "lat", "lon", "population", "feature"))
        {
            var name = row.Required("name");
            var ascii = row.Get("ascii");
            yield return (new PlaceEntry(
                row.Required("id"), name, ascii.Length == 0 ? name : ascii, [], OptionalCode(row, "country"), row.Get("admin1"),
                row.Double("lat", -90, 90), row.Double("lon", -180, 180), row.Long("population"), row.Required("feature")), row.Line);
        }
    }

    private static IEnumerable<(PlaceEntry Entry, int Line)> ReadFeatures(string path)
    {
        foreach (var row in TsvFile.Read(path, "id", "name", "aliases", "country", "admin1", "lat", "lon", "feature"))
        {
            var name = row.Required("name");
            yield return (new PlaceEntry(
                row.Required("id"), name, name, row.List("aliases"), OptionalCode(row, "country"), row.Get("admin1"),
                row.Double("lat", -90, 90), row.Double("lon", -180, 180), 0, row.Required("feature")), row.Line);
        }
    }

    private static string Code(TsvRow row, string column, int length)
    {
        var code = row.Required(column);
        return code.Length == length && code.All(char.IsAsciiLetterUpper)
            ? code
            : throw row.Error($"column '{column}': '{code}' is not {length} upper-case letters");
    }

    private static string? OptionalCode(TsvRow row, string column)
        => row.Optional(column) is null ? null : Code(row, column, 3);

    private static string Sector(TsvRow row, string column)
    {
        var sector = row.Required(column);
        return sector.Length == 3 && sector.All(char.IsAsciiLetterUpper)
            ? sector
            : throw row.Error($"column '{column}': '{sector}' is not a three-letter upper-case CAMEO sector code");
    }

    /// <summary>
    /// Entries in first-seen order where an entry from a later file with the same key replaces the earlier in place.
    /// The same key twice in one file is an error: one of the two lines would be silently lost.
    /// </summary>
    private sealed class Keyed<T>(Func<T, string> key)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<T> _items = [];

        public void AddFile(string path, IEnumerable<(T Entry, int Line)> rows)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (item, line) in rows)
            {
                var k = key(item);
                if (!seen.TryAdd(k, line))
                {
                    throw new KnowledgeBaseFormatException(
                        path, line, $"duplicate key '{k.Replace('\t', ' ')}' (first on line {seen[k]})");
                }

                if (_index.TryGetValue(k, out var i))
                {
                    _items[i] = item;
                }
                else
                {
                    _index[k] = _items.Count;
                    _items.Add(item);
                }
            }
        }

        public List<T> ToList() => _items;
    }
}
