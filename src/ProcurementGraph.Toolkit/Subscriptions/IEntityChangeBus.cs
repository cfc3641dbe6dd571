namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// Where committed changes go and where subscriptions listen: in process by default (<see cref="InProcessEntityChangeBus"/>);
/// a backplane shared by several server processes implements the same two methods.
/// </summary>
public interface IEntityChangeBus
{
    /// <summary>
    /// Hands committed changes to every listener of their entity type. Called once a mutation's transaction has committed,
    /// never for a rolled-back write; a failure here does not undo the write (the mutation has already succeeded).
    /// </summary>
    ValueTask PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken);

    /// <summary>Listens to the committed changes of <paramref name="entityType"/> (a GraphQL type name) until the handle is disposed.</summary>
    IDisposable Subscribe(string entityType, IEntityChangeListener listener);
}

/// <summary>
/// A subscription's ear on the bus. Called on the publisher's (or the backplane's) thread: it must not block, so it only
/// queues what it receives.
/// </summary>
public interface IEntityChangeListener
{
    /// <summary>
    /// The changes of one publish (one mutation's commit) of the listener's entity type, in order, never empty: a listener
    /// sees a commit's changes together (a subscriber reads a burst's entities in one statement).
    /// </summary>
    void OnChanges(IReadOnlyList<EntityChange> changes);

    /// <summary>The bus lost changes (a backplane went away); the listener tells its client. The in-process bus never calls it.</summary>
    void OnInterrupted(Exception error);
}
