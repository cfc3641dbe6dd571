using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using ProcurementGraph.Toolkit.Documents;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// Registers the abuse limits checked before execution: document size while parsing, execution depth, cost, introspection,
/// the validation-error cap, and field merging validated in near-linear time.
/// </summary>
public static class LimitsGraphQLBuilderExtensions
{
    /// <summary>
    /// Adds the limits of <see cref="GraphQLLimitsOptions"/> (HotChocolate's defaults; <paramref name="configure"/> changes them):
    /// <list type="bullet">
    /// <item>the document limits of <see cref="GraphQLLimitsOptions.Document"/>, checked while the document is parsed;</item>
    /// <item><see cref="FieldMergeValidationRule"/> in place of GraphQL.NET's quadratic overlapping-fields rule;</item>
    /// <item>the <c>@cost</c> and <c>@listSize</c> directives and their default weights on the schema (<see cref="CostDefaultsSchemaVisitor"/>);</item>
    /// <item>the validation rules <see cref="ExecutionDepthValidationRule"/>, <see cref="IntrospectionValidationRule"/> and
    /// <see cref="CostValidationRule"/> (also for cached documents);</item>
    /// <item><see cref="GraphQLLimitsExecution"/> (cost reports, the error cap) and the <c>GraphQL-Cost</c> header of the HTTP endpoint.</item>
    /// </list>
    /// Page sizes for <c>@listSize</c> come from <see cref="PageSizeRules"/> (the configured <see cref="PagingOptions"/>).
    /// </summary>
    public static IGraphQLBuilder AddGraphQLLimits(this IGraphQLBuilder builder, Action<GraphQLLimitsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new GraphQLLimitsOptions();
        configure?.Invoke(options);
        Validate(options);

        builder.Services.Register(options, replace: true);
        builder.Services.Register(options.Document, replace: true);
        builder.Services.Register<IDocumentBuilder, GuardedDocumentBuilder>(GraphQL.DI.ServiceLifetime.Singleton, replace: true);
        builder.ConfigureExecution(new FieldMergeRuleReplacement());
        builder.Services.Register<IGraphQLHttpRequestInterceptor>(new CostHeaderInterceptor());
        builder.ConfigureSchema(schema =>
        {
            schema.Directives.Register(new CostDirective(), new ListSizeDirective());
        });
        builder.AddSchemaVisitor(provider => new CostDefaultsSchemaVisitor(options, PageSizeRules.For(provider)));
        builder.AddValidationRule(new ExecutionDepthValidationRule(options), useForCachedDocuments: true);
        builder.AddValidationRule(new IntrospectionValidationRule(options), useForCachedDocuments: true);
        builder.AddValidationRule(new CostValidationRule(options), useForCachedDocuments: true);
        builder.ConfigureExecution(new GraphQLLimitsExecution(options));
        return builder;
    }

    private static void Validate(GraphQLLimitsOptions options)
    {
        Positive(options.MaxExecutionDepth, nameof(options.MaxExecutionDepth));
        Positive(options.MaxValidationErrors, nameof(options.MaxValidationErrors));
        Positive(options.Cost.MaxFieldCost, "Cost.MaxFieldCost");
        Positive(options.Cost.MaxTypeCost, "Cost.MaxTypeCost");
        Positive(options.Cost.CountedRootPageSize, "Cost.CountedRootPageSize");
        options.Document.Validate();
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than zero.");
        }
    }
}
