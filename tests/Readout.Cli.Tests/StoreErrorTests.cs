namespace Readout.Cli.Tests;

/// <summary>A store path that cannot be opened, or a file that is not a store, is a usage error with a message, not a crash.</summary>
public sealed class StoreErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Ingest_StoreInMissingFolder_ExitsTwoNamingTheStore()
    {
        var article = _folder.Write("good.txt", "France and Germany agreed on Tuesday to coordinate their aid to Ukraine.\n");
        var db = _folder.File("no-such-folder/x.db");
        var run = await ReadoutCli.RunAsync(_folder.Path, "ingest", article, "--db", db, "--quiet");
        AssertUsageError(run, db);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("show", "1")]
    public async Task Query_FileThatIsNotAStore_ExitsTwoNamingTheFile(params string[] command)
    {
        var db = _folder.Write("notes.db", "plain text, not SQLite\n");
        var run = await ReadoutCli.RunAsync(_folder.Path, [.. command, "--db", db]);
        AssertUsageError(run, db);
    }

    [Fact]
    public async Task Ingest_FileThatIsNotAStore_ExitsTwoAndLeavesTheFileAlone()
    {
        var article = _folder.Write("good.txt", "France and Germany agreed on Tuesday to coordinate their aid to Ukraine.\n");
        var db = _folder.Write("notes.db", "plain text, not SQLite\n");
        var run = await ReadoutCli.RunAsync(_folder.Path, "ingest", article, "--db", db, "--quiet");
        AssertUsageError(run, db);
        Assert.Equal("plain text, not SQLite\n", File.ReadAllText(db));
    }

    private static void AssertUsageError(CliRun run, string db)
    {
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains($"readout: cannot open the store '{db}'", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
