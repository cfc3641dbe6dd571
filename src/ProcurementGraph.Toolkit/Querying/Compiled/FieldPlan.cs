using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// One selected field of a compiled result: its response name (already encoded for the writer), definition and type, and the
/// plans of its object values, compiled per object type the first time a value of that type is written.
/// </summary>
internal sealed class FieldPlan
{
    private readonly ConcurrentDictionary<IObjectGraphType, ObjectPlan> _children = new();

    public FieldPlan(string responseName, JsonEncodedText encodedName, FieldType definition, bool ruled)
    {
        ResponseName = responseName;
        EncodedName = encodedName;
        Definition = definition;
        Type = definition.ResolvedType ?? throw new InvalidOperationException($"The field {definition.Name} has no resolved type.");
        IsTypeName = definition.Name == "__typename";
        Ruled = ruled;
    }

    public string ResponseName { get; }

    public JsonEncodedText EncodedName { get; }

    public FieldType Definition { get; }

    /// <summary>The field's type as declared (non-null and list wrappers included).</summary>
    public IGraphType Type { get; }

    public bool IsTypeName { get; }

    /// <summary>The field has an authorization rule: the caller's answer is checked before it is written.</summary>
    public bool Ruled { get; }

    /// <summary>Every selection set of the field (fragments merged by response name).</summary>
    public List<GraphQLSelectionSet> SelectionSets { get; } = [];

    /// <summary>The fields selected on <paramref name="type"/>, compiled once (the plan's key fixes <c>@skip</c>/<c>@include</c>).</summary>
    public ObjectPlan ChildFor(IObjectGraphType type, ExecutionContext context, JsonSerializerOptions options) =>
        _children.TryGetValue(type, out var plan) ? plan : _children.GetOrAdd(type, ResultPlanCompiler.Compile(context, type, SelectionSets, options));
}
