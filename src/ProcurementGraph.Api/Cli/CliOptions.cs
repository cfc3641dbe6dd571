namespace ProcurementGraph.Api.Cli;

/// <summary>Reads <c>--name value</c> options and flags of a verb; what is left goes to the host's configuration.</summary>
internal sealed class CliOptions(string[] args)
{
    private readonly List<string> _rest = [.. args];

    public string? Value(string name)
    {
        var index = _rest.IndexOf(name);
        if (index < 0)
        {
            return null;
        }

        if (index == _rest.Count - 1 || _rest[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliUsageException($"Option {name} needs a value.");
        }

        var value = _rest[index + 1];
        _rest.RemoveRange(index, 2);
        return value;
    }

    public bool Flag(string name) => _rest.Remove(name);

    /// <summary>The arguments not consumed by the verb (e.g. <c>--Database:Provider=SqlServer</c>).</summary>
    public string[] Rest => [.. _rest];
}
