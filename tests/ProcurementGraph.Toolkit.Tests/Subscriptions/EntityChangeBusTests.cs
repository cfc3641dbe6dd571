using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Tests.Subscriptions;

public sealed class EntityChangeBusTests
{
    private static EntityChange Change(string type, string key, params (string Field, object? Before, object? After)[] fields) =>
        new(type, key, ChangeKind.Updated, fields.ToDictionary(f => f.Field, f => new FieldChange(f.Before, f.After)), "updateThing", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_publish_reaches_the_listeners_of_its_entity_type_in_order_and_none_after_disposal()
    {
        // Arrange
        var bus = new InProcessEntityChangeBus(NullLogger<InProcessEntityChangeBus>.Instance);
        var things = new Recorder();
        var others = new Recorder();
        var registration = bus.Subscribe("Thing", things);
        using var other = bus.Subscribe("Other", others);

        // Act
        await bus.PublishAsync([Change("Thing", "1"), Change("Other", "9"), Change("Thing", "2")], CancellationToken.None);
        registration.Dispose();
        await bus.PublishAsync([Change("Thing", "3")], CancellationToken.None);

        // Assert
        Assert.Equal(["1", "2"], things.Keys);
        Assert.Equal(["9"], others.Keys);
        Assert.Equal(1, bus.ListenerCount);
    }

    [Fact]
    public async Task A_failing_listener_does_not_keep_the_others_from_their_changes()
    {
        var bus = new InProcessEntityChangeBus(NullLogger<InProcessEntityChangeBus>.Instance);
        var after = new Recorder();
        using var failing = bus.Subscribe("Thing", new Failing());
        using var recorder = bus.Subscribe("Thing", after);
        await bus.PublishAsync([Change("Thing", "1")], CancellationToken.None);
        Assert.Equal(["1"], after.Keys);
    }

    [Fact]
    public void Field_values_read_the_same_as_CLR_values_and_after_a_JSON_round_trip()
    {
        // Arrange: what a backplane would deliver after serializing the change
        var change = Change("Thing", "1", ("status", Kind.Active, Kind.Closed), ("current", 1.5m, 2.25m), ("name", null, "x"));
        var json = JsonSerializer.SerializeToElement(new { status = "Active", current = 1.5m, count = 3 });
        var roundTripped = Change("Thing", "1", ("status", json.GetProperty("status"), null), ("current", json.GetProperty("current"), null),
            ("count", json.GetProperty("count"), null));

        // Assert
        Assert.Equal(Kind.Active, change.Before<Kind>("status"));
        Assert.Equal(2.25m, change.After<decimal>("current"));
        Assert.Null(change.Before<string>("name"));
        Assert.True(change.Changed("name"));
        Assert.False(change.Changed("other"));
        Assert.Equal(Kind.Active, roundTripped.Before<Kind>("status"));
        Assert.Equal(1.5m, roundTripped.Before<decimal>("current"));
        Assert.Equal(3, roundTripped.Before<int>("count"));
    }

    private enum Kind
    {
        Active,
        Closed,
    }

    private sealed class Recorder : IEntityChangeListener
    {
        public List<string> Keys { get; } = [];

        public void OnChanges(IReadOnlyList<EntityChange> changes) => Keys.AddRange(changes.Select(change => change.Key));

        public void OnInterrupted(Exception error)
        {
        }
    }

    private sealed class Failing : IEntityChangeListener
    {
        public void OnChanges(IReadOnlyList<EntityChange> changes) => throw new InvalidOperationException("listener bug");

        public void OnInterrupted(Exception error)
        {
        }
    }
}
