namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>The row changed since the caller read it: <c>expectedVersion</c> is not its current version. Nothing was written.</summary>
public sealed class ConcurrencyConflictError(string? currentVersion)
    : MutationError("The object was changed by someone else since you read it. Read it again and apply your change to its current version.")
{
    /// <summary>The row's current version; null when the row no longer exists.</summary>
    public string? CurrentVersion { get; } = currentVersion;
}
