using GraphQL;
using GraphQL.DI;

namespace ProcurementGraph.Toolkit.Relay;

/// <summary>Registers the checks of Relay global IDs.</summary>
public static class RelayGraphQLBuilderExtensions
{
    /// <summary><see cref="TypedIdValidationRule"/> for every request (cached documents too: the IDs are in the variables).</summary>
    public static IGraphQLBuilder AddTypedIdValidation(this IGraphQLBuilder builder) =>
        builder.AddValidationRule(TypedIdValidationRule.Instance, useForCachedDocuments: true);
}
