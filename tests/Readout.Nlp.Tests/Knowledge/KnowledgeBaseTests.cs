using Readout.Nlp.Knowledge;

namespace Readout.Nlp.Tests.Knowledge;

public sealed class KnowledgeBaseTests : IClassFixture<KnowledgeBaseFixture>
{
    private readonly KnowledgeBase _kb;

    public KnowledgeBaseTests(KnowledgeBaseFixture fixture)
    {
        _kb = fixture.Kb;
    }

    [Fact]
    public void Load_CommittedFiles_EveryFileHasEntries()
    {
        Assert.True(_kb.Countries.Count >= 240, $"countries: {_kb.Countries.Count}");
        Assert.True(_kb.Countries.Count(c => c.IsState) >= 195, $"states: {_kb.Countries.Count(c => c.IsState)}");
        Assert.True(_kb.Organizations.Count >= 50);
        Assert.True(_kb.Institutions.Count >= 50);
        Assert.True(_kb.Titles.Count >= 100);
        Assert.True(_kb.OfficeHolders.Count >= 5);
        Assert.True(_kb.Places.Count >= 20000);
        Assert.True(_kb.MaxTitleWords >= 6, $"max title words {_kb.MaxTitleWords}");
    }

    [Fact]
    public void Load_CommittedCountries_EveryStateHasDemonymAndCapital()
    {
        var lacking = _kb.Countries
            .Where(c => c.IsState && (c.Demonyms.Count == 0 || c.Capitals.Count == 0))
            .Select(c => c.Alpha3)
            .ToArray();

        // Congo (Brazzaville) and Dominica share their demonyms with COD and DOM, which keep them.
        Assert.Equal(["COG", "DMA"], lacking.Order());
    }

    [Fact]
    public void Load_CommittedCountries_NoAliasOrDemonymNamesTwoCountries()
    {
        var clashes = _kb.Countries
            .SelectMany(c => c.Aliases.Prepend(c.Name).Concat(c.Demonyms).Select(n => (Name: n, c.Alpha3)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Alpha3).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToArray();

        Assert.Empty(clashes);
    }

    [Theory]
    [InlineData("Russian", "RUS")]
    [InlineData("Russians", "RUS")]
    [InlineData("Slovenian", "SVN")]
    [InlineData("Slovene", "SVN")]
    [InlineData("Japanese", "JPN")]
    [InlineData("North Korean", "PRK")]
    [InlineData("South Korean", "KOR")]
    [InlineData("Emirati", "ARE")]
    [InlineData("Filipino", "PHL")]
    [InlineData("British", "GBR")]
    [InlineData("Palestinian", "PSE")]
    [InlineData("RUSSIAN", "RUS")]
    public void TryGetDemonym_KnownForm_ReturnsCountry(string word, string alpha3)
    {
        Assert.True(_kb.TryGetDemonym(word, out var country));
        Assert.Equal(alpha3, country.Alpha3);
    }

    [Theory]
    [InlineData("U.S.", "USA")]
    [InlineData("US", "USA")]
    [InlineData("United States", "USA")]
    [InlineData("the United States", "USA")]
    [InlineData("Britain", "GBR")]
    [InlineData("Russia", "RUS")]
    [InlineData("Russian Federation", "RUS")]
    [InlineData("Japan", "JPN")]
    [InlineData("JAPAN", "JPN")]
    [InlineData("Kosovo", "XKX")]
    [InlineData("Taiwan", "TWN")]
    [InlineData("People\u2019s Republic of China", "CHN")]
    [InlineData("the Netherlands", "NLD")]
    public void TryGetCountry_NameOrAlias_ReturnsCountry(string name, string alpha3)
    {
        Assert.True(_kb.TryGetCountry(name, out var country));
        Assert.Equal(alpha3, country.Alpha3);
    }

    [Theory]
    [InlineData("us")]
    [InlineData("u.s.")]
    [InlineData("Congo")]
    [InlineData("Ruritania")]
    public void TryGetCountry_PronounAmbiguousOrUnknown_ReturnsFalse(string name)
    {
        Assert.False(_kb.TryGetCountry(name, out _));
    }

    [Fact]
    public void TryGetCountryByCode_Alpha3_ReturnsNameAndAlpha2()
    {
        Assert.True(_kb.TryGetCountryByCode("SVN", out var slovenia));
        Assert.Equal("Slovenia", slovenia.Name);
        Assert.Equal("SI", slovenia.Alpha2);
    }

    [Theory]
    [InlineData("Tokyo", "JPN")]
    [InlineData("Washington", "USA")]
    [InlineData("Beijing", "CHN")]
    [InlineData("Moscow", "RUS")]
    [InlineData("Kingston", "JAM")]
    public void TryGetCapital_SeatOfGovernment_ReturnsCountry(string city, string alpha3)
    {
        Assert.True(_kb.TryGetCapital(city, out var country));
        Assert.Equal(alpha3, country.Alpha3);
    }

    [Theory]
    [InlineData("Kremlin", "RUS", "GOV")]
    [InlineData("the Kremlin", "RUS", "GOV")]
    [InlineData("White House", "USA", "GOV")]
    [InlineData("Pentagon", "USA", "MIL")]
    [InlineData("Zhongnanhai", "CHN", "GOV")]
    [InlineData("Élysée", "FRA", "GOV")]
    [InlineData("METI", "JPN", "GOV")]
    public void TryGetInstitution_Metonym_ReturnsCountryAndSector(string name, string alpha3, string sector)
    {
        Assert.True(_kb.TryGetInstitution(name, out var institution));
        Assert.Equal(alpha3, institution.Country);
        Assert.Equal(sector, institution.Sector);
    }

    [Fact]
    public void TryGetInstitution_ForeignMinistry_IsContextual()
    {
        Assert.True(_kb.TryGetInstitution("the Foreign Ministry", out var ministry));
        Assert.True(ministry.IsContextual);
        Assert.Equal("GOV", ministry.Sector);
    }

    [Theory]
    [InlineData("prime minister", "GOV", "Prime Minister")]
    [InlineData("Prime Minister", "GOV", "Prime Minister")]
    [InlineData("deputy prime minister", "GOV", "Deputy Prime Minister")]
    [InlineData("minister of economy, trade and industry", "GOV", "Minister of Economy, Trade and Industry")]
    [InlineData("general", "MIL", "General")]
    [InlineData("troops", "MIL", "Troops")]
    [InlineData("police", "COP", "Police")]
    [InlineData("chief executive", "BUS", "Chief Executive")]
    [InlineData("rebels", "REB", "Rebels")]
    [InlineData("opposition leader", "OPP", "Opposition Leader")]
    [InlineData("protesters", "CVL", "Protester")]
    [InlineData("journalist", "MED", "Journalist")]
    [InlineData("judge", "JUD", "Judge")]
    public void TryGetTitle_Phrase_ReturnsSectorAndRole(string phrase, string sector, string role)
    {
        Assert.True(_kb.TryGetTitle(phrase, out var title));
        Assert.Equal(sector, title.Sector);
        Assert.Equal(role, title.Role);
    }

    [Fact]
    public void TryGetTitle_DeputyOutranksMinister()
    {
        Assert.True(_kb.TryGetTitle("deputy prime minister", out var deputy));
        Assert.True(_kb.TryGetTitle("minister", out var minister));
        Assert.True(deputy.Rank > minister.Rank);
    }

    [Theory]
    [InlineData("United Nations", "UN", "IGO")]
    [InlineData("U.N.", "UN", "IGO")]
    [InlineData("NATO", "NATO", "IGO")]
    [InlineData("the European Union", "EU", "IGO")]
    [InlineData("International Monetary Fund", "IMF", "IGO")]
    [InlineData("Hezbollah", "HEZBOLLAH", "REB")]
    [InlineData("Kyodo", "KYODO", "MED")]
    public void TryGetOrganization_NameOrAcronym_ReturnsCodeAndSector(string name, string code, string sector)
    {
        Assert.True(_kb.TryGetOrganization(name, out var organization));
        Assert.Equal(code, organization.Code);
        Assert.Equal(sector, organization.Sector);
    }

    [Theory]
    [InlineData("Putin", "2016-10-02", "RUS", "President")]
    [InlineData("Vladimir Putin", "2010-06-01", "RUS", "Prime Minister")]
    [InlineData("Abe", "2016-10-02", "JPN", "Prime Minister")]
    [InlineData("Shinzo Abe", "2007-01-01", "JPN", "Prime Minister")]
    [InlineData("Dvorkovich", "2016-10-02", "RUS", "Deputy Prime Minister")]
    [InlineData("Cerar", "2016-10-02", "SVN", "Prime Minister")]
    [InlineData("Seko", "2016-10-02", "JPN", "Minister of Economy, Trade and Industry")]
    public void FindOfficeHolders_InOffice_ReturnsTerm(string name, string date, string country, string role)
    {
        var terms = _kb.FindOfficeHolders(name, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        var term = Assert.Single(terms);
        Assert.Equal(country, term.Country);
        Assert.Equal(role, term.Role);
        Assert.Equal("GOV", term.Sector);
    }

    [Fact]
    public void FindOfficeHolders_AbeBetweenTerms_ReturnsNone()
    {
        Assert.Empty(_kb.FindOfficeHolders("Abe", new DateOnly(2010, 1, 1)));
    }

    [Fact]
    public void FindOfficeHolders_NoDate_ReturnsEveryTermInOrder()
    {
        var terms = _kb.FindOfficeHolders("Shinzo Abe", null);

        Assert.True(terms.Count >= 2);
        Assert.Equal(terms.OrderBy(t => t.From), terms);
    }

    [Fact]
    public void FindOfficeHolders_CommittedFile_TermsOfOneOfficeDoNotOverlap()
    {
        // Heads of one office follow each other; an overlap is a typing error in the dates.
        var soleOffices = new[] { "President", "Prime Minister", "Chancellor", "Foreign Minister", "Secretary of State", "Foreign Secretary" };
        var overlaps = _kb.OfficeHolders
            .Where(h => soleOffices.Contains(h.Role))
            .GroupBy(h => (h.Country, h.Role))
            .SelectMany(g => g.OrderBy(h => h.From).Zip(g.OrderBy(h => h.From).Skip(1)))
            .Where(pair => pair.First.To is null || pair.First.To.Value > pair.Second.From)
            .Select(pair => $"{pair.First.Country} {pair.First.Role}: {pair.First.Name} / {pair.Second.Name}")
            .ToArray();

        Assert.Empty(overlaps);
    }

    [Theory]
    [InlineData("Kyoto", "JPN", 35.0, 135.7)]
    [InlineData("Yamaguchi", "JPN", 34.2, 131.5)]
    [InlineData("Hokkaido", "JPN", 43.4, 142.8)]
    [InlineData("Moscow", "RUS", 55.75, 37.6)]
    public void TryGetPlace_KnownName_ReturnsCountryAndCoordinates(string name, string alpha3, double lat, double lon)
    {
        Assert.True(_kb.TryGetPlace(name, out var place));
        Assert.Equal(alpha3, place.Country);
        Assert.InRange(place.Latitude, lat - 0.5, lat + 0.5);
        Assert.InRange(place.Longitude, lon - 0.5, lon + 0.5);
    }

    [Fact]
    public void FindPlaces_AmbiguousName_MostPopulousFirst()
    {
        var places = _kb.FindPlaces("Paris");

        Assert.True(places.Count > 1);
        Assert.Equal("FRA", places[0].Country);
        Assert.Equal(places.OrderByDescending(p => p.Population).Select(p => p.Population), places.Select(p => p.Population));
    }

    [Theory]
    [InlineData("St. Petersburg", "Saint Petersburg", "RUS")]
    [InlineData("St Petersburg", "Saint Petersburg", "RUS")]
    [InlineData("Saint Petersburg", "Saint Petersburg", "RUS")]
    [InlineData("Saint Louis", "St. Louis", "USA")]
    public void FindPlaces_SaintWrittenShortOrLong_FindsBothSpellings(string written, string name, string country)
    {
        var places = _kb.FindPlaces(written);

        Assert.Equal(name, places[0].Name);
        Assert.Equal(country, places[0].Country);
        Assert.Equal(places.OrderByDescending(p => p.Population).Select(p => p.Population), places.Select(p => p.Population));
    }

    [Fact]
    public void TryGetPlace_AsciiSpelling_FindsDiacriticName()
    {
        Assert.True(_kb.TryGetPlace("Hofu", out var place));
        Assert.Equal("Hōfu", place.Name);
    }
}
