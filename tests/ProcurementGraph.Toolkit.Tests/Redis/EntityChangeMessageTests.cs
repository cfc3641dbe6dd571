using System.Text;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Redis;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Tests.Redis;

/// <summary>What the Redis event bus puts on its channel: compact JSON that reads back as the same changes.</summary>
public sealed class EntityChangeMessageTests
{
    private enum Status
    {
        Draft,
        Active,
    }

    [Fact]
    public void A_change_round_trips_with_its_field_values_readable_as_their_types()
    {
        // Arrange
        var committedAt = new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
        var change = new EntityChange("Contract", "42", ChangeKind.Updated, new Dictionary<string, FieldChange>
        {
            ["status"] = new(Status.Draft, Status.Active),
            ["annualValue"] = new(1200.5m, 1300.25m),
            ["endDate"] = new(null, new DateOnly(2027, 1, 31)),
            ["version"] = new(new byte[] { 1, 2 }, new byte[] { 3, 4 }),
        }, "changeContractStatus", committedAt);

        // Act
        var bytes = EntityChangeMessage.Serialize("replica-1", [change]);
        var message = EntityChangeMessage.Deserialize(bytes)!;
        var read = Assert.Single(message.ToChanges());

        // Assert
        Assert.Equal("replica-1", message.Replica);
        Assert.Equal(("Contract", "42", ChangeKind.Updated, "changeContractStatus", committedAt),
            (read.EntityType, read.Key, read.Kind, read.Operation, read.CommittedAt));
        Assert.Equal(Status.Draft, read.Before<Status>("status"));
        Assert.Equal(Status.Active, read.After<Status>("status"));
        Assert.Equal(1200.5m, read.Before<decimal>("annualValue"));
        Assert.Null(read.Before<DateOnly?>("endDate"));
        Assert.Equal(new DateOnly(2027, 1, 31), read.After<DateOnly>("endDate"));
        Assert.Equal(new byte[] { 3, 4 }, read.After<byte[]>("version"));
        Assert.True(read.Changed("version"));
        Assert.False(read.Changed("number"));
        Assert.Contains("\"t\":\"Contract\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
