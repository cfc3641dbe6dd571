using GraphQL;

namespace ProcurementGraph.Server.Querying.Paging;

/// <summary>The forward paging arguments of a connection field, validated against the limits.</summary>
public sealed record PagingArguments(int PageSize, string? After)
{
    /// <summary>Reads <c>first</c> and <c>after</c>; throws an <see cref="ExecutionError"/> with a paging code when they are out of range.</summary>
    public static PagingArguments From(IResolveFieldContext context, PagingOptions options, bool isRoot)
    {
        var max = isRoot ? options.MaxRootPageSize : options.MaxPageSize;
        var first = context.GetArgument<int?>("first");
        if (first < 0)
        {
            throw PagingErrors.NegativePageSize(first.Value);
        }

        if (first > max)
        {
            var coordinate = $"{context.ParentType.Name}.{context.FieldDefinition.Name}";
            throw PagingErrors.MaxPageSizeExceeded(coordinate, first.Value, max);
        }

        return new PagingArguments(first ?? options.DefaultPageSize, context.GetArgument<string?>("after"));
    }
}
