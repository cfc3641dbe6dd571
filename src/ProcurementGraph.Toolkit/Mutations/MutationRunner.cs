using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// Runs one mutation field in one transaction (inside the provider's execution strategy, so SQL Server's retries
/// replay the whole unit): committed when the handler succeeds, rolled back when it ends with errors or throws.
/// The change tracker is cleared before and after, so nothing leaks into the next field. Once the transaction has
/// committed, the changes it saved (those the audit trail records) are published on the <see cref="IEntityChangeBus"/>,
/// when one is registered; a rolled-back write publishes nothing.
/// </summary>
internal static partial class MutationRunner
{
    public static async Task<MutationResult> RunAsync(IResolveFieldContext field, Func<MutationContext, Task<MutationResult>> handler)
    {
        var services = field.RequestServices ?? throw new InvalidOperationException("The request has no services.");
        var db = services.GetRequiredService<IMutationDatabase>().Context;
        var strategy = db.Database.CreateExecutionStrategy();
        var (result, committed) = await strategy.ExecuteAsync(
            (field, handler, db),
            static async (_, state, cancellationToken) =>
            {
                var (field, handler, db) = state;
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var mutation = new MutationContext(field, db);
                    MutationResult result;
                    try
                    {
                        result = await handler(mutation).ConfigureAwait(false);
                    }
                    catch (MutationAbortedException aborted)
                    {
                        result = MutationResult.Failure(aborted.Errors);
                    }

                    if (result.RollsBack)
                    {
                        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                        return (result, (IReadOnlyList<AuditedChange>)[]);
                    }

                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    return (result, mutation.Changes);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            },
            verifySucceeded: null,
            field.CancellationToken).ConfigureAwait(false);

        if (committed.Count > 0 && services.GetService<IEntityChangeBus>() is { } bus)
        {
            await PublishAsync(bus, services, field.FieldDefinition.Name, committed).ConfigureAwait(false);
        }

        return result;
    }

    private static async Task PublishAsync(IEntityChangeBus bus, IServiceProvider services, string operation, IReadOnlyList<AuditedChange> committed)
    {
        var at = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var changes = committed.Select(c => new EntityChange(c.EntityType, c.Key, c.Kind, c.Fields, operation, at)).ToList();
        try
        {
            // Not the request's token: the write has committed, its events go out even if the client has left.
            await bus.PublishAsync(changes, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The write stands; subscribers miss these events (a backplane that is down reports it to them itself).
            if (services.GetService<ILoggerFactory>()?.CreateLogger(typeof(MutationRunner).FullName!) is { } logger)
            {
                LogPublishFailed(logger, e, operation, changes.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Count} committed changes of {Operation} could not be published to subscribers")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string operation, int count);
}
