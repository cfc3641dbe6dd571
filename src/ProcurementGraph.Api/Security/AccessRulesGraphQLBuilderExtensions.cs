using GraphQL;
using GraphQL.DI;
using ProcurementGraph.Toolkit.Authorization;

namespace ProcurementGraph.Api.Security;

/// <summary>Adds the access table and its enforcement to the GraphQL registration.</summary>
public static class AccessRulesGraphQLBuilderExtensions
{
    /// <summary>Field authorization on ASP.NET Core policies, with <see cref="AccessRules"/> applied to every field.</summary>
    public static IGraphQLBuilder AddProcurementAccessRules(this IGraphQLBuilder builder) =>
        builder.AddFieldAuthorization().AddSchemaVisitor<AccessRulesSchemaVisitor>();
}
