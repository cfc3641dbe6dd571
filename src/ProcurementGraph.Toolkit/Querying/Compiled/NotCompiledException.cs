namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// The compiled path cannot answer this root field exactly as the general executor would (a field with its own resolver, a
/// denied field, a null in a non-null position, a value of an unexpected kind): the root field goes the general way.
/// </summary>
internal sealed class NotCompiledException(string reason) : Exception(reason);
