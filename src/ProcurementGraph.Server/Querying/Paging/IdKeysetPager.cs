using System.Linq.Expressions;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Server.Querying.Expressions;

namespace ProcurementGraph.Server.Querying.Paging;

/// <summary>
/// Forward keyset paging over an integer key: <c>WHERE key &gt; @after ORDER BY key LIMIT n + 1</c>,
/// so page N costs what page 1 costs. One statement for the page, one more for <c>totalCount</c> when asked.
/// </summary>
public static class IdKeysetPager
{
    public static async Task<Connection<T>> PageAsync<T>(
        IQueryable<T> source,
        Expression<Func<T, int>> key,
        Func<T, int> keyOf,
        PagingArguments paging,
        bool includeTotalCount,
        CancellationToken cancellationToken)
    {
        var totalCount = includeTotalCount ? await source.CountAsync(cancellationToken).ConfigureAwait(false) : (int?)null;

        var page = source;
        if (paging.After is { } after)
        {
            var afterId = IdCursor.Decode(after, "after");
            var greater = Expression.Lambda<Func<T, bool>>(
                Expression.GreaterThan(key.Body, QueryParameter.Of(afterId)), key.Parameters);
            page = page.Where(greater);
        }

        var rows = paging.PageSize == 0
            ? []
            : await page.OrderBy(key).Take(paging.PageSize + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var hasNextPage = rows.Count > paging.PageSize;
        if (hasNextPage)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var edges = rows.Select(row => new Edge<T> { Node = row, Cursor = IdCursor.Encode(keyOf(row)) }).ToList();
        return new Connection<T>
        {
            Edges = edges,
            TotalCount = totalCount,
            PageInfo = new PageInfo
            {
                HasNextPage = hasNextPage,
                HasPreviousPage = paging.After is not null,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
