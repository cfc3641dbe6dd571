namespace ProcurementGraph.Api.Cli;

/// <summary>Finds the checkout's root: the nearest folder at or above a start folder that holds ProcurementGraph.sln.</summary>
internal static class RepositoryRoot
{
    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProcurementGraph.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
