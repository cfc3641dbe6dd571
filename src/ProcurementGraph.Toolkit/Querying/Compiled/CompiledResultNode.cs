using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// A root field answered by the compiled path: stands in the root node's place of the field's node, with its value already
/// JSON. The engine's serializer writes any node that is not a value, object or array node through <see cref="ToValue"/>.
/// </summary>
internal sealed class CompiledResultNode(ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, CompiledJson json)
    : ExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode: null)
{
    public override object? ToValue() => json;

    public override bool PropagateNull() => false;
}
