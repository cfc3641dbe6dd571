namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>The checkout's root folder (where ProcurementGraph.sln is), found from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Api.Cli.RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("ProcurementGraph.sln not found above the test binaries.");
}
