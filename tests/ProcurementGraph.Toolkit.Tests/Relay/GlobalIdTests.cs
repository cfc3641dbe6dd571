using System.Text;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Toolkit.Tests.Relay;

/// <summary>The compiled result path writes <c>int</c>-keyed IDs through <see cref="GlobalId.TryEncode"/>: the same bytes as <see cref="GlobalId.Encode(string, int)"/>.</summary>
public sealed class GlobalIdTests
{
    [Theory]
    [InlineData("Supplier", 1)]
    [InlineData("Supplier", 0)]
    [InlineData("Contract", 110557)]
    [InlineData("StakeholderRating", int.MaxValue)]
    [InlineData("Category", int.MinValue)]
    [InlineData("Ünïcode", -42)]
    public void TryEncode_writes_the_UTF8_bytes_of_Encode(string typeName, int key)
    {
        Span<byte> destination = stackalloc byte[256];

        Assert.True(GlobalId.TryEncode(typeName, key, destination, out var written));
        Assert.Equal(GlobalId.Encode(typeName, key), Encoding.UTF8.GetString(destination[..written]));
    }

    [Fact]
    public void TryEncode_refuses_a_destination_too_short_and_a_type_name_too_long()
    {
        Span<byte> destination = stackalloc byte[256];

        Assert.False(GlobalId.TryEncode("Supplier", 1, destination[..8], out _));
        Assert.False(GlobalId.TryEncode(new string('T', 65), 1, destination, out _));
        Assert.True(GlobalId.TryEncode(new string('T', 64), 1, destination, out var written));
        Assert.Equal(GlobalId.Encode(new string('T', 64), 1), Encoding.UTF8.GetString(destination[..written]));
    }
}
