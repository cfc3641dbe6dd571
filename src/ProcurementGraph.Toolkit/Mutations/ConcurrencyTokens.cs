using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// Row versions on every provider. A database-generated token (SQL Server's <c>rowversion</c>, <c>IsRowVersion()</c>) is
/// renewed by the database on every insert and update, also by set-based updates. Where the database has none (SQLite),
/// EF Core's way is an application-managed concurrency token (<c>IsConcurrencyToken()</c>) that the application gives a new
/// value on every insert and update: <see cref="Renew(DbContext)"/> does that for tracked rows, <see cref="ExecuteVersionedUpdateAsync"/>
/// for set-based updates (<c>ExecuteUpdate</c> bypasses the change tracker, so it must set the token itself).
/// </summary>
public static class ConcurrencyTokens
{
    /// <summary>The size of an application-managed token, as SQL Server's <c>rowversion</c>: 8 bytes.</summary>
    public const int Length = 8;

    /// <summary>A new application-managed token: 8 random bytes.</summary>
    public static byte[] New() => RandomNumberGenerator.GetBytes(Length);

    /// <summary>The application-managed concurrency token of <paramref name="entityType"/>: a <c>byte[]</c> concurrency token the database does not generate; null when it has none (or the database renews it).</summary>
    public static IProperty? ApplicationManaged(IEntityType entityType) =>
        entityType.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken && p.ValueGenerated == ValueGenerated.Never && p.ClrType == typeof(byte[]));

    /// <summary>Gives every new row without a token and every changed row a new application-managed token (rows with a database-generated token are left to the database).</summary>
    public static void Renew(IEnumerable<EntityEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || ApplicationManaged(entry.Metadata) is not { } token)
            {
                continue;
            }

            var property = entry.Property(token.Name);
            if (entry.State == EntityState.Modified || property.CurrentValue is not byte[] { Length: > 0 })
            {
                property.CurrentValue = New();
            }
        }
    }

    /// <summary>Renews the tokens of the rows <paramref name="db"/> is about to save (see <see cref="Renew(IEnumerable{EntityEntry})"/>).</summary>
    public static void Renew(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        Renew(db.ChangeTracker.Entries());
    }

    /// <summary>
    /// <c>ExecuteUpdate</c> that also renews the rows' version: an application-managed token gets a new value (one value for
    /// every row of the statement: a token is only ever compared with its own row's); a database-generated one is renewed by
    /// the database. Use it for every set-based update of a versioned entity, so a client holding an old version loses.
    /// </summary>
    public static Task<int> ExecuteVersionedUpdateAsync<T>(this IQueryable<T> rows, DbContext db, Action<UpdateSettersBuilder<T>> setters, CancellationToken cancellationToken = default)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var token = ApplicationManaged(entityType);
        if (token is null)
        {
            return rows.ExecuteUpdateAsync(setters, cancellationToken);
        }

        var row = Expression.Parameter(typeof(T), "row");
        var selector = Expression.Lambda<Func<T, byte[]>>(
            Expression.Call(typeof(EF), nameof(EF.Property), [typeof(byte[])], row, Expression.Constant(token.Name)), row);
        var value = New();
        return rows.ExecuteUpdateAsync(
            s =>
            {
                setters(s);
                s.SetProperty(selector, value);
            },
            cancellationToken);
    }
}
