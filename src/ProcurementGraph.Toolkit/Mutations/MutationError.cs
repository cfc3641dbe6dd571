namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// A business failure of a mutation, answered in the payload's <c>errors</c> (HotChocolate's mutation conventions:
/// an object type implementing <c>interface Error { message: String! }</c>); nothing is written.
/// </summary>
public abstract class MutationError(string message)
{
    public string Message { get; } = message;
}
