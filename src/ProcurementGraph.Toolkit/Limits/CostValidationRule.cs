using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using ProcurementGraph.Toolkit.Documents;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// Analyses the cost of the selected operation once the document is otherwise valid (arguments and variables included), as
/// HotChocolate's cost middleware does after validation, and rejects it before execution when a limit is exceeded
/// (<c>HC0047</c>, field cost checked first). The costs are kept in <see cref="CostRequest"/> for reporting.
/// </summary>
public sealed class CostValidationRule(GraphQLLimitsOptions options) : ValidationRuleBase, IStandingVerdictRule
{
    /// <summary>
    /// The costs read a variable's value only through a slicing argument (<c>Int</c>), <c>@skip</c>/<c>@include</c> (<c>Boolean</c>)
    /// and the fields set in an input object; a variable of type <c>ID</c>, <c>String</c> or an enum (lists of them included) can
    /// stand in none of these places in a valid document. Without other variables the costs are the document's alone, so a kept
    /// document is within the limits as when it was kept; a request that asks for its costs (<c>GraphQL-Cost</c>) has them analysed.
    /// </summary>
    public bool VerdictStands(GraphQLDocument document, ExecutionOptions request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (CostRequest.Find(request.UserContext)?.Reporting ?? CostReporting.None) == CostReporting.None
            && KeptDocument.VariableTypeNames(document).All(name => CannotChangeCost(name, request.Schema));
    }

    private static bool CannotChangeCost(string typeName, ISchema? schema) =>
        typeName is "ID" or "String" || schema?.AllTypes[typeName] is EnumerationGraphType;

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = CostRequest.For(context.UserContext);
        var analyzer = new CostAnalyzer(context.Schema, context.Document, context.Variables, context.ShouldIncludeNode, options.Cost);
        var metrics = analyzer.Analyze(context.Operation);
        request.Metrics = metrics;

        if (request.Reporting == CostReporting.Validate)
        {
            context.ReportError(new CostValidatedSignal());
        }
        else if (options.Cost.Enforce)
        {
            if (metrics.FieldCost > options.Cost.MaxFieldCost)
            {
                context.ReportError(CostExceededError.FieldCost(metrics.FieldCost, options.Cost.MaxFieldCost));
            }
            else if (metrics.TypeCost > options.Cost.MaxTypeCost)
            {
                context.ReportError(CostExceededError.TypeCost(metrics.TypeCost, options.Cost.MaxTypeCost));
            }
        }

        return default;
    }
}
