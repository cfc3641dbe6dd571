using GraphQL;
using GraphQL.DI;

namespace ProcurementGraph.Toolkit.Introspection;

/// <summary>The introspection of the October 2021 spec, which GraphiQL 5 and codegen ask for.</summary>
public static class IntrospectionGraphQLBuilderExtensions
{
    /// <summary>
    /// <c>__Directive.isRepeatable</c>, <c>args(includeDeprecated:)</c>, <c>inputFields(includeDeprecated:)</c> with
    /// <c>__InputValue.isDeprecated</c>/<c>deprecationReason</c> (GraphQL.NET's own features, off by default), and
    /// <c>__Type.specifiedByURL</c> (<see cref="SpecifiedByUrlSchemaVisitor"/>).
    /// </summary>
    public static IGraphQLBuilder AddOctober2021Introspection(this IGraphQLBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .ConfigureSchema(schema =>
            {
                schema.Features.RepeatableDirectives = true;
                schema.Features.DeprecationOfInputValues = true;
            })
            .AddSchemaVisitor<SpecifiedByUrlSchemaVisitor>();
    }
}
