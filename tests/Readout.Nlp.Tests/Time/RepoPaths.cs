namespace Readout.Nlp.Tests.Time;

internal static class RepoPaths
{
    /// <summary>The repository root: the first folder above the test binaries holding Readout.slnx.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Readout.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Readout.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
}
