namespace ProcurementGraph.Toolkit.Ide;

/// <summary>What GraphiQL shows first (see <see cref="GraphQLIdeApplicationBuilderExtensions.UseGraphQLIde"/>).</summary>
public sealed class GraphQLIdeOptions
{
    /// <summary>The operation editor's contents on a first visit (null: a short welcome and <c>{ __typename }</c>).</summary>
    public string? DefaultQuery { get; set; }

    /// <summary>
    /// The headers editor's contents on a first visit, JSON with comments (null: a commented-out
    /// <c>"Authorization": "Bearer &lt;token&gt;"</c> line).
    /// </summary>
    public string? DefaultHeaders { get; set; }
}
