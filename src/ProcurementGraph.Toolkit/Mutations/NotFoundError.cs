namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>An ID of the input names no row the caller may see (it may not exist, or the caller may not see it: the same answer).</summary>
public sealed class NotFoundError(string field, string id, int? index = null)
    : MutationError($"No object with the ID `{id}` was found (input field `{field}`).")
{
    /// <summary>The input field that holds the ID.</summary>
    public string Field { get; } = field;

    public string Id { get; } = id;

    /// <summary>The position of the item in a batch; null outside batches.</summary>
    public int? Index { get; } = index;
}
