namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>Ends a mutation handler early with payload errors; the transaction is rolled back, nothing is written.</summary>
public sealed class MutationAbortedException : Exception
{
    public MutationAbortedException(MutationError error)
        : this([error])
    {
    }

    public MutationAbortedException(IReadOnlyList<MutationError> errors)
        : base(errors.Count > 0 ? errors[0].Message : "The mutation was aborted.")
    {
        Errors = errors;
    }

    public MutationAbortedException()
        : this([])
    {
    }

    public MutationAbortedException(string message)
        : base(message)
    {
        Errors = [];
    }

    public MutationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<MutationError> Errors { get; }
}
