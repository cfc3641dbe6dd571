using System.Text;
using GraphQL.Execution;
using Microsoft.Extensions.Caching.Memory;

using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// The compiled plans of root fields, bounded by the document text they are kept for (<see cref="Capacity"/> characters; documents over <see cref="MaxDocumentLength"/> not kept; each
/// plan counted as its document's length plus 1,024; a quarter is dropped when full, least recently used first: a flood of
/// large distinct documents cannot grow it). A plan is valid for
/// one document text, operation and root field, and one set of Boolean variable values (they decide <c>@skip</c>/<c>@include</c>;
/// no other variable changes what is written). Field rules are not part of the key: a plan notes which fields have a rule and
/// the caller's answers are checked while writing.
/// </summary>
internal sealed class ResultPlanCache : IDisposable
{
    public const long Capacity = 4 * 1024 * 1024;

    /// <summary>Plans of longer documents are compiled for their request and not kept.</summary>
    public const int MaxDocumentLength = 64 * 1024;

    private readonly MemoryCache _plans = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public FieldPlan GetOrCompile(ExecutionContext context, ExecutionNode node, Func<FieldPlan> compile)
    {
        if (context.Document.Source.Length > MaxDocumentLength)
        {
            return compile();
        }

        var document = context.Document.Source.ToString();
        var key = new Key(document, context.Operation.Name?.StringValue, node.Name!, Switches(context));
        if (_plans.TryGetValue(key, out FieldPlan? plan) && plan is not null)
        {
            return plan;
        }

        plan = compile();
        _plans.Set(key, plan, new MemoryCacheEntryOptions { Size = document.Length + 1_024 });
        return plan;
    }

    public void Dispose() => _plans.Dispose();

    private static string Switches(ExecutionContext context)
    {
        StringBuilder? switches = null;
        foreach (var variable in context.Variables)
        {
            if (variable.Value is bool value)
            {
                (switches ??= new StringBuilder()).Append(variable.Name).Append(value ? "=1;" : "=0;");
            }
        }

        return switches?.ToString() ?? string.Empty;
    }

    private sealed record Key(string Document, string? Operation, string RootField, string Switches);
}
