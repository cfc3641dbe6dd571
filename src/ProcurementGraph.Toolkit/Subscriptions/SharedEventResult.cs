using System.Text;
using GraphQL;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// An event's result executed and serialized once for every subscriber of one share group
/// (<see cref="EntityChangeStream.ShareKey"/>): the transports send <see cref="Payload"/> as it is, each under its own
/// operation id, instead of serializing the result again per subscriber.
/// </summary>
public sealed class SharedEventResult : ExecutionResult
{
    public SharedEventResult(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Payload = Encoding.UTF8.GetBytes(payload);
        Executed = true;
    }

    /// <summary>A result serialized already as UTF-8 JSON (e.g. a stored answer that is replayed).</summary>
    public SharedEventResult(ReadOnlyMemory<byte> payload)
    {
        Payload = payload;
        Executed = true;
    }

    /// <summary>The serialized execution result (<c>{"data":…}</c>, with errors if any), UTF-8.</summary>
    public ReadOnlyMemory<byte> Payload { get; }
}
