using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>The request's data context that mutations write through (the same one queries read).</summary>
public interface IMutationDatabase
{
    DbContext Context { get; }
}

internal sealed class MutationDatabase<TContext>(TContext context) : IMutationDatabase
    where TContext : DbContext
{
    public DbContext Context => context;
}
