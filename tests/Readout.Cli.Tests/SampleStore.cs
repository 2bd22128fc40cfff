namespace Readout.Cli.Tests;

/// <summary>samples/ ingested once by the real CLI into a temporary store, shared by the query tests.</summary>
public sealed class SampleStore : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Db => _folder.File("samples.db");

    public string WorkingDirectory => _folder.Path;

    internal CliRun Ingest { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync() =>
        Ingest = await ReadoutCli.RunAsync(_folder.Path, "ingest", ReadoutCli.Samples, "--db", Db);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
