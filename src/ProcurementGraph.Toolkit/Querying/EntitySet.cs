namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// Every row of an entity type, inside a field expression: for relations no navigation reaches, a correlated subquery on any
/// columns (<c>x =&gt; EntitySet.Of&lt;Note&gt;().Where(n =&gt; n.OwnerKey == x.Id)</c>). The toolkit replaces it with the request's
/// query root (restricted by the caller's row rules) when it applies the expression; it is never called.
/// </summary>
public static class EntitySet
{
    /// <summary>A placeholder for the rows of <typeparamref name="T"/>; only meaningful inside a field expression.</summary>
    public static IQueryable<T> Of<T>()
        where T : class =>
        throw new InvalidOperationException($"EntitySet.Of<{typeof(T).Name}>() stands for a query root inside field expressions; it is not callable.");
}
