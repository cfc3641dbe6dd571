using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Server.Mutations;

/// <summary>
/// Runs one mutation field in one transaction (inside the provider's execution strategy, so SQL Server's retries
/// replay the whole unit): committed when the handler succeeds, rolled back when it ends with errors or throws.
/// The change tracker is cleared before and after, so nothing leaks into the next field.
/// </summary>
internal static class MutationRunner
{
    public static async Task<MutationResult> RunAsync(IResolveFieldContext field, Func<MutationContext, Task<MutationResult>> handler)
    {
        var services = field.RequestServices ?? throw new InvalidOperationException("The request has no services.");
        var db = services.GetRequiredService<IMutationDatabase>().Context;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (field, handler, db),
            static async (_, state, cancellationToken) =>
            {
                var (field, handler, db) = state;
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    MutationResult result;
                    try
                    {
                        result = await handler(new MutationContext(field, db)).ConfigureAwait(false);
                    }
                    catch (MutationAbortedException aborted)
                    {
                        result = MutationResult.Failure(aborted.Errors);
                    }

                    if (result.RollsBack)
                    {
                        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                    else
                    {
                        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    }

                    return result;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            },
            verifySucceeded: null,
            field.CancellationToken).ConfigureAwait(false);
    }
}
