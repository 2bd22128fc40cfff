using System.Diagnostics.CodeAnalysis;
using Readout.Core.Pipeline;
using Readout.Nlp;

namespace Readout.Cli;

/// <summary>Loads the standard pipeline for a command; a bad user file becomes a message, not a crash.</summary>
internal static class Resources
{
    public static bool TryLoad(string[] kbDirs, string[] lexiconFiles, bool withParser, [NotNullWhen(true)] out Pipeline? pipeline, out string? error)
    {
        pipeline = null;
        error = null;
        try
        {
            foreach (var dir in kbDirs)
            {
                if (!Directory.Exists(dir))
                {
                    error = $"--kb '{dir}' is not a directory.";
                    return false;
                }
            }

            foreach (var file in lexiconFiles)
            {
                if (!File.Exists(file))
                {
                    error = $"--lexicon '{file}' does not exist.";
                    return false;
                }
            }

            pipeline = ReadoutPipeline.Build(ReadoutPipeline.Load(ReadoutPipeline.FindDataRoot(), kbDirs, lexiconFiles), withParser);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return false;
        }
    }
}
