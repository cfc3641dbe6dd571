namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>A status change the life cycle does not allow from the current status.</summary>
public sealed class InvalidTransitionError(string from, string to, IReadOnlyList<string> allowed)
    : MutationError(allowed.Count == 0
        ? $"The status cannot change from {from}: it is final."
        : $"The status cannot change from {from} to {to}; from {from} it can change to {string.Join(", ", allowed)}.")
{
    public string From { get; } = from;

    public string To { get; } = to;

    /// <summary>The statuses the object may move to from <see cref="From"/>.</summary>
    public IReadOnlyList<string> Allowed { get; } = allowed;
}
