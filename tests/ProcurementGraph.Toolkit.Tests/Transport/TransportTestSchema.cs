using GraphQL;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Tests.Transport;

/// <summary>
/// Tiny schema for the transport tests: <c>hello</c>, <c>echo(text: String!)</c>, <c>boom</c> (throws),
/// <c>contextValue</c> (reads the user context) and the mutation <c>setGreeting(text: String!)</c>,
/// which counts its executions.
/// </summary>
public sealed class TransportTestSchema : Schema
{
    private int _mutationExecutions;

    public TransportTestSchema(IServiceProvider services)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("hello").Resolve(_ => "world");
        query.Field<StringGraphType>("echo")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Resolve(context => context.GetArgument<string>("text"));
        query.Field<StringGraphType>("boom")
            .Resolve(object? (_) => throw new InvalidOperationException("Resolver failed on purpose."));
        query.Field<StringGraphType>("contextValue")
            .Resolve(context => context.UserContext.TryGetValue("value", out var value) ? value : null);
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<StringGraphType>("setGreeting")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Resolve(context =>
            {
                Interlocked.Increment(ref _mutationExecutions);
                return context.GetArgument<string>("text");
            });
        Mutation = mutation;
    }

    public int MutationExecutions => Volatile.Read(ref _mutationExecutions);
}
