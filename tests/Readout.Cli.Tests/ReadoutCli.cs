using System.Diagnostics;
using System.Text;

namespace Readout.Cli.Tests;

/// <summary>
/// Runs the real `readout` executable (readout.dll, copied beside the tests by the project
/// reference) as a child process with a timeout. The CLI finds data/ and models/ by walking up
/// from its own folder, which reaches the repository from the test bin folder.
/// </summary>
internal static class ReadoutCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "readout.dll");

    /// <summary>The repository root: the first folder above the test binaries holding Readout.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    /// <summary>Runs `readout args…` in <paramref name="workingDirectory"/> and waits for it to exit.</summary>
    public static async Task<CliRun> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, DefaultTimeout, args);

    public static Task<CliRun> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunWithInputAsync(workingDirectory, timeout, stdin: null, args);

    /// <summary>Runs `readout args…` with <paramref name="stdin"/> (UTF-8) as its standard input.</summary>
    public static async Task<CliRun> RunWithInputAsync(string workingDirectory, TimeSpan timeout, string? stdin, params string[] args)
    {
        using var process = Start(workingDirectory, stdin, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"readout {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s\n{await stderr}");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts `readout args…` with redirected output and closed standard input; the caller owns the process.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, stdin: null, args);

    private static Process Start(string workingDirectory, string? stdin, string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started");
        if (stdin is not null)
        {
            // Written on another thread: a large input must not block on a full pipe while output waits unread.
            _ = Task.Run(() =>
            {
                try
                {
                    process.StandardInput.Write(stdin);
                }
                catch (IOException)
                {
                    // The process ended without reading everything; its exit code tells the test.
                }
                finally
                {
                    process.StandardInput.Close();
                }
            });
        }
        else
        {
            process.StandardInput.Close();
        }
        return process;
    }

    /// <summary>The dotnet host running the tests (set by `dotnet test`), else the one on PATH.</summary>
    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Readout.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Readout.slnx above {AppContext.BaseDirectory}.");
    }
}
