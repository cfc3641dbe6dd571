using GraphQL.Execution;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>
/// The page-size rule of one kind of paged field: the largest <c>first</c>/<c>last</c> allowed and the page size when neither
/// is given (<see langword="null"/>: no limit, every row).
/// </summary>
public sealed record PageSize(int Max, int? Default)
{
    /// <summary>
    /// Reads and checks <c>first</c>/<c>after</c>/<c>last</c>/<c>before</c>; throws a <see cref="GraphQL.ExecutionError"/> with
    /// HotChocolate's paging code when a size is negative (<c>HC0079</c>) or above <see cref="Max"/> (<c>HC0051</c>).
    /// </summary>
    /// <param name="arguments">The field's arguments.</param>
    /// <param name="coordinate">The field's schema coordinate, for the error.</param>
    public PagingArguments Read(IDictionary<string, ArgumentValue>? arguments, string coordinate)
    {
        var first = Argument<int?>(arguments, "first");
        var last = Argument<int?>(arguments, "last");
        foreach (var size in new[] { first, last })
        {
            if (size < 0)
            {
                throw PagingErrors.NegativePageSize(size.Value);
            }

            if (size > Max)
            {
                throw PagingErrors.MaxPageSizeExceeded(coordinate, size.Value, Max);
            }
        }

        var after = Argument<string?>(arguments, "after");
        var before = Argument<string?>(arguments, "before");
        var window = first is null && last is { } backward
            ? new PageWindow(backward, Backward: true, after is not null, before is not null, KeepLast: null)
            : new PageWindow(first ?? Default ?? int.MaxValue, Backward: false, after is not null, before is not null, KeepLast: last);
        return new PagingArguments(window, after, before);
    }

    private static T? Argument<T>(IDictionary<string, ArgumentValue>? arguments, string name) =>
        arguments is not null && arguments.TryGetValue(name, out var value) && value.Value is T typed ? typed : default;
}
