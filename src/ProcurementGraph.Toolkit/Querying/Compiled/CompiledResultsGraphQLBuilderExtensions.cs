using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>Registers how query operations execute: serially, with or without the compiled result path.</summary>
public static class CompiledResultsGraphQLBuilderExtensions
{
    /// <summary>
    /// Query fields resolve one after another (one scoped DbContext cannot run two queries at once); with
    /// <paramref name="compiledResults"/>, root fields answered by the projection are written by <see cref="CompiledResultExecutionStrategy"/>.
    /// </summary>
    public static IGraphQLBuilder AddQueryExecution(this IGraphQLBuilder builder, bool compiledResults)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryRegister<CompiledResultCounters, CompiledResultCounters>(GraphQL.DI.ServiceLifetime.Singleton);
        builder.Services.TryRegister<CompiledResultBuffers, CompiledResultBuffers>(GraphQL.DI.ServiceLifetime.Scoped);
        return compiledResults
            ? builder.AddExecutionStrategy<CompiledResultExecutionStrategy>(OperationType.Query)
            : builder.AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query);
    }
}
