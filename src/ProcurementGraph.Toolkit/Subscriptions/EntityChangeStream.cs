using System.Linq.Expressions;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Authorization;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// A subscription's source stream (what GraphQL.NET's <c>ResolveStream</c> returns): the committed changes of one entity type
/// that its definition accepts. Each subscriber gets a bounded queue fed by the bus; a pump hands the changes to the engine
/// one at a time, in order. A full queue is a slow consumer: the transport is told (it closes the connection) and nothing more
/// is queued, so memory never grows.
/// </summary>
internal sealed class EntityChangeStream : IObservable<object?>
{
    private readonly IEntityChangeBus _bus;
    private readonly SubscriptionTransport _transport;

    private EntityChangeStream(SubscriptionDefinition definition, IEntityChangeBus bus, SubscriptionTransport transport,
        LambdaExpression? filter, string? shareKey)
    {
        Definition = definition;
        _bus = bus;
        _transport = transport;
        Filter = filter;
        _couldMatch = ChangeFilter.From(filter);
        ShareKey = shareKey;
    }

    private readonly Func<EntityChange, bool>? _couldMatch;

    /// <summary>The transport the subscription runs on (its queue size, its backpressure and, maybe, its own way to send).</summary>
    public SubscriptionTransport Transport => _transport;

    /// <summary>Whether this subscriber's results leave through <see cref="SubscriptionTransport.Send"/> (it shares them and its transport can send).</summary>
    public bool SendsItself => ShareKey is not null && _transport.Send is not null;

    public SubscriptionDefinition Definition { get; }

    /// <summary>The subscriber's own predicate over the entity (its arguments), or null.</summary>
    public LambdaExpression? Filter { get; }

    /// <summary>Whether a change accepted by the definition may be an event of this subscriber: false when the change's own values contradict its filter (no read).</summary>
    public bool CouldMatch(EntityChange change) => Definition.Accepts(change) && (_couldMatch is null || _couldMatch(change));

    /// <summary>
    /// Subscribers with the same key get the same result for every event (read, executed and serialized once between them): the same group (same rules) and the same
    /// document, operation, field and variables. Null: this subscriber reads alone.
    /// </summary>
    public string? ShareKey { get; }

    /// <summary>
    /// The stream of the subscription field being resolved. The field's access rule is checked now (GraphQL.NET runs no field
    /// middleware for a stream resolver) and its arguments are read now: a refused caller or a bad argument is an error of the
    /// subscribe, not of every event.
    /// </summary>
    public static async ValueTask<IObservable<object?>> ForAsync(SubscriptionDefinition definition, IResolveFieldContext context)
    {
        var services = context.RequestServices ?? throw new InvalidOperationException("The request has no services.");
        var access = (context.UserContext.TryGetValue(FieldAuthorizationMiddleware.AccessKey, out var cached) ? cached as IFieldAccess : null)
            ?? services.GetService<IFieldAccess>();
        if (access is not null)
        {
            var allowed = await access.AuthorizeAsync(context.User ?? new ClaimsPrincipal(new ClaimsIdentity()), context.ParentType, context.FieldDefinition)
                .ConfigureAwait(false);
            if (allowed != FieldAuthorizationResult.Allowed)
            {
                throw new FieldAuthorizationError(allowed);
            }
        }

        var bus = services.GetRequiredService<IEntityChangeBus>();
        var transport = context.UserContext.TryGetValue(SubscriptionTransport.UserContextKey, out var value) && value is SubscriptionTransport t
            ? t
            : new SubscriptionTransport();
        var filter = definition.Filter?.Invoke(context);
        var group = context.User is { } user ? services.GetService<ISubscriberGroups>()?.GroupOf(user) : null;
        return new EntityChangeStream(definition, bus, transport, filter, group is null ? null : ShareKeyOf(group, context));
    }

    public IDisposable Subscribe(IObserver<object?> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscription = new Subscription(this, observer, _transport);
        subscription.Start(_bus);
        return subscription;
    }

    private static string? ShareKeyOf(string group, IResolveFieldContext context)
    {
        try
        {
            var variables = JsonSerializer.Serialize(context.Variables?.Select(v => new object?[] { v.Name, v.Value }) ?? []);
            var text = string.Join('\n', group, context.Document.Source.ToString(), context.Operation.Name?.StringValue ?? string.Empty,
                context.FieldAst.Alias?.Name.StringValue ?? context.FieldAst.Name.StringValue, variables);
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
        catch (NotSupportedException)
        {
            return null; // a variable value without a JSON form: read alone
        }
    }

    /// <summary>One subscriber: its queue, its registration on the bus and the pump that feeds the engine.</summary>
    private sealed class Subscription(EntityChangeStream stream, IObserver<object?> observer, SubscriptionTransport transport)
        : IEntityChangeListener, IDisposable
    {
        private readonly SingleReaderQueue<PendingChange> _queue = new(Math.Max(1, transport.QueueCapacity));

        private readonly CancellationTokenSource _stop = new();
        private IDisposable? _registration;
        private int _overflowed;
        private int _disposed;

        public void Start(IEntityChangeBus bus)
        {
            _registration = bus.Subscribe(stream.Definition.EntityTypeName, this);

            // The pump runs in the flow of the subscriber's transport (its request), never in a publisher's.
            var token = _stop.Token;
            _ = Task.Run(() => PumpAsync(token), CancellationToken.None);
        }

        public void OnChanges(IReadOnlyList<EntityChange> changes)
        {
            for (var i = 0; i < changes.Count && Volatile.Read(ref _disposed) == 0; i++)
            {
                if (stream.CouldMatch(changes[i]))
                {
                    Enqueue(new PendingChange(stream, changes[i], null) { Commit = changes, IndexInCommit = i });
                }
            }
        }

        public void OnInterrupted(Exception error)
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                Enqueue(new PendingChange(stream, null, error));
            }
        }

        private void Enqueue(PendingChange pending)
        {
            if (_queue.TryWrite(pending) || Interlocked.Exchange(ref _overflowed, 1) != 0)
            {
                return;
            }

            // A slow consumer: no more events for it, and its transport cuts it off.
            _registration?.Dispose();
            _queue.Complete();
            if (transport.Overflow is { } overflow)
            {
                overflow();
            }
            else
            {
                observer.OnError(new ExecutionError("The subscription fell too far behind its events and was ended.") { Code = SubscriptionErrorCodes.SlowConsumer });
            }
        }

        private async Task PumpAsync(CancellationToken token)
        {
            try
            {
                while (await _queue.WaitToReadAsync(token).ConfigureAwait(false))
                {
                    while (!token.IsCancellationRequested && _queue.TryRead(out var pending))
                    {
                        if (transport.WaitForRoom is { } waitForRoom)
                        {
                            await waitForRoom(token).ConfigureAwait(false);
                        }

                        if (await SentAsShared(pending, token).ConfigureAwait(false))
                        {
                            continue;
                        }

                        observer.OnNext(pending);
                        await pending.Processed.WaitAsync(token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // disposed: the subscriber left
            }
        }

        /// <summary>
        /// A subscriber that sends its own results (<see cref="SendsItself"/>) and whose group has started the change's result
        /// already (another subscriber of the group is executing it, or has) waits for that result here and sends it: the same
        /// message the engine would have sent, in order (the engine's events of this subscription are sent before their
        /// processing ends, and the pump waits for that). False: the engine processes the change (this subscriber executes it
        /// for the group, or it does not share, or the group's execution failed and the engine reports it as before).
        /// </summary>
        private async ValueTask<bool> SentAsShared(PendingChange pending, CancellationToken token)
        {
            if (!stream.SendsItself || pending.Change is not { } change
                || !SharedEventResults.TryGet(change, stream.ShareKey!, out var shared))
            {
                return false;
            }

            if (!shared.IsCompleted)
            {
                await ((Task)shared).WaitAsync(token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                token.ThrowIfCancellationRequested(); // the subscriber left while the group's result was made
            }

            if (!shared.IsCompletedSuccessfully)
            {
                return false;
            }

            if (shared.Result is not SkippedEvent)
            {
                transport.Send!(shared.Result);
            }

            return true;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            _registration?.Dispose();
            _queue.Complete();
            _stop.Cancel();
        }
    }
}
