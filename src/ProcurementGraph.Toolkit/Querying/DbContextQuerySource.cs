using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>Queries start at <c>DbContext.Set&lt;T&gt;()</c>, without change tracking.</summary>
public sealed class DbContextQuerySource<TContext>(TContext db) : IQuerySource
    where TContext : DbContext
{
    private static readonly ConcurrentDictionary<Type, Func<DbContext, IQueryable>> Sets = new();
    private static readonly ConcurrentDictionary<(Type, string), NavigationJoin?> Joins = new();

    public IQueryable Query(Type entityType) => Sets.GetOrAdd(entityType, CreateSet)(db);

    public NavigationJoin? Join(Type owner, string navigation) =>
        Joins.GetOrAdd((owner, navigation), static (key, model) => FindJoin(model, key.Item1, key.Item2), db.Model);

    private static NavigationJoin? FindJoin(Microsoft.EntityFrameworkCore.Metadata.IModel model, Type owner, string name)
    {
        if (model.FindEntityType(owner)?.FindNavigation(name) is not { } navigation
            || navigation.ForeignKey is not { Properties: [var foreignKey], PrincipalKey.Properties: [var principalKey] }
            || foreignKey.PropertyInfo is not { } dependent || principalKey.PropertyInfo is not { } principal)
        {
            return null;
        }

        // Owner on the dependent side (a reference to its principal): owner.FK = target.PK; else target.FK = owner.PK.
        return navigation.IsOnDependent
            ? new NavigationJoin(dependent, principal, navigation.ForeignKey.IsRequired)
            : new NavigationJoin(principal, dependent);
    }

    private static Func<DbContext, IQueryable> CreateSet(Type entityType)
    {
        var method = typeof(DbContextQuerySource<TContext>).GetMethod(nameof(SetOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(entityType);
        return method.CreateDelegate<Func<DbContext, IQueryable>>();
    }

    /// <summary>
    /// <c>Set&lt;T&gt;().AsNoTracking()</c>, with the closed <c>AsNoTracking&lt;T&gt;</c> made once per type (EF Core's
    /// extension closes its generic method on every call, and every query of a request starts here).
    /// </summary>
    private static IQueryable SetOf<T>(DbContext context)
        where T : class
    {
        IQueryable<T> set = context.Set<T>();
        return set.Provider.CreateQuery<T>(Expression.Call(null, NoTracking<T>.Method, set.Expression));
    }

    private static class NoTracking<T>
        where T : class
    {
        public static readonly MethodInfo Method = new Func<IQueryable<T>, IQueryable<T>>(EntityFrameworkQueryableExtensions.AsNoTracking).Method;
    }
}
