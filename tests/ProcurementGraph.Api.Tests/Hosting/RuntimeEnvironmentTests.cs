using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Hosting;

/// <summary>
/// <c>src/ProcurementGraph.Api/runtime.env</c> holds the runtime settings the server is deployed and benchmarked with;
/// the launch profile (<c>dotnet run</c>, the README's first command) must apply the same ones.
/// </summary>
public sealed class RuntimeEnvironmentTests
{
    private static readonly string ApiFolder = Path.Combine(RepositoryRoot.Path, "src", "ProcurementGraph.Api");

    [Fact]
    public void The_launch_profile_sets_every_runtime_variable_with_the_same_value()
    {
        var variables = RuntimeVariables();
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(ApiFolder, "Properties", "launchSettings.json")))!
            ["profiles"]!["ProcurementGraph"]!["environmentVariables"]!.AsObject();

        Assert.NotEmpty(variables);
        foreach (var (name, value) in variables)
        {
            Assert.True(profile.ContainsKey(name), $"the launch profile does not set {name}");
            Assert.Equal(value, profile[name]!.GetValue<string>());
        }
    }

    [Fact]
    public void Every_runtime_variable_is_a_dotnet_runtime_setting()
    {
        Assert.All(RuntimeVariables(), variable => Assert.StartsWith("DOTNET_", variable.Key, StringComparison.Ordinal));
    }

    private static List<KeyValuePair<string, string>> RuntimeVariables() =>
        File.ReadAllLines(Path.Combine(ApiFolder, "runtime.env"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Select(parts => KeyValuePair.Create(parts[0], parts[1]))
            .ToList();
}
