using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>The fields written for an object of one type, in response order (as the executor collects them).</summary>
internal sealed class ObjectPlan(IObjectGraphType type, FieldPlan[] fields)
{
    public IObjectGraphType Type { get; } = type;

    public FieldPlan[] Fields { get; } = fields;
}
