namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>The object cannot be removed while other objects depend on it.</summary>
public sealed class InUseError(IReadOnlyList<string> dependents)
    : MutationError($"The object cannot be deleted while other objects depend on it: {string.Join(", ", dependents)}.")
{
    /// <summary>What depends on it, e.g. <c>contracts (3)</c>.</summary>
    public IReadOnlyList<string> Dependents { get; } = dependents;
}
