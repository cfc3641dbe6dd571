using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary><c>ConcurrencyConflictError</c>: <c>expectedVersion</c> is stale; carries the current version.</summary>
public sealed class ConcurrencyConflictErrorGraphType : MutationErrorGraphType<ConcurrencyConflictError>
{
    public ConcurrencyConflictErrorGraphType()
        : base("ConcurrencyConflictError", "The object changed since you read it (`expectedVersion` is not its current `version`); nothing was written.")
    {
        Field<StringGraphType>("currentVersion").Description("The object's current version; null when it no longer exists.").Resolve(c => c.Source.CurrentVersion);
    }
}
