using ProcurementGraph.Api.Data.Lifecycle;

namespace ProcurementGraph.Api.Data.DesignTime;

/// <summary>Reads the arguments given to <c>dotnet ef</c> after <c>--</c>.</summary>
internal static class DesignTimeArguments
{
    public static DatabaseSettings Settings(string[] args, DatabaseProvider provider, string placeholder)
    {
        var index = Array.IndexOf(args, "--connection");
        var connection = index >= 0 && index < args.Length - 1 ? args[index + 1] : placeholder;
        return new DatabaseSettings(provider, connection, new DatabaseOptions { Provider = provider.ToString() });
    }
}
