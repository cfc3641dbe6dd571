using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using GraphQL;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// The results started for one published change, by share key (<see cref="EntityChangeStream.ShareKey"/>): the same
/// <see cref="EntityChange"/> instance reaches every listener of this process, so the table lives as long as the change.
/// The first subscriber of a group to process the change adds its task (<see cref="SubscriptionEventExecutionStrategy"/>);
/// the others of the group wait for it, in the engine or, when their transport can send on its own, in their pump.
/// </summary>
internal static class SharedEventResults
{
    private static readonly ConditionalWeakTable<EntityChange, ConcurrentDictionary<string, Task<ExecutionResult>>> Started = new();

    /// <summary>The task of the group's result if a subscriber of the group has started it.</summary>
    public static bool TryGet(EntityChange change, string shareKey, [NotNullWhen(true)] out Task<ExecutionResult>? result)
    {
        if (Started.TryGetValue(change, out var results) && results.TryGetValue(shareKey, out var started))
        {
            result = started;
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>The group's task: <paramref name="mine"/> when this subscriber is the first, else the first one's.</summary>
    public static Task<ExecutionResult> GetOrAdd(EntityChange change, string shareKey, Task<ExecutionResult> mine) =>
        Started.GetValue(change, static _ => new ConcurrentDictionary<string, Task<ExecutionResult>>(StringComparer.Ordinal))
            .GetOrAdd(shareKey, mine);
}
