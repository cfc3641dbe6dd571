using System.Reflection;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Querying.Aggregates;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Projection;

using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// The serial query strategy with a compiled result path. When a root field's resolver has loaded its rows (one statement
/// through the projector), the rows are written straight into JSON by a plan compiled once per document and Boolean variables
/// (<see cref="ResultPlanCache"/>) instead of building an execution node per row and field. The decision is per root field:
/// a root field whose value is neither projected rows nor a page of groups (payloads, <c>me</c>), or whose selection needs anything
/// the projection does not answer (a field with its own resolver or batch loader, a field rule that does not allow the field,
/// a null in a non-null position, any error), goes the general way over the same loaded value: nothing is read twice, and
/// errors, paths and null propagation are the engine's own. Validation (authorization, cost, depth) runs before either path.
/// </summary>
public sealed class CompiledResultExecutionStrategy(CompiledResultCounters counters) : SerialExecutionStrategy, IDisposable
{
    private readonly ResultPlanCache _plans = new();

    protected override async Task CompleteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        if (node.Parent is RootExecutionNode root && node.Result is { } result && node is not ValueExecutionNode && TryCompile(context, root, node, result))
        {
            return;
        }

        await base.CompleteNodeAsync(context, node).ConfigureAwait(false);
    }

    public void Dispose() => _plans.Dispose();

    // The engine's serializer keeps its options protected; the compiled path writes with the very same ones (encoder, naming
    // policy, converters), so it reads them once.
    private static readonly PropertyInfo OptionsProperty = typeof(GraphQL.SystemTextJson.GraphQLSerializer)
        .GetProperty("SerializerOptions", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
        ?? throw new InvalidOperationException("GraphQLSerializer has no SerializerOptions.");

    private JsonSerializerOptions? _options;

    private JsonSerializerOptions SerializerOptions(GraphQL.SystemTextJson.GraphQLSerializer serializer) =>
        _options ??= (JsonSerializerOptions)OptionsProperty.GetValue(serializer)!;

    private bool TryCompile(ExecutionContext context, RootExecutionNode root, ExecutionNode node, object result)
    {
        if (result is not (Page or Row or IReadOnlyList<Row?> or AggregatePage))
        {
            counters.CountGeneral($"{node.Name}: answered a {result.GetType().Name}, not projected rows");
            return false;
        }

        if (context.RequestServices?.GetService<IGraphQLTextSerializer>() is not GraphQL.SystemTextJson.GraphQLSerializer serializer)
        {
            return false;
        }

        var options = SerializerOptions(serializer);
        if (context.RequestServices.GetService<CompiledResultBuffers>() is not { } buffers)
        {
            return false;
        }

        var buffer = buffers.Rent();
        try
        {
            var plan = _plans.GetOrCompile(context, node, () => ResultPlanCompiler.Root(node, options));
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true }))
            {
                var access = context.UserContext.TryGetValue(FieldAuthorizationMiddleware.AccessKey, out var known) && known is IFieldAccess cached
                    ? cached
                    : context.RequestServices.GetService<IFieldAccess>();
                new ResultWriter(json, context, new ReadonlyResolveFieldContext(node, context), access, options).WriteRoot(plan, result);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            counters.CountGeneral($"{node.Name}: {e.Message}");
            return false;
        }

        var subFields = root.SubFields!;
        var index = Array.IndexOf(subFields, node);
        if (index < 0)
        {
            counters.CountGeneral($"{node.Name}: not a field of the root node");
            return false;
        }

        subFields[index] = new CompiledResultNode(root, node.GraphType!, node.Field, node.FieldDefinition, new CompiledJson(buffer.WrittenMemory));
        switch (node)
        {
            case ObjectExecutionNode objectNode:
                objectNode.SubFields = [];
                break;
            case ArrayExecutionNode arrayNode:
                arrayNode.Items = [];
                break;
        }

        counters.CountCompiled();
        return true;
    }
}
