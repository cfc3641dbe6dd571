namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>What a mutation handler answers: the keys of the changed rows (read back for the payload), or the errors.</summary>
public sealed class MutationResult
{
    private MutationResult(IReadOnlyList<object> keys, IReadOnlyList<MutationError>? errors)
    {
        Keys = keys;
        Errors = errors is { Count: > 0 } ? errors : null;
    }

    /// <summary>The changed rows' keys, in input order (empty for a failure).</summary>
    public IReadOnlyList<object> Keys { get; }

    /// <summary>The payload's <c>errors</c>: null on success, as in HotChocolate.</summary>
    public IReadOnlyList<MutationError>? Errors { get; }

    /// <summary>Committed: the rows of <paramref name="keys"/> are the payload's entity (or entities).</summary>
    public static MutationResult Success(params object[] keys) => new(keys, null);

    /// <summary>Committed, with errors for the items that were not written (batches that write their valid items).</summary>
    public static MutationResult Partial(IReadOnlyList<object> keys, IReadOnlyList<MutationError> errors) => new(keys, errors);

    /// <summary>Rolled back: nothing was written.</summary>
    public static MutationResult Failure(IReadOnlyList<MutationError> errors) => new([], errors);

    /// <inheritdoc cref="Failure(IReadOnlyList{MutationError})"/>
    public static MutationResult Failure(MutationError error) => new([], [error]);

    /// <summary>True when the transaction must be rolled back (errors and nothing to keep).</summary>
    internal bool RollsBack => Errors is not null && Keys.Count == 0;
}
