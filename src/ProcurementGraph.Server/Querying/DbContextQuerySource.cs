using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Server.Querying;

/// <summary>Queries start at <c>DbContext.Set&lt;T&gt;()</c>, without change tracking.</summary>
public sealed class DbContextQuerySource<TContext>(TContext db) : IQuerySource
    where TContext : DbContext
{
    private static readonly ConcurrentDictionary<Type, Func<DbContext, IQueryable>> Sets = new();

    public IQueryable Query(Type entityType) => Sets.GetOrAdd(entityType, CreateSet)(db);

    private static Func<DbContext, IQueryable> CreateSet(Type entityType)
    {
        var method = typeof(DbContextQuerySource<TContext>).GetMethod(nameof(SetOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(entityType);
        return method.CreateDelegate<Func<DbContext, IQueryable>>();
    }

    private static IQueryable SetOf<T>(DbContext context)
        where T : class => context.Set<T>().AsNoTracking();
}
