namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>The checkout's root folder (where ProcurementGraph.sln is), found from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ProcurementGraph.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("ProcurementGraph.sln not found above the test binaries.");
    }
}
