using GraphQL.Types;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Api.Graph;

/// <summary>The schema's SDL as committed in <c>schema/schema.graphql</c> and served at <c>GET /graphql?sdl</c>.</summary>
public static class SchemaSdl
{
    public static string Print(ISchema schema) => GraphQLSchemaSdl.Print(schema);
}
