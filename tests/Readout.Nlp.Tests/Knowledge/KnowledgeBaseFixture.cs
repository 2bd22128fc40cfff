using Readout.Nlp.Knowledge;

namespace Readout.Nlp.Tests.Knowledge;

/// <summary>Loads the committed knowledge base once for all tests in the collection.</summary>
public sealed class KnowledgeBaseFixture
{
    public KnowledgeBaseFixture()
    {
        RepoRoot = FindRepoRoot();
        Kb = KnowledgeBase.Default(RepoRoot);
    }

    public string RepoRoot { get; }

    public KnowledgeBase Kb { get; }

    public static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Readout.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (Readout.slnx) not found");
    }
}
