using GraphQL.Execution;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>The paging arguments of a connection (<c>first</c>/<c>after</c>/<c>last</c>/<c>before</c>), checked against the limits.</summary>
public sealed record PagingArguments(PageWindow Window, string? After, string? Before)
{
    /// <summary>Reads and checks the arguments; throws an <see cref="GraphQL.ExecutionError"/> with a paging code when out of range.</summary>
    /// <param name="arguments">The field's arguments.</param>
    /// <param name="maxPageSize">The largest page allowed here.</param>
    /// <param name="defaultPageSize">The page size when neither <c>first</c> nor <c>last</c> is given.</param>
    /// <param name="coordinate">The field's schema coordinate, for the error.</param>
    public static PagingArguments From(IDictionary<string, ArgumentValue>? arguments, int maxPageSize, int defaultPageSize, string coordinate)
    {
        var first = Read<int?>(arguments, "first");
        var last = Read<int?>(arguments, "last");
        foreach (var size in new[] { first, last })
        {
            if (size < 0)
            {
                throw PagingErrors.NegativePageSize(size.Value);
            }

            if (size > maxPageSize)
            {
                throw PagingErrors.MaxPageSizeExceeded(coordinate, size.Value, maxPageSize);
            }
        }

        var after = Read<string?>(arguments, "after");
        var before = Read<string?>(arguments, "before");
        var window = first is null && last is { } backward
            ? new PageWindow(backward, Backward: true, after is not null, before is not null, KeepLast: null)
            : new PageWindow(first ?? defaultPageSize, Backward: false, after is not null, before is not null, KeepLast: last);
        return new PagingArguments(window, after, before);
    }

    private static T? Read<T>(IDictionary<string, ArgumentValue>? arguments, string name) =>
        arguments is not null && arguments.TryGetValue(name, out var value) && value.Value is T typed ? typed : default;
}
