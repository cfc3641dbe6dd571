using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Querying.Selection;

/// <summary>One selected field (fragments merged): its first occurrence, its definition and all its sub-selections.</summary>
public sealed class FieldSelection(string responseName, GraphQLField field, FieldType definition)
{
    public string ResponseName { get; } = responseName;

    /// <summary>The type the field was selected on.</summary>
    public string ParentTypeName { get; init; } = string.Empty;

    public GraphQLField Field { get; } = field;

    public FieldType Definition { get; } = definition;

    public List<GraphQLSelectionSet> SelectionSets { get; } = [];

    /// <summary>The field's argument values, with variables and defaults applied.</summary>
    public IDictionary<string, ArgumentValue> Arguments(IResolveFieldContext context) =>
        ExecutionHelper.GetArguments(Definition.Arguments, Field.Arguments, context.Variables, context.Document, Field, null)
        ?? new Dictionary<string, ArgumentValue>();
}
