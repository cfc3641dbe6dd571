namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>An input value that is missing, malformed, too long, out of range or inconsistent with another one.</summary>
public sealed class ValidationError(string field, string code, string message, int? index = null) : MutationError(message)
{
    /// <summary>The input field, as a path inside <c>input</c> (<c>name</c>, <c>ratings[3].quality</c>).</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong: <see cref="ValidationCodes"/>.</summary>
    public string Code { get; } = code;

    /// <summary>The position of the item in a batch; null outside batches.</summary>
    public int? Index { get; } = index;
}
