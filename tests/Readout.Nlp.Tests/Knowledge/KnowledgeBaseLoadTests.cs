using Readout.Nlp.Knowledge;

namespace Readout.Nlp.Tests.Knowledge;

public sealed class KnowledgeBaseLoadTests : IDisposable
{
    private readonly string _base;
    private readonly string _user;

    public KnowledgeBaseLoadTests()
    {
        var root = Path.Combine(Path.GetTempPath(), "readout-kb-" + Guid.NewGuid().ToString("N"));
        _base = Directory.CreateDirectory(Path.Combine(root, "base")).FullName;
        _user = Directory.CreateDirectory(Path.Combine(root, "user")).FullName;
        File.WriteAllText(Path.Combine(_base, "titles.tsv"), "# titles\nphrase\tsector\trole\trank\npresident\tGOV\tPresident\t100\nminister\tGOV\tMinister\t70\n");
        File.WriteAllText(
            Path.Combine(_base, "countries.tsv"),
            "alpha3\talpha2\tname\taliases\tdemonyms\tcapitals\tkind\nJPN\tJP\tJapan\tNippon\tJapanese\tTokyo\tstate\n");
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_base)!, recursive: true);

    [Fact]
    public void Load_UserDirectory_AddsAndReplacesEntries()
    {
        File.WriteAllText(
            Path.Combine(_user, "titles.tsv"),
            "phrase\tsector\trole\trank\nminister\tGOV\tCabinet Minister\t72\nwarlord\tREB\tWarlord\t50\n");
        File.WriteAllText(
            Path.Combine(_user, "officeholders.tsv"),
            "name\taliases\tcountry\trole\tsector\tfrom\tto\nJane Doe\tDoe\tJPN\tMinister\tGOV\t2020-01-01\t\n");

        var kb = KnowledgeBase.Load(_base, [_user]);

        Assert.True(kb.TryGetTitle("warlord", out var warlord));
        Assert.Equal("REB", warlord.Sector);
        Assert.True(kb.TryGetTitle("minister", out var minister));
        Assert.Equal("Cabinet Minister", minister.Role);
        Assert.Equal(3, kb.Titles.Count);
        Assert.Single(kb.FindOfficeHolders("Doe", new DateOnly(2026, 1, 1)));
        Assert.True(kb.TryGetCountry("Nippon", out _));
    }

    [Fact]
    public void Load_WithoutUserDirectory_HasOnlyBaseEntries()
    {
        var kb = KnowledgeBase.Load(_base);

        Assert.False(kb.TryGetTitle("warlord", out _));
        Assert.Equal(2, kb.Titles.Count);
    }

    [Theory]
    [InlineData("phrase\tsector\trole\trank\nking\tGOV\tKing\t100\nqueen\tGOV\tQueen\tnot-a-number\n", 3, "rank")]
    [InlineData("phrase\tsector\trole\trank\n# comment\n\nking\tGOV\tKing\t100\textra\n", 4, "cells")]
    [InlineData("phrase\tsector\trole\trank\nKing\tGOV\tKing\t100\n", 2, "lower case")]
    [InlineData("phrase\tsector\trole\nking\tGOV\tKing\n", 1, "rank")]
    [InlineData("phrase\tsector\trole\trank\nking\tgovernment\tKing\t100\n", 2, "sector")]
    public void Load_MalformedLine_ThrowsWithFileAndLine(string content, int line, string mention)
    {
        var path = Path.Combine(_user, "titles.tsv");
        File.WriteAllText(path, content);

        var error = Assert.Throws<KnowledgeBaseFormatException>(() => KnowledgeBase.Load(_base, [_user]));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"{path}:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(mention, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKeyInOneFile_ThrowsAtSecondLine()
    {
        var path = Path.Combine(_user, "titles.tsv");
        File.WriteAllText(path, "phrase\tsector\trole\trank\nking\tGOV\tKing\t100\nqueen\tGOV\tQueen\t100\nking\tGOV\tMonarch\t100\n");

        var error = Assert.Throws<KnowledgeBaseFormatException>(() => KnowledgeBase.Load(_base, [_user]));

        Assert.Equal(4, error.LineNumber);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TermEndingBeforeItStarts_Throws()
    {
        var path = Path.Combine(_user, "officeholders.tsv");
        File.WriteAllText(path, "name\taliases\tcountry\trole\tsector\tfrom\tto\nX Y\tY\tJPN\tMinister\tGOV\t2020-01-01\t2019-01-01\n");

        var error = Assert.Throws<KnowledgeBaseFormatException>(() => KnowledgeBase.Load(_base, [_user]));

        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void Load_MissingDirectory_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => KnowledgeBase.Load(Path.Combine(_base, "absent")));
    }
}
